/**
 * `por-tables fill` on the RAA 2022 sample whose Tabella 3 has no `% del target` and `Stato`:
 * the two columns are added (headers, formulas, formats, log) and their formulas, computed by
 * HyperFormula, give the RAA's figures — ISCED 1-2 at 92,0%, qualification 10.iv at 73,75%.
 */
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import type { Workbook } from 'exceljs';
import { LOG_SHEET, analyse, planUndo } from '../../src/engine';
import type { JsonResult } from '../../src/cli/json-output';
import { readGrid, writePlan } from '../../src/cli/xlsx-host';
import {
  INDICATOR_ROWS,
  INDICATOR_SHEET,
  writeSampleWithoutComputedIndicators,
} from '../fixtures/sample-without-computed-indicators';
import { buildCli, evaluate, readWorkbook, runCli, sheetOf, temporaryFolder } from './harness';

const folder = temporaryFolder('fill-indicators');
const input = join(folder.dir, 'without-columns.xlsx');
const filled = join(folder.dir, 'filled.xlsx');
const ROWS = Array.from(
  { length: INDICATOR_ROWS.last - INDICATOR_ROWS.first + 1 },
  (_, i) => INDICATOR_ROWS.first + i,
);

let fillRun: ReturnType<typeof runCli>;
beforeAll(async () => {
  buildCli();
  await writeSampleWithoutComputedIndicators(input);
  fillRun = runCli(['fill', input, '-o', filled]);
}, 120_000);
afterAll(folder.remove);

