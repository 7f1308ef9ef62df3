/** `por-tables` when it cannot run: exit code 2, exactly one line on stderr, no stack trace. */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZipThatIsNotAWorkbook } from '../fixtures/build-fixtures';
import { BIN, SAMPLE, buildCli, runCli, temporaryFolder } from './harness';

const folder = temporaryFolder('cli-errors');
const file = (name: string): string => join(folder.dir, name);

beforeAll(async () => {
  buildCli();
  writeFileSync(file('random.xlsx'), randomBytes(3000));
  copyFileSync(
    join(__dirname, '..', '..', 'assets', 'data', 'tabella1-piano-finanziario.csv'),
    file('table.xlsx'),
  );
  await writeZipThatIsNotAWorkbook(file('archive.xlsx'));
  writeFileSync(
    file('bad-model.json'),
    JSON.stringify({
      id: 'x',
      title: 'X',
      currency: 'EUR',
      versions: [
        {
          id: 'v',
          label: 'V',
          total: '10',
          axes: [{ id: 'I', ot: '8', name: 'A', aliases: [], allocation: '12,5' }],
        },
      ],
      indicators: [],
    }),
  );
  writeFileSync(file('not-json.json'), '{ "id": ');
  copyFileSync(SAMPLE, file('sample.xlsx'));
}, 60_000);
afterAll(folder.remove);

/** Runs the command in the temporary folder and checks the common contract of a refusal. */
function refused(args: string[]): string {
  const run = runCli(args, folder.dir);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('por-tables refuses to run, in one line', () => {
  it('without arguments', () => {
    expect(refused([])).toBe('por-tables: manca il comando (check, fill, report); vedi por-tables --help');
  });

  it('with an unknown command', () => {
    expect(refused(['verify', 'sample.xlsx'])).toBe(
      'por-tables: comando sconosciuto: verify (comandi: check, fill, report)',
    );
  });

  it('with an unknown option', () => {
    expect(refused(['check', 'sample.xlsx', '--strict'])).toBe(
      'por-tables: opzione sconosciuta: --strict; vedi por-tables --help',
    );
  });

  it('in English when asked', () => {
    expect(refused(['check', 'sample.xlsx', '--strict', '--lang', 'en'])).toBe(
      'por-tables: unknown option: --strict; see por-tables --help',
    );
  });

  it('with a file that does not exist', () => {
    expect(refused(['check', 'missing.xlsx'])).toBe('por-tables: file non trovato: missing.xlsx');
    expect(refused(['check', 'missing.xlsx', '--lang', 'en'])).toBe(
      'por-tables: file not found: missing.xlsx',
    );
  });

  it('with random bytes named .xlsx', () => {
    expect(refused(['check', 'random.xlsx'])).toBe(
      'por-tables: random.xlsx non è un file .xlsx (forse un CSV o un file di testo rinominato)',
    );
  });

  it('with a CSV renamed .xlsx', () => {
    expect(refused(['check', 'table.xlsx', '--lang', 'en'])).toBe(
      'por-tables: table.xlsx is not an .xlsx file (perhaps a CSV or a text file renamed)',
    );
  });

  it('with a zip that is not a workbook', () => {
    expect(refused(['check', 'archive.xlsx'])).toBe(
      'por-tables: archive.xlsx è un archivio zip ma non una cartella di lavoro Excel (.xlsx)',
    );
  });

  it('with an invalid model, naming the field', () => {
    const line = refused(['check', 'sample.xlsx', '--model', 'bad-model.json']);
    expect(line).toMatch(
      /^por-tables: modello non valido \(bad-model\.json\): versions\[0\]\.axes\[0\]\.allocation: /,
    );
    expect(refused(['check', 'sample.xlsx', '--model', 'not-json.json', '--lang', 'en'])).toMatch(
      /^por-tables: invalid model \(not-json\.json\): not valid JSON/,
    );
    expect(refused(['check', 'sample.xlsx', '--model', 'no-model.json'])).toBe(
      'por-tables: file del modello non trovato: no-model.json',
    );
  });

  it('with an unknown model version', () => {
    expect(refused(['check', 'sample.xlsx', '--model-version', '2019-01'])).toMatch(
      /^por-tables: versione del modello sconosciuta: 2019-01 \(versioni: .*2022-12.*\)$/,
    );
  });

  it('without -o for fill and report', () => {
    expect(refused(['fill', 'sample.xlsx'])).toBe(
      'por-tables: fill scrive una copia: indica il file di uscita con -o <out.xlsx>',
    );
    expect(refused(['report', 'sample.xlsx', '--lang', 'en'])).toBe(
      'por-tables: report writes a copy: give the output file with -o <out.xlsx>',
    );
  });

  it('with -o naming the input itself', () => {
    expect(refused(['fill', 'sample.xlsx', '-o', 'sample.xlsx', '--force'])).toBe(
      "por-tables: il file di uscita sample.xlsx è il file di ingresso: indica con -o un altro file (l'originale non viene mai modificato)",
    );
    expect(refused(['report', 'sample.xlsx', '-o', './sample.xlsx', '--lang', 'en'])).toBe(
      'por-tables: the output file ./sample.xlsx is the input file: give another file with -o (the original is never modified)',
    );
  });

  it('with -o in a folder that does not exist', () => {
    expect(refused(['report', 'sample.xlsx', '-o', 'no/such/folder/out.xlsx'])).toBe(
      'por-tables: la cartella del file di uscita non esiste: no/such/folder/out.xlsx',
    );
  });
});

describe('por-tables --help and --version', () => {
  it('prints the usage and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('por-tables check <file.xlsx>');
    expect(runCli(['-h', '--lang', 'en']).stdout).toContain('Usage:');
  });

  it('prints the version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^por-tables \d+\.\d+\.\d+\n$/);
  });
});

describe('bin/por-tables.cjs without the bundle', () => {
  it('says to build it, in one line, with exit code 2', () => {
    const binCopy = join(folder.dir, 'unbuilt', 'bin');
    mkdirSync(binCopy, { recursive: true });
    copyFileSync(BIN, join(binCopy, 'por-tables.cjs'));
    const run = spawnSync(process.execPath, [join(binCopy, 'por-tables.cjs'), 'check', 'x.xlsx'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'por-tables: il comando non è ancora compilato: esegui prima `npm run build:cli`\n',
    );
  });
});
