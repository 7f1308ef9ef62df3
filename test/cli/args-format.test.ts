/** The options of export and batch (SPEC §6): --format, --json as --format json, several inputs, fill --indicators. */
import { parseArguments } from '../../src/cli/args';
import { MESSAGES } from '../../src/cli/messages';

describe('--format', () => {
  it('is text by default, and takes text, json and csv on check, fill and report', () => {
    expect(parseArguments(['check', 'a.xlsx'])).toMatchObject({ kind: 'run', options: { format: 'text' } });
    for (const format of ['text', 'json', 'csv']) {
      expect(parseArguments(['check', 'a.xlsx', '--format', format])).toMatchObject({
        kind: 'run',
        options: { format },
      });
      expect(parseArguments(['fill', 'a.xlsx', '-o', 'b.xlsx', `--format=${format}`])).toMatchObject({
        kind: 'run',
        options: { command: 'fill', format },
      });
      expect(parseArguments(['report', 'a.xlsx', '-o', 'b.xlsx', '--format', format])).toMatchObject({
        kind: 'run',
        options: { command: 'report', format },
      });
    }
  });

  it('reads --json as --format json, alone or with --format json', () => {
    expect(parseArguments(['check', 'a.xlsx', '--json'])).toMatchObject({ options: { format: 'json' } });
    expect(parseArguments(['check', 'a.xlsx', '--json', '--format', 'json'])).toMatchObject({
      kind: 'run',
      options: { format: 'json' },
    });
  });

  const mistakes: [string[], object][] = [
    [['check', 'a.xlsx', '--format', 'xml'], { code: 'bad-format', value: 'xml' }],
    [['check', 'a.xlsx', '--format', 'CSV'], { code: 'bad-format', value: 'CSV' }],
    [['check', 'a.xlsx', '--format'], { code: 'missing-value', option: '--format' }],
    [['check', 'a.xlsx', '--json', '--format', 'csv'], { code: 'conflicting-format', format: 'csv' }],
    [['check', 'a.xlsx', '--format=text', '--json'], { code: 'conflicting-format', format: 'text' }],
    [
      ['check', 'a.xlsx', '--format', 'csv', '--format', 'json'],
      { code: 'repeated-option', option: '--format' },
    ],
    [['programmes', '--format', 'json'], { code: 'option-not-for-command', option: '--format' }],
    [['check', 'a.xlsx', '--indicators'], { code: 'option-not-for-command', option: '--indicators' }],
    [['report', 'a.xlsx', '-o', 'b.xlsx', '--indicators'], { code: 'option-not-for-command' }],
    [['fill', 'a.xlsx', '-o', 'b.xlsx', '--indicators=yes'], { code: 'flag-with-value' }],
    [['report', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx'], { code: 'extra-argument', argument: 'b.xlsx' }],
  ];
  it.each(mistakes)('%j is refused as %j', (argv, error) => {
    expect(parseArguments(argv)).toMatchObject({ kind: 'error', error });
  });

  it('says each mistake in one line, in Italian and in English', () => {
    const clash = { code: 'conflicting-format', format: 'csv' } as const;
    expect(MESSAGES.it.argumentError(clash)).toBe('--json e --format csv si contraddicono: usane uno solo');
    expect(MESSAGES.en.argumentError(clash)).toBe(
      '--json and --format csv contradict each other: give only one',
    );
    expect(MESSAGES.it.argumentError({ code: 'bad-format', value: 'xml' })).toBe(
      'formato non disponibile: xml (usa text, json o csv)',
    );
    expect(MESSAGES.en.argumentError({ code: 'bad-format', value: 'xml' })).toBe(
      'format not available: xml (use text, json or csv)',
    );
    for (const lang of ['it', 'en'] as const)
      expect(MESSAGES[lang].argumentError({ code: 'missing-input', command: 'check' })).not.toContain('\n');
  });
});

describe('several inputs', () => {
  it('lets check take several files and folders, in the order given', () => {
    expect(parseArguments(['check', 'a.xlsx', 'folder', '--json', 'b.xlsm'])).toMatchObject({
      kind: 'run',
      options: { command: 'check', input: 'a.xlsx', inputs: ['a.xlsx', 'folder', 'b.xlsm'], format: 'json' },
    });
    expect(parseArguments(['check', '--', '-odd.xlsx', 'x.xlsx'])).toMatchObject({
      options: { inputs: ['-odd.xlsx', 'x.xlsx'] },
    });
  });

  it('keeps one input to fill and report', () => {
    expect(parseArguments(['fill', 'a.xlsx', '-o', 'b.xlsx'])).toMatchObject({
      options: { input: 'a.xlsx', inputs: ['a.xlsx'], indicators: false },
    });
  });
});

describe('fill --indicators', () => {
  it('is a flag of fill', () => {
    expect(parseArguments(['fill', 'a.xlsx', '--indicators', '-o', 'b.xlsx', '--force'])).toMatchObject({
      kind: 'run',
      options: { command: 'fill', indicators: true, force: true, output: 'b.xlsx' },
    });
  });
});

describe('the help', () => {
  it.each(['it', 'en'] as const)('lists the new options in %s', (lang) => {
    const usage = MESSAGES[lang].usage;
    expect(usage).toContain('[--format text|json|csv]');
    expect(usage).toMatch(/^ {2}--format text\|json\|csv /m);
    expect(usage).toMatch(/^ {2}--indicators {11}\(fill\) /m);
    expect(usage).toContain(lang === 'it' ? '[<file|cartella>...]' : '[<file|folder>...]');
    expect(usage).toContain('[--force] [--indicators]');
  });
});
