/**
 * `check` over a folder (SPEC §6): the sample (error findings, exit 1), the sample with Asse III
 * labelled and CR03 10.iv on target (exit 0), and a file that is no workbook (exit 2), plus what the
 * walk must leave out. Text (a section per file, the summary), JSON (`files`), CSV (one document, a
 * file column) and the same output on two workers as in one thread.
 */
import { parseCsv } from '../support/csv';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { JsonFileResult, JsonResult } from '../../src/cli/json-output';
import { FILES_FOR_WORKERS, expandInputs, workerCount } from '../../src/cli/batch';
import {
  BIN,
  SAMPLE,
  SAMPLE_SHEET,
  buildCli,
  readWorkbook,
  runCli,
  sheetOf,
  temporaryFolder,
} from './harness';
import type { CliRun } from './harness';

const folder = temporaryFolder('batch');
const BOOKS = 'books';
const FILES = {
  sample: `${BOOKS}/a-sample.xlsx`,
  broken: `${BOOKS}/b-broken.xlsx`,
  corrected: `${BOOKS}/more/corrected.xlsx`,
};
const NOT_A_WORKBOOK = 'Asse;Dotazione\nI;236700000\n';

/** The command line run from the temporary folder, so that paths read as given (`books/...`). */
function cli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder.dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const single: Record<'sample' | 'corrected', { text: string; json: JsonResult }> = {} as never;

beforeAll(async () => {
  buildCli();
  mkdirSync(join(folder.dir, BOOKS, 'more'), { recursive: true });
  const workbook = await readWorkbook(SAMPLE);
  await workbook.xlsx.writeFile(join(folder.dir, FILES.sample));
  const sheet = sheetOf(workbook, SAMPLE_SHEET);
  sheet.getCell('A18').value = 'III';
  sheet.getCell('G42').value = 0.8;
  await workbook.xlsx.writeFile(join(folder.dir, FILES.corrected));
  writeFileSync(join(folder.dir, FILES.broken), NOT_A_WORKBOOK);
  // What the walk leaves out: Office's lock file, hidden entries, files that are not workbooks.
  writeFileSync(join(folder.dir, BOOKS, '~$a-sample.xlsx'), 'lock');
  writeFileSync(join(folder.dir, BOOKS, '.hidden.xlsx'), NOT_A_WORKBOOK);
  mkdirSync(join(folder.dir, BOOKS, '.git'));
  writeFileSync(join(folder.dir, BOOKS, '.git', 'x.xlsx'), NOT_A_WORKBOOK);
  writeFileSync(join(folder.dir, BOOKS, 'notes.txt'), 'not checked');
  for (const key of ['sample', 'corrected'] as const) {
    const text = cli(['check', FILES[key]]);
    const json = cli(['check', FILES[key], '--json']);
    single[key] = { text: text.stdout, json: JSON.parse(json.stdout) as JsonResult };
  }
}, 180_000);
afterAll(folder.remove);

describe('the walk', () => {
  it('finds the workbooks under the folder, sorted, without lock files, hidden entries or other files', async () => {
    const expanded = await expandInputs([join(folder.dir, BOOKS)]);
    expect(expanded.folders).toBe(true);
    expect(expanded.files).toEqual([
      join(folder.dir, FILES.sample),
      join(folder.dir, FILES.broken),
      join(folder.dir, FILES.corrected),
    ]);
  });

  it('keeps a file given by name whatever its extension, and each file once', async () => {
    const notes = join(folder.dir, BOOKS, 'notes.txt');
    const sample = join(folder.dir, FILES.sample);
    const expanded = await expandInputs([notes, sample, join(folder.dir, BOOKS)]);
    expect(expanded.files).toEqual([
      sample,
      join(folder.dir, FILES.broken),
      join(folder.dir, FILES.corrected),
      notes,
    ]);
    expect(await expandInputs([sample])).toEqual({ files: [sample], folders: false });
  });

  it('uses two workers for several files, none for one, one when told', () => {
    expect(workerCount(1, {})).toBe(1);
    expect(workerCount(40, {})).toBe(1);
    expect(workerCount(FILES_FOR_WORKERS, {})).toBe(Math.min(2, availableParallelism()));
    expect(workerCount(40, { POR_TABLES_WORKERS: '1' })).toBe(1);
    expect(workerCount(3, { POR_TABLES_WORKERS: '8' })).toBe(3);
  });
});

