/**
 * The oracle that is not ours: LibreOffice recalculates the workbook `fill --force` wrote, with
 * every cached result blanked first, so only a real recalculation of our formulas can produce the
 * ratios, and they must equal the RAA 2022's printed ones to two decimals of a percent.
 * Needs `soffice` on PATH; without it this suite fails (the test runner leaves it out outside CI).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import type { CellFormulaValue, Workbook } from 'exceljs';
import { INDICATOR_SHEET, writeSampleWithoutComputedIndicators } from '../fixtures/sample-without-computed-indicators';
import {
  SAMPLE,
  SAMPLE_SHEET,
  buildCli,
  hundredthsOfPercent,
  printedHundredths,
  publishedRatios,
  readWorkbook,
  runCli,
  sheetOf,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('libreoffice');
afterAll(folder.remove);

/** Tells LibreOffice to recalculate every formula of an .xlsx on load (0 = always), whatever the file says. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function libreOfficeAvailable(): boolean {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return !probe.error && probe.status === 0;
}

/**
 * The workbook at `filled` with every cached formula result blanked, recalculated by LibreOffice:
 * the values read back are LibreOffice's own. Returns the recalculated workbook and the formula count.
 */
async function recalculatedByLibreOffice(filled: string, name: string): Promise<{ workbook: Workbook; formulas: number }> {
  if (!libreOfficeAvailable()) {
    throw new Error('LibreOffice is not installed: `soffice` is not on PATH (apt-get install libreoffice-calc-nogui), so the recalculation oracle cannot run');
  }
  const workbook = await readWorkbook(filled);
  let formulas = 0;
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ValueType.Formula) return;
        cell.value = { formula: cell.formula } as CellFormulaValue;
        formulas++;
      }),
    );
  }
  const blank = join(folder.dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(blank);
  const cached: string[] = [];
  for (const ws of (await readWorkbook(blank)).worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula && cell.result !== undefined) cached.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  expect(cached).toEqual([]);
  const profile = join(folder.dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  const converted = join(folder.dir, 'converted');
  mkdirSync(converted, { recursive: true });
  const run = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', converted, blank],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });
  return { workbook: await readWorkbook(join(converted, `${name}.xlsx`)), formulas };
}

test('LibreOffice, recalculating the filled sample, computes every published ratio of Tabella 2', async () => {
  buildCli();
  const filled = join(folder.dir, 'filled.xlsx');
  const fill = runCli(['fill', SAMPLE, '-o', filled, '--force']);
  expect([0, 1]).toContain(fill.code);

  const { workbook, formulas } = await recalculatedByLibreOffice(filled, 'blank');
  expect(formulas).toBeGreaterThanOrEqual(publishedRatios().length);
  const recalculated = sheetOf(workbook, SAMPLE_SHEET);
  const computed = publishedRatios().map(({ cell }) => {
    const result = recalculated.getCell(cell).result;
    return { cell, hundredths: typeof result === 'number' ? hundredthsOfPercent(result) : result };
  });
  expect(computed).toEqual(publishedRatios().map(({ cell, percent }) => ({ cell, hundredths: printedHundredths(percent) })));
}, 300_000);

test('LibreOffice computes the % del target and Stato that fill adds to an indicator table without them', async () => {
  buildCli();
  const input = join(folder.dir, 'without-indicator-columns.xlsx');
  await writeSampleWithoutComputedIndicators(input);
  const filled = join(folder.dir, 'indicators-filled.xlsx');
  expect(runCli(['fill', input, '-o', filled]).code).toBe(1);

  const sheet = sheetOf((await recalculatedByLibreOffice(filled, 'indicators-blank')).workbook, INDICATOR_SHEET);
  const at = (cell: string) => sheet.getCell(cell).result;
  expect([sheet.getCell('I26').value, sheet.getCell('J26').value]).toEqual(['% del target', 'Stato']);
  expect([38, 41, 42].map((r) => hundredthsOfPercent(Number(at(`I${r}`))))).toEqual([9198, 9882, 7375]);
  expect([38, 41, 42, 27].map((r) => at(`J${r}`))).toEqual(['Entro tolleranza', 'Entro tolleranza', 'Sotto target', 'Raggiunto']);
}, 300_000);
