/**
 * Compila on an indicator table found without `% del target` and `Stato`: the two columns are
 * added past the table's right edge (headers, live formulas, formats), logged and undoable, and a
 * second fill changes nothing.
 */
import { analyse, planFill, planFlag, planUndo } from '../../../src/engine';
import type { Grid, WritePlan } from '../../../src/engine';
import { locateTables } from '../../../src/engine/locate/locate-tables';
import { createMemoryHost } from '../../taskpane/memory-host';
import type { CellSpec } from '../grid-builder';
import { INDICATORS, raa, type IndicatorSpec } from '../raa-fixture';

const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-22T10:05:00.000Z';

/** ISCED 1-2 at 92,0% (52.104 of 56.645), qualification 10.iv at 73,75% (59% of 80%), CO01 achieved. */
const ROWS: IndicatorSpec[] = [
  INDICATORS.CO09(52104),
  [
    'III',
    '10iv',
    'CR03',
    "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    'risultato',
    'percentuale',
    { v: 0.59, fmt: '0.0%' },
    { v: 0.8, fmt: '0.0%' },
  ],
  [
    'I',
    null,
    'CO01',
    'Disoccupati, compresi i disoccupati di lunga durata',
    'output',
    'numero',
    163724,
    131480,
  ],
];

const RATIO = (r: number) => `=IF(OR(G${r}="",H${r}="",H${r}=0),"",G${r}/H${r})`;
const STATUS = (ratio: string) =>
  `=IF(${ratio}="","",IF(${ratio}>=1,"Raggiunto",IF(${ratio}>=0.85,"Entro tolleranza",IF(${ratio}>=0.65,"Sotto target","Grave ritardo"))))`;

/** The RAA-like sheet with Tabella 3 on rows 26–29, its header cut after `Target 2023` (H26) unless `cells` say otherwise. */
function withoutComputedColumns(cells: Record<string, CellSpec> = {}): Grid {
  return raa({ indicators: ROWS, cells: { I26: null, J26: null, ...cells } });
}

async function applied(grid: Grid, plan: WritePlan): Promise<Grid> {
  const host = createMemoryHost(grid);
  await host.apply(plan);
  return host.grid;
}

const writesIn = (plan: WritePlan, column: string) =>
  plan.cells.filter((c) => c.cell.replace(/\d+$/, '') === column);

describe('locating an indicator table without its computed columns', () => {
  it('finds the table, its rows and its right edge at the last header', () => {
    const tables = locateTables(withoutComputedColumns());
    expect(tables.indicators).toMatchObject({ headerTop: 25, headerBottom: 25, left: 0, right: 7 });
    expect(tables.indicators?.columns.ratio).toBeUndefined();
    expect(tables.indicators?.columns.status).toBeUndefined();
    expect(tables.indicators?.rows.map((r) => r.row)).toEqual([26, 27, 28]);
  });

  it('takes in header cells it does not know as part of the table (a `Note` column)', () => {
    const tables = locateTables(withoutComputedColumns({ I26: 'Note', I27: 'stima' }));
    expect(tables.indicators?.right).toBe(8);
  });
});