describe('check on a folder, as text', () => {
  let run: CliRun;
  beforeAll(() => {
    run = cli(['check', BOOKS]);
  });

  it('exits with the worst code, 2, and says on stderr, in one line, which file could not be read', () => {
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `por-tables: ${FILES.broken} non è un file .xlsx (forse un CSV o un file di testo rinominato)\n`,
    );
  });

  it('prints a section per file, in sorted order: a heading, then what check prints for that file alone', () => {
    const summaryAt = run.stdout.indexOf('\nRiepilogo (3 file)\n');
    expect(summaryAt).toBeGreaterThan(0);
    const sections = run.stdout.slice(0, summaryAt);
    expect(sections).toBe(
      [
        `=== ${FILES.sample} ===\n${single.sample.text}`,
        `=== ${FILES.broken} ===\nNon verificato: ${FILES.broken} non è un file .xlsx (forse un CSV o un file di testo rinominato)\n`,
        `=== ${FILES.corrected} ===\n${single.corrected.text}`,
      ].join('\n'),
    );
  });

  it('ends with the summary table: file, exit, errors, warnings, info, aligned', () => {
    const count = (json: JsonResult, severity: string) =>
      String(json.findings.filter((f) => f.severity === severity).length);
    const summary = run.stdout.slice(run.stdout.indexOf('Riepilogo (3 file)'));
    const lines = summary.split('\n');
    expect(lines[0]).toBe('Riepilogo (3 file)');
    const rows = lines.slice(1, 5).map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ['File', 'Uscita', 'Errori', 'Avvisi', 'Informazioni'],
      [FILES.sample, '1', ...['error', 'warning', 'info'].map((s) => count(single.sample.json, s))],
      [FILES.broken, '2', '-', '-', '-'],
      [FILES.corrected, '0', ...['error', 'warning', 'info'].map((s) => count(single.corrected.json, s))],
    ]);
    // The sample has 2 errors, 27 warnings and 1 note; the corrected copy none of its errors.
    expect(rows[1]).toEqual([FILES.sample, '1', '2', '27', '1']);
    expect(rows[3][2]).toBe('0');
    // Aligned: every column ends at the same place on each line (numbers to the right).
    const table = lines.slice(1, 5);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(lines[6]).toBe('File: 3, di cui 1 con errori e 1 non verificato. Codice di uscita: 2.');
  });

  it('speaks English with --lang en', () => {
    const en = cli(['check', BOOKS, '--lang', 'en']);
    expect(en.stdout).toContain(`=== ${FILES.broken} ===\nNot checked: ${FILES.broken} is not an .xlsx file`);
    expect(en.stdout).toMatch(/^Summary \(3 files\)\n {2}File +Exit {2}Errors {2}Warnings {2}Info$/m);
    expect(en.stdout).toContain('Files: 3, 1 with errors and 1 not checked. Exit code: 2.');
  });
});

