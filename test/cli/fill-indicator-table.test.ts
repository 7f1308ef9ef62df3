/**
 * `por-tables fill --indicators` (SPEC §5 Crea tabella indicatori, §6): on the RAA 2022 sample cut
 * before Tabella 3, the fill writes Tabella 3 from the model's indicators two rows under Tabella 2
 * (values empty, `% del target` and `Stato` live, every cell logged); a second check finds it with
 * every indicator of the model, and with the sample's values typed in it judges them as the sample's
 * own table. On a workbook that has an indicator table, one line says so and the fill goes on.
 */
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { LOG_SHEET, analyse, planUndo } from '../../src/engine';
import { readGrid, writePlan } from '../../src/cli/xlsx-host';
import { LOG_ACTION_LABELS } from '../../src/engine/plan';
import type { JsonResult } from '../../src/cli/json-output';
import { defaultModel } from '../../src/model';
import { SAMPLE_SHEET, writeSampleWithoutIndicatorTable } from '../fixtures/sample-without-indicator-table';
import { SAMPLE, buildCli, readWorkbook, runCli, sheetOf, temporaryFolder } from './harness';
import type { CliRun } from './harness';

const folder = temporaryFolder('fill-indicator-table');
const cut = join(folder.dir, 'without-tabella-3.xlsx');
const filled = join(folder.dir, 'with-tabella-3.xlsx');
const INDICATORS = defaultModel.indicators;
/** Tabella 2 ends on row 21: the caption goes on row 24, the header on 25, the indicators on 26–43. */
const CAPTION_ROW = 24;
const FIRST_ROW = 26;
const LAST_ROW = FIRST_ROW + INDICATORS.length - 1;

function formulaOf(value: ExcelCellValue): string | null {
  return value !== null && typeof value === 'object' && 'formula' in value ? `=${value.formula}` : null;
}

let run: CliRun;
beforeAll(async () => {
  buildCli();
  await writeSampleWithoutIndicatorTable(cut);
  run = runCli(['fill', cut, '-o', filled, '--indicators']);
}, 120_000);
afterAll(folder.remove);

it('starts from a workbook with Tabella 1 and 2 and no indicator table', () => {
  const before = JSON.parse(runCli(['check', cut, '--json']).stdout) as JsonResult;
  expect(before.indicators).toEqual([]);
  expect(INDICATORS).toHaveLength(18);
});

it('says what it created and where, and counts its cells among those written', () => {
  expect(run.stderr).toBe('');
  // The cut sample keeps Asse III's wrong label: an error finding, exit 1; the output is written all the same.
  expect(run.code).toBe(1);
  const cells = 1 + 10 + INDICATORS.length * 10;
  expect(run.stdout).toContain(`\nCelle scritte: ${cells}, in ${filled}.\n`);
  expect(run.stdout).toContain(
    `\nTabella 3 creata nel foglio "RAA 2022", A${CAPTION_ROW}:J${LAST_ROW}: 18 indicatori del modello, i valori da inserire in G${FIRST_ROW}:G${LAST_ROW}.\n`,
  );
  expect(run.stdout).toContain(`\nRegistro: ${cells} righe aggiunte al foglio "${LOG_SHEET}".\n`);
});

it('writes Tabella 3 under Tabella 2: caption, header, the model indicators, live % del target and Stato', async () => {
  const sheet = sheetOf(await readWorkbook(filled), SAMPLE_SHEET);
  expect(sheet.getCell(`A${CAPTION_ROW}`).value).toBe('TABELLA 3. – INDICATORI DI OUTPUT E DI RISULTATO');
  expect(sheet.getCell(`A${CAPTION_ROW}`).font?.bold).toBe(true);
  const header = Array.from({ length: 10 }, (_, i) => sheet.getCell(CAPTION_ROW + 1, i + 1).value);
  expect(header).toEqual([
    'Asse',
    'Priorità',
    'Codice',
    'Indicatore',
    'Tipo',
    'Unità',
    'Valore',
    'Target 2023',
    '% del target',
    'Stato',
  ]);
  INDICATORS.forEach((indicator, i) => {
    const row = FIRST_ROW + i;
    expect(sheet.getCell(`A${row}`).value).toBe(indicator.axis);
    expect(sheet.getCell(`C${row}`).value).toBe(indicator.code);
    expect(sheet.getCell(`D${row}`).value).toBe(indicator.name);
    expect(sheet.getCell(`G${row}`).value).toBeNull();
    const target = new Decimal(indicator.target);
    expect(sheet.getCell(`H${row}`).value).toBe(
      (indicator.unit === 'percentage' ? target.dividedBy(100) : target).toNumber(),
    );
    expect(formulaOf(sheet.getCell(`I${row}`).value)).toMatch(new RegExp(`^=IF\\(.*G${row}.*H${row}`));
    expect(sheet.getCell(`I${row}`).numFmt).toBe('0.00%');
    expect(formulaOf(sheet.getCell(`J${row}`).value)).toContain(`I${row}`);
    expect(formulaOf(sheet.getCell(`J${row}`).value)).toContain('"Raggiunto"');
  });
  expect(sheet.getCell(`A${LAST_ROW + 1}`).value).toBeNull();
});