describe('fill on an indicator table without % del target and Stato', () => {
  it('writes its output (exit 1: the typed ratios of Tabella 2 are left alone), with no conflict in the new columns', () => {
    expect(fillRun.code).toBe(1);
    expect(fillRun.stdout).not.toMatch(/'RAA 2022'![IJ](2[6-9]|3\d|4[0-4])\b/);
  });

  it('the input has neither column; the output has both, bold headers next to `Target 2023`', async () => {
    const before = sheetOf(await readWorkbook(input), INDICATOR_SHEET);
    expect([before.getCell('H26').value, before.getCell('I26').value, before.getCell('J26').value]).toEqual([
      'Target 2023',
      null,
      null,
    ]);
    const after = sheetOf(await readWorkbook(filled), INDICATOR_SHEET);
    expect([after.getCell('I26').value, after.getCell('J26').value]).toEqual(['% del target', 'Stato']);
    expect([after.getCell('I26').font?.bold, after.getCell('J26').font?.bold]).toEqual([true, true]);
  });

  it('writes the ratio and status formulas on every indicator row, the ratio as 0.00%', async () => {
    const after = sheetOf(await readWorkbook(filled), INDICATOR_SHEET);
    for (const r of ROWS) {
      expect(after.getCell(`I${r}`).formula).toBe(`IF(OR(G${r}="",H${r}="",H${r}=0),"",G${r}/H${r})`);
      expect(after.getCell(`I${r}`).numFmt).toBe('0.00%');
      expect(after.getCell(`J${r}`).formula).toBe(
        `IF(I${r}="","",IF(I${r}>=1,"Raggiunto",IF(I${r}>=0.85,"Entro tolleranza",IF(I${r}>=0.65,"Sotto target","Grave ritardo"))))`,
      );
    }
    expect(after.getCell(`I${INDICATOR_ROWS.last + 1}`).value).toBeNull();
  });

  it('the formulas compute the RAA figures in a formula engine that is not ours (HyperFormula)', async () => {
    const value = evaluate(await readWorkbook(filled));
    const percent = (cell: string) => Math.round(Number(value(INDICATOR_SHEET, cell)) * 10000) / 100;
    expect({ isced: percent('I38'), q10i: percent('I41'), q10iv: percent('I42') }).toEqual({
      isced: 91.98,
      q10i: 98.82,
      q10iv: 73.75,
    });
    expect([
      value(INDICATOR_SHEET, 'J38'),
      value(INDICATOR_SHEET, 'J41'),
      value(INDICATOR_SHEET, 'J42'),
    ]).toEqual(['Entro tolleranza', 'Entro tolleranza', 'Sotto target']);
    const achieved = ROWS.filter((r) => ![38, 41, 42].includes(r)).map((r) =>
      value(INDICATOR_SHEET, `J${r}`),
    );
    expect(achieved).toEqual(ROWS.filter((r) => ![38, 41, 42].includes(r)).map(() => 'Raggiunto'));
  });

  it('check on the output finds the same three indicators below target, and the statuses the formulas give', () => {
    const run = runCli(['check', filled, '--json']);
    const result = JSON.parse(run.stdout) as JsonResult;
    const below = result.findings
      .filter((f) => f.rule === 'INDICATOR_BELOW_TARGET')
      .map((f) => [f.cell, f.severity])
      .sort();
    expect(below).toEqual([
      ['G38', 'warning'],
      ['G41', 'warning'],
      ['G42', 'error'],
    ]);
    const sameAsInput = (JSON.parse(runCli(['check', input, '--json']).stdout) as JsonResult).indicators;
    expect(result.indicators).toEqual(sameAsInput);
    expect(
      result.indicators.filter((i) => i.status !== 'achieved').map((i) => [i.code, i.ratio, i.status]),
    ).toEqual([
      ['CO09', expect.stringMatching(/^0\.9198/), 'tolerance'],
      ['CR03', expect.stringMatching(/^0\.988/), 'tolerance'],
      ['CR03', '0.7375', 'shortfall'],
    ]);
  });

  it('logs every added cell with its empty old value', async () => {
    const log = sheetOf(await readWorkbook(filled), LOG_SHEET);
    const added: [string, unknown, unknown][] = [];
    log.eachRow((row, n) => {
      if (n === 1) return;
      const cell = String(row.getCell(5).value ?? '');
      if (row.getCell(4).value === INDICATOR_SHEET && /^[IJ]\d+$/.test(cell) && Number(cell.slice(1)) >= 26)
        added.push([cell, row.getCell(6).value, row.getCell(8).value]);
    });
    expect(added).toHaveLength(2 + 2 * ROWS.length);
    expect(added.slice(0, 3)).toEqual([
      ['I26', null, '% del target'],
      ['J26', null, 'Stato'],
      ['I27', null, '=IF(OR(G27="",H27="",H27=0),"",G27/H27)'],
    ]);
  });

  it('changes nothing in the table the second time', async () => {
    const again = join(folder.dir, 'filled-twice.xlsx');
    const run = runCli(['fill', filled, '-o', again]);
    expect(run.code).toBe(1);
    expect(indicatorColumns(await readWorkbook(again))).toEqual(indicatorColumns(await readWorkbook(filled)));
    const log = (w: Workbook) => sheetOf(w, LOG_SHEET).rowCount;
    expect(log(await readWorkbook(again))).toBe(log(await readWorkbook(filled)));
  });

  it('undo empties the added columns again', async () => {
    const grid = await readGrid(filled);
    const undo = planUndo(grid);
    expect(undo?.action).toBe('undo');
    const undone = join(folder.dir, 'undone.xlsx');
    await writePlan(filled, undo!, undone);
    const ws = sheetOf(await readWorkbook(undone), INDICATOR_SHEET);
    for (const r of [26, ...ROWS])
      expect([ws.getCell(`I${r}`).value, ws.getCell(`J${r}`).value]).toEqual([null, null]);
    expect(ws.getCell('I27').numFmt ?? 'General').toBe('General');
    expect([ws.getCell('I26').font?.bold, ws.getCell('J26').font?.bold].map(Boolean)).toEqual([false, false]);
    const tables = analyse(await readGrid(undone)).tables;
    expect([tables.indicators?.columns.ratio, tables.indicators?.columns.status]).toEqual([
      undefined,
      undefined,
    ]);
  });
});

/** Columns I and J of Tabella 3: value or formula, and number format. */
function indicatorColumns(workbook: Workbook): unknown[] {
  const ws = sheetOf(workbook, INDICATOR_SHEET);
  return [26, ...ROWS].flatMap((r) =>
    ['I', 'J'].map((c) => {
      const cell = ws.getCell(`${c}${r}`);
      return [
        cell.address,
        cell.type === ValueType.Formula ? `=${cell.formula}` : cell.value,
        cell.numFmt ?? 'General',
      ];
    }),
  );
}