describe('check on a folder, as JSON', () => {
  let run: CliRun;
  let files: JsonFileResult[];
  beforeAll(() => {
    run = cli(['check', BOOKS, '--format', 'json']);
    files = (JSON.parse(run.stdout) as { files: JsonFileResult[] }).files;
  });

  it('prints { files: [...] }, one entry per file in sorted order, with its exit code', () => {
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['files']);
    expect(files.map((f) => [f.file, f.exit])).toEqual([
      [FILES.sample, 1],
      [FILES.broken, 2],
      [FILES.corrected, 0],
    ]);
    expect(run.code).toBe(2);
  });

  it('gives a checked file exactly the result check --json gives it alone', () => {
    expect(files[0]).toEqual({ file: FILES.sample, exit: 1, ...single.sample.json });
    expect(files[2]).toEqual({ file: FILES.corrected, exit: 0, ...single.corrected.json });
    expect(Object.keys(files[0])).toEqual(['file', 'exit', 'findings', 'indicators', 'axes', 'model']);
    expect(files[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'AXIS_DUPLICATE',
      'INDICATOR_BELOW_TARGET',
    ]);
  });

  it('gives a file that could not be read exit 2, its one-line reason and no findings', () => {
    expect(files[1]).toEqual({
      file: FILES.broken,
      exit: 2,
      error: `${FILES.broken} non è un file .xlsx (forse un CSV o un file di testo rinominato)`,
      findings: [],
      indicators: [],
      axes: [],
      model: null,
    });
  });

  it('--json is --format json; the worst exit is 1 without the broken file, 0 for the corrected one', () => {
    const pair = cli(['check', FILES.sample, FILES.corrected, '--json']);
    expect(pair.code).toBe(1);
    expect((JSON.parse(pair.stdout) as { files: JsonFileResult[] }).files.map((f) => f.exit)).toEqual([1, 0]);
    // A folder is a batch even with one workbook in it.
    const one = cli(['check', `${BOOKS}/more`, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual({
      files: [{ file: FILES.corrected, exit: 0, ...single.corrected.json }],
    });
  });

  it('refuses --json with another --format in one line', () => {
    const clash = cli(['check', BOOKS, '--json', '--format', 'csv']);
    expect(clash.code).toBe(2);
    expect(clash.stdout).toBe('');
    expect(clash.stderr).toBe('por-tables: --json e --format csv si contraddicono: usane uno solo\n');
  });
});

describe('check on a folder, as CSV', () => {
  let run: CliRun;
  let records: string[][];
  beforeAll(() => {
    run = cli(['check', BOOKS, '--format', 'csv']);
    records = parseCsv(run.stdout.slice(1), ';');
  });

  it('is one UTF-8 document with a BOM, ; between fields and CRLF line ends', () => {
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    expect(run.stdout.indexOf('\uFEFF', 1)).toBe(-1);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    // No field holds a line break: each record is one line.
    expect(run.stdout.split('\r\n').length - 1).toBe(records.length);
    expect(records[0]).toEqual([
      'File',
      'Gravità',
      'Regola',
      'Tabella',
      'Foglio',
      'Cella',
      'Messaggio',
      'Atteso',
      'Rilevato',
      'Atteso (valore)',
      'Rilevato (valore)',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `por-tables: ${FILES.broken} non è un file .xlsx (forse un CSV o un file di testo rinominato)\n`,
    );
  });

  it('has one line per finding, the file first, in the sorted order of the files', () => {
    const rows = records.slice(1);
    expect(rows.every((r) => r.length === 11)).toBe(true);
    const expected = [
      ...single.sample.json.findings.map((f) => [FILES.sample, f.rule, f.sheet, f.cell]),
      ...single.corrected.json.findings.map((f) => [FILES.corrected, f.rule, f.sheet, f.cell]),
    ];
    expect(rows.map((r) => [r[0], r[2], r[4], r[5]])).toEqual(expected);
    expect(rows.length).toBe(single.sample.json.findings.length + single.corrected.json.findings.length);
    expect(rows.filter((r) => r[0] === FILES.broken)).toEqual([]);
  });

  it('writes amounts and percentages the Italian way', () => {
    const rows = records.slice(1);
    const order = rows.find((r) => r[2] === 'PROGRESS_ORDER' && r[0] === FILES.sample);
    expect(order?.[6]).toContain('290.890.851,86 €');
    expect(order?.[6]).toContain('122,89%');
    const below = rows.find((r) => r[2] === 'INDICATOR_BELOW_TARGET' && r[5] === 'G42');
    expect(below?.slice(0, 2)).toEqual([FILES.sample, 'Errore']);
    expect(below?.slice(7)).toEqual(['80%', '59%', '80', '59']);
  });

  it('starts no field like a formula', () => {
    for (const field of records.flat()) expect(field).not.toMatch(/^[=+\-@]/);
  });

  it('uses , and English words with --lang en', () => {
    const en = cli(['check', BOOKS, '--format', 'csv', '--lang', 'en']);
    expect(en.stdout.startsWith('\uFEFFFile,Severity,Rule,Table,Sheet,Cell,Message,')).toBe(true);
    const rows = parseCsv(en.stdout.slice(1), ',').slice(1);
    expect(rows.length).toBe(records.length - 1);
    const order = rows.find((r) => r[2] === 'PROGRESS_ORDER' && r[0] === FILES.sample);
    expect(order?.[1]).toBe('Info');
    expect(order?.[6]).toContain('€290,890,851.86');
  });
});

describe('CSV of a workbook whose cells look like formulas', () => {
  it('makes every such field safe with a leading apostrophe', async () => {
    const workbook = await readWorkbook(SAMPLE);
    const sheet = sheetOf(workbook, SAMPLE_SHEET);
    sheet.getCell('A18').value = '=HYPERLINK("http://example.com","III")';
    sheet.getCell('C41').value = '+CR03';
    const path = join(folder.dir, 'formula-like.xlsx');
    await workbook.xlsx.writeFile(path);
    const run = cli(['check', path, '--format', 'csv']);
    expect(run.code).toBe(1);
    const rows = parseCsv(run.stdout.slice(1), ';');
    // One workbook: no file column.
    expect(rows[0][0]).toBe('Gravità');
    const fields = rows.flat();
    expect(fields).toContain(`'=HYPERLINK("http://example.com","III")`);
    expect(fields.some((f) => f.startsWith("'+CR03, "))).toBe(true);
    for (const field of fields) expect(field).not.toMatch(/^[=+\-@]/);
  });
});

describe('two workers and one thread', () => {
  it('print the same text and the same JSON, in the files order', () => {
    for (const format of ['text', 'json', 'csv']) {
      const args = ['check', FILES.sample, FILES.corrected, BOOKS, '--format', format];
      const two = cli(args, { POR_TABLES_WORKERS: '2' });
      const one = cli(args, { POR_TABLES_WORKERS: '1' });
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
      expect(two.code).toBe(2);
    }
    const pair = ['check', FILES.corrected, FILES.sample];
    const two = cli(pair, { POR_TABLES_WORKERS: '2' });
    expect(two.stdout).toBe(cli(pair, { POR_TABLES_WORKERS: '1' }).stdout);
    expect(two.stdout.indexOf(`=== ${FILES.sample} ===`)).toBe(0);
    expect(two.code).toBe(1);
  });

  it('go on past a file that cannot be read, whichever worker gets it', () => {
    const many = [FILES.broken, FILES.sample, FILES.broken.replace('b-broken', 'missing'), FILES.corrected];
    const run = cli(['check', ...many, '--json'], { POR_TABLES_WORKERS: '2' });
    const files = (JSON.parse(run.stdout) as { files: JsonFileResult[] }).files;
    expect(files.map((f) => [f.file, f.exit])).toEqual([
      [FILES.sample, 1],
      [FILES.broken, 2],
      [`${BOOKS}/missing.xlsx`, 2],
      [FILES.corrected, 0],
    ]);
    expect(files[2].error).toBe(`file non trovato: ${BOOKS}/missing.xlsx`);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

it('says so in one line when the folders hold no workbook', () => {
  mkdirSync(join(folder.dir, 'empty'));
  const run = runCli(['check', join(folder.dir, 'empty')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    `por-tables: nessuna cartella di lavoro (.xlsx, .xlsm, .xlsb, .ods…) in ${join(folder.dir, 'empty')}\n`,
  );
});