it('logs every cell of the table under Crea tabella indicatori, so that Annulla can empty them', async () => {
  const log = sheetOf(await readWorkbook(filled), LOG_SHEET);
  const rows: unknown[][] = [];
  log.eachRow((row, n) => {
    if (n > 1) rows.push([row.getCell(2).value, row.getCell(4).value, row.getCell(5).value]);
  });
  const created = rows.filter((r) => r[0] === LOG_ACTION_LABELS.indicators);
  expect(created).toHaveLength(1 + 10 + INDICATORS.length * 10);
  expect(created[0]).toEqual([LOG_ACTION_LABELS.indicators, SAMPLE_SHEET, `A${CAPTION_ROW}`]);
  expect(created.at(-1)).toEqual([LOG_ACTION_LABELS.indicators, SAMPLE_SHEET, `J${LAST_ROW}`]);
});

it('is undone by Annulla: the last action empties the table again', async () => {
  const undo = planUndo(await readGrid(filled));
  expect(undo?.action).toBe('undo');
  const undone = join(folder.dir, 'undone.xlsx');
  await writePlan(filled, undo!, undone);
  const sheet = sheetOf(await readWorkbook(undone), SAMPLE_SHEET);
  for (let row = CAPTION_ROW; row <= LAST_ROW; row++)
    for (const col of ['A', 'C', 'H', 'I', 'J']) expect(sheet.getCell(`${col}${row}`).value).toBeNull();
  expect(analyse(await readGrid(undone)).tables.indicators).toBeNull();
});

it('is found by a second check, with every indicator of the model, waiting for its values', () => {
  const after = JSON.parse(runCli(['check', filled, '--json']).stdout) as JsonResult;
  expect(after.indicators.map((i) => [i.axis, i.code, i.target])).toEqual(
    INDICATORS.map((i) => [i.axis, i.code, i.target]),
  );
  expect(after.indicators.every((i) => i.value === null && i.ratio === null && i.status === 'no-data')).toBe(
    true,
  );
});

it("with the sample's values typed in, judges the indicators as the sample's own Tabella 3", async () => {
  const sample = sheetOf(await readWorkbook(SAMPLE), SAMPLE_SHEET);
  const workbook = await readWorkbook(filled);
  const sheet = sheetOf(workbook, SAMPLE_SHEET);
  // The sample lists the model's indicators in the model's order, on rows 27–44, values in G.
  INDICATORS.forEach((indicator, i) => {
    expect(sample.getCell(`C${27 + i}`).value).toBe(indicator.code);
    sheet.getCell(`G${FIRST_ROW + i}`).value = sample.getCell(`G${27 + i}`).value;
  });
  const typed = join(folder.dir, 'typed.xlsx');
  await workbook.xlsx.writeFile(typed);
  const expected = JSON.parse(runCli(['check', SAMPLE, '--json']).stdout) as JsonResult;
  const actual = JSON.parse(runCli(['check', typed, '--json']).stdout) as JsonResult;
  expect(actual.indicators).toEqual(expected.indicators);
  expect(actual.indicators.filter((i) => i.status !== 'achieved').map((i) => i.code)).toEqual([
    'CO09',
    'CR03',
    'CR03',
  ]);
  expect(actual.axes).toEqual(expected.axes);
});

it('on a workbook that has an indicator table, says so in one line and fills as usual', () => {
  const again = runCli(['fill', filled, '-o', join(folder.dir, 'again.xlsx'), '--indicators']);
  expect(again.stdout).toContain(
    `\nLa cartella ha già una tabella degli indicatori (foglio "RAA 2022", A${CAPTION_ROW + 1}): non ne è stata creata un'altra.\n`,
  );
  const sample = runCli([
    'fill',
    SAMPLE,
    '-o',
    join(folder.dir, 'sample.xlsx'),
    '--indicators',
    '--lang',
    'en',
  ]);
  expect(sample.code).toBe(1);
  expect(sample.stdout).toContain(
    '\nThe workbook already has an indicator table (sheet "RAA 2022", A26): no other one was created.\n',
  );
  // The fill itself goes on: the sample's % of target and status columns get their formulas.
  expect(sample.stdout).toMatch(/\nCells written: 36, in .*sample\.xlsx\.\n/);
  expect(sample.stdout).toContain('To replace them with the formulas, run the command again with --force.');
});

it('with --json keeps stdout to the JSON and says what it created on stderr', () => {
  const json = runCli([
    'fill',
    cut,
    '-o',
    join(folder.dir, 'json.xlsx'),
    '--indicators',
    '--json',
    '--lang',
    'en',
  ]);
  expect(Object.keys(JSON.parse(json.stdout) as JsonResult).sort()).toEqual([
    'axes',
    'findings',
    'indicators',
    'model',
  ]);
  expect(json.stderr).toMatch(
    new RegExp(
      `^por-tables: Tabella 3 created in the sheet "RAA 2022", A${CAPTION_ROW}:J${LAST_ROW}: the model's 18 indicators, the values to type in G${FIRST_ROW}:G${LAST_ROW}\\.$`,
      'm',
    ),
  );
});

it('fill --format csv prints the findings as CSV and the notes on stderr', () => {
  const csv = runCli(['fill', cut, '-o', join(folder.dir, 'csv.xlsx'), '--indicators', '--format', 'csv']);
  expect(csv.stdout.startsWith('\uFEFFGravità;Regola;')).toBe(true);
  expect(csv.stdout).toContain('\r\nErrore;AXIS_DUPLICATE;Tabella 2;RAA 2022;A18;');
  expect(csv.stderr).toMatch(/^por-tables: Tabella 3 creata nel foglio "RAA 2022"/m);
});