describe('planFill adds `% del target` and `Stato` to an indicator table without them', () => {
  it('writes the two headers right of `Target 2023`, live formulas on every row, percent format', () => {
    const plan = planFill(analyse(withoutComputedColumns()), { now: NOW });
    expect(plan.conflicts).toEqual([]);
    expect(
      writesIn(plan, 'I').map(({ cell, value, formula, numberFormat, bold }) => ({
        cell,
        value,
        formula,
        numberFormat,
        bold,
      })),
    ).toEqual([
      { cell: 'I26', value: '% del target', formula: undefined, numberFormat: undefined, bold: true },
      { cell: 'I27', value: 52104 / 56645, formula: RATIO(27), numberFormat: '0.00%', bold: undefined },
      { cell: 'I28', value: 0.7375, formula: RATIO(28), numberFormat: '0.00%', bold: undefined },
      { cell: 'I29', value: 163724 / 131480, formula: RATIO(29), numberFormat: '0.00%', bold: undefined },
    ]);
    expect(
      writesIn(plan, 'J').map(({ cell, value, formula, numberFormat, bold }) => ({
        cell,
        value,
        formula,
        numberFormat,
        bold,
      })),
    ).toEqual([
      { cell: 'J26', value: 'Stato', formula: undefined, numberFormat: undefined, bold: true },
      {
        cell: 'J27',
        value: 'Entro tolleranza',
        formula: STATUS('I27'),
        numberFormat: undefined,
        bold: undefined,
      },
      {
        cell: 'J28',
        value: 'Sotto target',
        formula: STATUS('I28'),
        numberFormat: undefined,
        bold: undefined,
      },
      { cell: 'J29', value: 'Raggiunto', formula: STATUS('I29'), numberFormat: undefined, bold: undefined },
    ]);
    // Every write is on the log, with the empty cell it replaced.
    const logged = plan.log.filter((l) => /^[IJ]2[6-9]$/.test(l.cell));
    expect(logged.map((l) => [l.cell, l.old, l.new])).toEqual([
      ['I26', null, '% del target'],
      ['J26', null, 'Stato'],
      ['I27', null, RATIO(27)],
      ['J27', null, STATUS('I27')],
      ['I28', null, RATIO(28)],
      ['J28', null, STATUS('I28')],
      ['I29', null, RATIO(29)],
      ['J29', null, STATUS('I29')],
    ]);
    expect(logged.every((l) => l.action === 'fill' && l.time === NOW && l.oldFormat === 'General')).toBe(
      true,
    );
  });

  it('names the columns in English when the workbook is checked in English', () => {
    const plan = planFill(analyse(withoutComputedColumns(), { lang: 'en' }), { now: NOW });
    expect(plan.cells.filter((c) => c.cell === 'I26' || c.cell === 'J26').map((c) => c.value)).toEqual([
      '% of target',
      'Status',
    ]);
    expect(plan.cells.find((c) => c.cell === 'J28')?.formula).toContain('"Below target"');
  });

  it('the filled table has the two columns, with the same formulas: a second fill changes nothing', async () => {
    const grid = withoutComputedColumns();
    const filled = await applied(grid, planFill(analyse(grid), { now: NOW }));
    const again = analyse(filled);
    expect([again.tables.indicators?.columns.ratio, again.tables.indicators?.columns.status]).toEqual([8, 9]);
    expect(again.tables.indicators?.rows.map((r) => r.status?.text)).toEqual([
      'Entro tolleranza',
      'Sotto target',
      'Raggiunto',
    ]);
    const second = planFill(again, { now: LATER });
    expect([second.cells, second.conflicts, second.log]).toEqual([[], [], []]);
  });

  it('undo empties the added cells again, formats back to General', async () => {
    const grid = withoutComputedColumns();
    const filled = await applied(grid, planFill(analyse(grid), { now: NOW }));
    const undo = planUndo(filled, { now: LATER });
    const restored = (undo?.cells ?? []).filter((c) => /^[IJ]2[6-9]$/.test(c.cell));
    expect(restored.map((c) => c.cell).sort()).toEqual([
      'I26',
      'I27',
      'I28',
      'I29',
      'J26',
      'J27',
      'J28',
      'J29',
    ]);
    expect(
      restored.every((c) => c.value === null && c.formula === undefined && c.numberFormat === 'General'),
    ).toBe(true);
    // The added headers lose their bold; the formula cells were never bold.
    expect(restored.filter((c) => c.bold !== undefined).map((c) => [c.cell, c.bold])).toEqual([
      ['J26', false],
      ['I26', false],
    ]);
    const undone = await applied(filled, undo!);
    const tables = analyse(undone).tables;
    expect([
      tables.indicators?.columns.ratio,
      tables.indicators?.columns.status,
      tables.indicators?.right,
    ]).toEqual([undefined, undefined, 7]);
    // Back to the table without the columns: a new fill adds them again.
    expect(
      planFill(analyse(undone), { now: LATER }).cells.filter((c) => c.cell === 'I26' || c.cell === 'J26'),
    ).toHaveLength(2);
  });

  it('adds only `Stato` when `% del target` is there, next to it', () => {
    const plan = planFill(analyse(withoutComputedColumns({ I26: '% del target' })), { now: NOW });
    expect(plan.cells.find((c) => c.cell === 'J26')).toMatchObject({ value: 'Stato', bold: true });
    expect(plan.cells.find((c) => c.cell === 'I27')?.formula).toBe(RATIO(27));
    expect(plan.cells.find((c) => c.cell === 'J27')?.formula).toBe(STATUS('I27'));
    expect(plan.cells.some((c) => c.cell === 'K26' || c.cell === 'I26')).toBe(false);
  });

  it('adds only `% del target` when `Stato` is there, past it; `Stato` then reads the new column', () => {
    const plan = planFill(analyse(withoutComputedColumns({ I26: 'Stato' })), { now: NOW });
    expect(plan.cells.find((c) => c.cell === 'J26')).toMatchObject({ value: '% del target', bold: true });
    expect(plan.cells.find((c) => c.cell === 'J27')).toMatchObject({
      formula: RATIO(27),
      numberFormat: '0.00%',
    });
    expect(plan.cells.find((c) => c.cell === 'I27')?.formula).toBe(STATUS('J27'));
  });

  it('adds the columns past a column it does not know (`Note`), not over it', () => {
    const plan = planFill(analyse(withoutComputedColumns({ I26: 'Note', I27: 'stima' })), { now: NOW });
    expect(plan.cells.some((c) => c.cell.startsWith('I'))).toBe(false);
    expect(plan.cells.filter((c) => c.cell === 'J26' || c.cell === 'K26').map((c) => c.value)).toEqual([
      '% del target',
      'Stato',
    ]);
    expect(plan.cells.find((c) => c.cell === 'J27')?.formula).toBe(RATIO(27));
    expect(plan.cells.find((c) => c.cell === 'K27')?.formula).toBe(STATUS('J27'));
  });

  it('a cell in the way is a conflict, left alone; --force overwrites it and logs what it held', () => {
    const grid = withoutComputedColumns({ J28: 'da verificare' });
    const plan = planFill(analyse(grid), { now: NOW });
    expect(plan.conflicts).toEqual([
      {
        sheet: 'RAA 2022',
        cell: 'J28',
        current: { value: 'da verificare', formula: null, numberFormat: 'General' },
        proposed: STATUS('I28'),
        reason: 'typed-value',
      },
    ]);
    expect(plan.cells.some((c) => c.cell === 'J28')).toBe(false);
    expect(plan.cells.filter((c) => /^[IJ]2[6-9]$/.test(c.cell))).toHaveLength(7);

    const forced = planFill(analyse(grid), { force: true, now: NOW });
    expect(forced.conflicts).toEqual([]);
    expect(forced.cells.find((c) => c.cell === 'J28')?.formula).toBe(STATUS('I28'));
    expect(forced.log.find((l) => l.cell === 'J28')).toMatchObject({
      old: 'da verificare',
      new: STATUS('I28'),
    });
  });
});

describe('after the fill', () => {
  it('check still reports the indicators below target, and Segnala flags them on the values', async () => {
    const grid = withoutComputedColumns();
    const before = analyse(grid)
      .findings.filter((f) => f.rule === 'INDICATOR_BELOW_TARGET')
      .map((f) => [f.cell, f.severity]);
    expect(before).toEqual([
      ['G28', 'error'],
      ['G27', 'warning'],
    ]);
    const filled = await applied(grid, planFill(analyse(grid), { now: NOW }));
    const after = analyse(filled);
    expect(
      after.findings.filter((f) => f.rule === 'INDICATOR_BELOW_TARGET').map((f) => [f.cell, f.severity]),
    ).toEqual(before);

    const flag = planFlag(after, { now: LATER });
    expect(flag.conditionalFormats.filter((f) => f.range === 'G27:G29').map((f) => f.formula)).toEqual([
      '=AND(ISNUMBER(G27),ISNUMBER(H27),H27<>0,G27/H27<0.85)',
      '=AND(ISNUMBER(G27),ISNUMBER(H27),H27<>0,G27/H27>=0.85,G27/H27<1)',
    ]);
  });
});
