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
import type { CellFormulaValue } from 'exceljs';
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

test('LibreOffice, recalculating the filled sample, computes every published ratio of Tabella 2', async () => {
  if (!libreOfficeAvailable()) {
    throw new Error('LibreOffice is not installed: `soffice` is not on PATH (apt-get install libreoffice-calc-nogui), so the recalculation oracle cannot run');
  }
  buildCli();
  const filled = join(folder.dir, 'filled.xlsx');
  const fill = runCli(['fill', SAMPLE, '-o', filled, '--force']);
  expect([0, 1]).toContain(fill.code);

  // Blank every cached result: the formulas stay, the values LibreOffice shows must be its own.
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
  expect(formulas).toBeGreaterThanOrEqual(publishedRatios().length);
  const blank = join(folder.dir, 'blank.xlsx');
  await workbook.xlsx.writeFile(blank);
  const blankSheet = sheetOf(await readWorkbook(blank), SAMPLE_SHEET);
  for (const { cell } of publishedRatios()) expect(blankSheet.getCell(cell).result).toBeUndefined();

  const profile = join(folder.dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  const converted = join(folder.dir, 'converted');
  mkdirSync(converted);
  const run = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', converted, blank],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });

  const recalculated = sheetOf(await readWorkbook(join(converted, 'blank.xlsx')), SAMPLE_SHEET);
  const computed = publishedRatios().map(({ cell }) => {
    const result = recalculated.getCell(cell).result;
    return { cell, hundredths: typeof result === 'number' ? hundredthsOfPercent(result) : result };
  });
  expect(computed).toEqual(publishedRatios().map(({ cell, percent }) => ({ cell, hundredths: printedHundredths(percent) })));
}, 300_000);
