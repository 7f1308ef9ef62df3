import { analyse, planFill, planFlag, planReport, planSample, planUndo } from '../../../src/engine';
import type { Grid } from '../../../src/engine';
import { createMemoryHost } from '../../taskpane/memory-host';
import { raa } from '../raa-fixture';

const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-22T10:05:00.000Z';

async function applied(
  grid: Grid,
  plan: Parameters<ReturnType<typeof createMemoryHost>['apply']>[0],
): Promise<Grid> {
  const host = createMemoryHost(grid);
  await host.apply(plan);
  return host.grid;
}

describe('planFill', () => {
  it('leaves typed ratios alone and lists them as conflicts; --force writes the formulas', () => {
    const analysis = analyse(raa({ ratios: 'value' }));
    const plan = planFill(analysis, { now: NOW });
    expect(plan.conflicts.map((c) => c.cell)).toEqual(
      expect.arrayContaining(['D16', 'F16', 'H16', 'J16', 'D21', 'J21']),
    );
    expect(plan.conflicts).toHaveLength(24);
    expect(plan.cells.filter((c) => /^[DFHJ](1[6-9]|2[01])$/.test(c.cell))).toEqual([]);

    const forced = planFill(analysis, { force: true, now: NOW });
    const d16 = forced.cells.find((c) => c.cell === 'D16');
    expect([d16?.formula, d16?.numberFormat]).toEqual(['=IF(B16=0,"",C16/B16)', '0.00%']);
    expect(forced.log.find((l) => l.cell === 'D16')).toMatchObject({
      action: 'fill',
      old: d16?.previous?.value,
      new: '=IF(B16=0,"",C16/B16)',
    });
  });

  it('converts amounts pasted as Italian text to numbers with a euro format, and the ratios compute on them', () => {
    const analysis = analyse(raa({ cells: { C16: '290.890.851,86 €', B16: '236.700.000,00 €' } }));
    const plan = planFill(analysis, { force: true, now: NOW });
    expect(plan.cells.find((c) => c.cell === 'C16')).toMatchObject({
      value: 290890851.86,
      numberFormat: '#,##0.00 [$€-410]',
    });
    expect(plan.cells.find((c) => c.cell === 'B16')).toMatchObject({
      value: 236700000,
      numberFormat: '#,##0.00 [$€-410]',
    });
  });

  it('changes nothing the second time', async () => {
    const first = planFill(analyse(raa({ ratios: 'value' })), { force: true, now: NOW });
    const after = await applied(raa({ ratios: 'value' }), first);
    const second = planFill(analyse(after), { now: LATER });
    expect([second.cells, second.conflicts, second.log]).toEqual([[], [], []]);
  });
});

describe('planUndo', () => {
  it('restores what the last fill overwrote, and marks the fill undone on the log', async () => {
    const grid = raa({ ratios: 'value' });
    const fill = planFill(analyse(grid), { force: true, now: NOW });
    const filled = await applied(grid, fill);
    const undo = planUndo(filled, { now: LATER });
    expect(undo?.action).toBe('undo');
    const typed = fill.cells.find((c) => c.cell === 'D16')?.previous;
    expect(typeof typed?.value).toBe('number');
    expect(undo?.cells.find((c) => c.cell === 'D16')).toMatchObject({
      value: typed?.value,
      numberFormat: '0.00%',
    });
    expect(undo?.cells.find((c) => c.cell === 'D16')?.formula).toBeUndefined();
    const undone = await applied(filled, undo!);
    // The fill is marked undone on the log: nothing is left to undo.
    expect(planUndo(undone, { now: LATER })).toBeNull();
  });

  it('is null with no log', () => {
    expect(planUndo(raa())).toBeNull();
  });
});

describe('planFlag', () => {
  it('flags indicators below target and stages out of order, and does not add the same flags twice', async () => {
    const grid = raa({ indicators: [['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 59, 80]] });
    const flag = planFlag(analyse(grid), { now: NOW });
    expect(flag.conditionalFormats.map((f) => [f.range, f.formula])).toEqual(
      expect.arrayContaining([['G27:G27', '=AND(ISNUMBER(G27),ISNUMBER(H27),H27<>0,G27/H27<0.85)']]),
    );
    const flagged = await applied(grid, flag);
    expect(planFlag(analyse(flagged), { now: LATER }).conditionalFormats).toEqual([]);
    const undo = planUndo(flagged, { now: LATER });
    expect(undo?.removeConditionalFormats).toHaveLength(flag.conditionalFormats.length);
  });
});

describe('planReport', () => {
  it('links every amount to its source cell and computes every ratio by formula', () => {
    const plan = planReport(analyse(raa({ ratios: 'value' })), { now: NOW });
    const [report, findings] = plan.sheets;
    expect([report.name, findings.name, report.replace]).toEqual(['Report POR', 'Rilievi POR', true]);
    const formulas = report.cells.filter((c) => c.formula).map((c) => c.formula as string);
    expect(formulas).toEqual(expect.arrayContaining(["='RAA 2022'!D4", "='RAA 2022'!C16"]));
    expect(
      formulas.filter((f) => f.startsWith('=IF(') && /^=IF\([A-Z]+\d+=0,"",[A-Z]+\d+\/[A-Z]+\d+\)$/.test(f))
        .length,
    ).toBeGreaterThanOrEqual(24);
    expect(report.print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
  });
});

describe('planSample', () => {
  it('adds the example under a free name and never replaces a sheet', () => {
    const grid = raa({ sheetName: 'Esempio RAA 2022' });
    const plan = planSample(
      grid,
      {
        name: 'Esempio RAA 2022',
        cells: { A1: 'TABELLA 1', D4: { value: 236700000, numberFormat: '#,##0 [$€-410]' } },
      },
      { now: NOW },
    );
    expect(plan.sheets.map((s) => [s.name, s.replace])).toEqual([['Esempio RAA 2022 (2)', false]]);
    expect(plan.sheets[0].cells).toEqual([
      { sheet: 'Esempio RAA 2022 (2)', cell: 'A1', value: 'TABELLA 1' },
      { sheet: 'Esempio RAA 2022 (2)', cell: 'D4', value: 236700000, numberFormat: '#,##0 [$€-410]' },
    ]);
    expect(plan.log).toEqual([
      expect.objectContaining({
        action: 'sample',
        sheet: 'Esempio RAA 2022 (2)',
        cell: '',
        old: null,
        new: 'foglio creato',
      }),
    ]);
  });
});

describe('undo of actions logged at the same time', () => {
  it('undoes only the last action, not another one that shares its time stamp', async () => {
    const grid = raa({
      ratios: 'value',
      indicators: [['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 59, 80]],
    });
    const flagged = await applied(grid, planFlag(analyse(grid), { now: NOW }));
    const reported = await applied(flagged, planReport(analyse(flagged), { now: NOW }));
    const undoReport = planUndo(reported, { now: LATER });
    expect([...(undoReport?.deleteSheets ?? [])].sort()).toEqual(['Report POR', 'Rilievi POR']);
    expect(undoReport?.removeConditionalFormats ?? []).toEqual([]);
    const afterUndo = await applied(reported, undoReport!);
    const undoFlag = planUndo(afterUndo, { now: LATER });
    expect(undoFlag?.removeConditionalFormats?.length).toBeGreaterThan(0);
  });
});
