import { parseArguments } from '../../src/cli/args';

describe('parseArguments', () => {
  it('reads check with every option', () => {
    expect(
      parseArguments([
        'check',
        'a.xlsx',
        '--model',
        'm.json',
        '--model-version=2022-12',
        '--json',
        '--lang',
        'en',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        command: 'check',
        input: 'a.xlsx',
        inputs: ['a.xlsx'],
        output: null,
        force: false,
        indicators: false,
        modelPath: 'm.json',
        programme: null,
        versionId: '2022-12',
        format: 'json',
        lang: 'en',
      },
    });
  });

  it('reads --programme on check, fill and report', () => {
    for (const argv of [
      ['check', 'a.xlsx', '--programme', '2014IT05SFOP015'],
      ['fill', 'a.xlsx', '-o', 'b.xlsx', '--programme=2014IT05SFOP015'],
      ['report', 'a.xlsx', '-o', 'b.xlsx', '--programme', '2014IT05SFOP015'],
    ]) {
      expect(parseArguments(argv)).toMatchObject({ kind: 'run', options: { programme: '2014IT05SFOP015' } });
    }
  });

  it('reads programmes with --json and --lang, and nothing that needs a workbook', () => {
    expect(parseArguments(['programmes'])).toEqual({ kind: 'programmes', lang: 'it', json: false });
    expect(parseArguments(['programmes', '--json', '--lang', 'en'])).toEqual({
      kind: 'programmes',
      lang: 'en',
      json: true,
    });
    expect(parseArguments(['programmes', 'a.xlsx'])).toMatchObject({
      kind: 'error',
      error: { code: 'extra-argument', argument: 'a.xlsx' },
    });
    expect(parseArguments(['programmes', '--programme', 'x'])).toMatchObject({
      kind: 'error',
      error: { code: 'option-not-for-command', option: '--programme', command: 'programmes' },
    });
  });

  it('reads fill with -o and --force in any order', () => {
    const parsed = parseArguments(['--force', 'fill', '-o', 'out.xlsx', 'in.xlsx']);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { command: 'fill', input: 'in.xlsx', output: 'out.xlsx', force: true, lang: 'it' },
    });
  });

  it('takes --output as the long form of -o, and -- before a file that starts with a dash', () => {
    expect(parseArguments(['report', '--output=r.xlsx', '--', '-in.xlsx'])).toMatchObject({
      kind: 'run',
      options: { command: 'report', input: '-in.xlsx', output: 'r.xlsx' },
    });
  });

  it('answers help and version before anything else', () => {
    expect(parseArguments(['check', '--bogus', '-h'])).toEqual({ kind: 'help', lang: 'it' });
    expect(parseArguments(['help', '--lang', 'en'])).toEqual({ kind: 'help', lang: 'en' });
    expect(parseArguments(['--version'])).toEqual({ kind: 'version', lang: 'it' });
  });

  const mistakes: [string[], object][] = [
    [[], { code: 'missing-command' }],
    [['--json'], { code: 'missing-command' }],
    [['verify', 'a.xlsx'], { code: 'unknown-command', command: 'verify' }],
    [['check', 'a.xlsx', '--bogus'], { code: 'unknown-option', option: '--bogus' }],
    [['check', 'a.xlsx', '-o', 'b.xlsx'], { code: 'option-not-for-command', option: '-o', command: 'check' }],
    [
      ['report', 'a.xlsx', '-o', 'b.xlsx', '--force'],
      { code: 'option-not-for-command', option: '--force', command: 'report' },
    ],
    [['check', 'a.xlsx', '--model'], { code: 'missing-value', option: '--model' }],
    [['check', 'a.xlsx', '--model', '--json'], { code: 'missing-value', option: '--model' }],
    [['fill', 'a.xlsx', '-o', 'b.xlsx', '-o', 'c.xlsx'], { code: 'repeated-option', option: '-o' }],
    [['check', 'a.xlsx', '--json=yes'], { code: 'flag-with-value', option: '--json' }],
    [['check', 'a.xlsx', '--lang', 'fr'], { code: 'bad-lang', value: 'fr' }],
    [['check'], { code: 'missing-input', command: 'check' }],
    [['fill', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx'], { code: 'extra-argument', argument: 'b.xlsx' }],
    [['fill', 'a.xlsx'], { code: 'missing-output', command: 'fill' }],
  ];
  it.each(mistakes)('%j is refused as %j', (argv, error) => {
    expect(parseArguments(argv)).toMatchObject({ kind: 'error', error });
  });

  it('speaks the language asked for even when the line is wrong', () => {
    expect(parseArguments(['verify', '--lang=en'])).toMatchObject({ kind: 'error', lang: 'en' });
    expect(parseArguments(['verify'])).toMatchObject({ kind: 'error', lang: 'it' });
  });
});
