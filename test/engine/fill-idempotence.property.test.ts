/**
 * Property: Compila run on its own output changes nothing. For any Tabella 2 and indicator table
 * the engine locates — wherever they are, amounts typed or pasted as Italian text, ratios typed,
 * live, other formulas or blank — a second fill with the same options writes no cell, and finds
 * the same conflicts as the first (none with `force`).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { a1 } from '../../src/engine/address';
import { analyse } from '../../src/engine/analyse';
import { planFill } from '../../src/engine/actions';
import type { Grid } from '../../src/engine/grid';
import type { WritePlan } from '../../src/engine/plan';
import { defaultModel } from '../../src/model';
import { createMemoryHost } from '../taskpane/memory-host';
import { setCells, sheet, type CellSpec } from './grid-builder';
import { PROGRESS_HEADER_LETTERS, PROGRESS_HEADER_WORDS } from './raa-fixture';

const EURO = '#,##0.00 [$€-410]';
const PERCENT = '0.00%';
const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-22T10:05:00.000Z';

// ---------------------------------------------------------------- how people write a cell

/** An amount in cents and the way it is written in its cell. */
type AmountStyle = 'number' | 'text €' | 'text' | 'text ungrouped' | 'blank';
interface Amount {
  cents: bigint;
  style: AmountStyle;
}

const amount: fc.Arbitrary<Amount> = fc.record({
  cents: fc.oneof(
    fc.bigInt({ min: 0n, max: 100_000_000_000n }),
    fc.constant(0n),
    fc.bigInt({ min: 0n, max: 10_000n }),
  ),
  style: fc.constantFrom<AmountStyle>('number', 'number', 'text €', 'text', 'text ungrouped', 'blank'),
});

function italian(value: Decimal, decimals: number, grouped = true): string {
  const [whole, fraction] = value.toFixed(decimals).split('.');
  const g = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return fraction === undefined ? g : `${g},${fraction}`;
}

const euros = (a: Amount) => new Decimal(a.cents.toString()).dividedBy(100);

function amountCell(a: Amount): CellSpec {
  const value = euros(a);
  switch (a.style) {
    case 'number':
      return { v: value.toNumber(), fmt: EURO };
    case 'text €':
      return `${italian(value, 2)} €`;
    case 'text':
      return italian(value, 2);
    case 'text ungrouped':
      return italian(value, value.isInteger() ? 0 : 2, false);
    case 'blank':
      return null;
  }
}

/** What a ratio cell holds before the fill. */
type RatioStyle = 'blank' | 'live' | 'plain formula' | 'typed' | 'text %' | 'note';
const ratioStyle = fc.constantFrom<RatioStyle>(
  'blank',
  'live',
  'live',
  'plain formula',
  'typed',
  'text %',
  'note',
);

function ratioCell(style: RatioStyle, num: Amount, den: Amount, numRef: string, denRef: string): CellSpec {
  const n = num.style === 'blank' ? new Decimal(0) : euros(num);
  const d = den.style === 'blank' ? new Decimal(0) : euros(den);
  const ratio = d.isZero() ? null : n.dividedBy(d);
  switch (style) {
    case 'blank':
      return null;
    case 'live':
      return { v: ratio ? ratio.toNumber() : '', f: `=IF(${denRef}=0,"",${numRef}/${denRef})`, fmt: PERCENT };
    case 'plain formula':
      return { v: ratio ? ratio.toNumber() : { error: '#DIV/0!' }, f: `=${numRef}/${denRef}`, fmt: PERCENT };
    case 'typed':
      return { v: ratio ? ratio.toDecimalPlaces(4).toNumber() : 0, fmt: PERCENT };
    case 'text %':
      return ratio ? `${italian(ratio.times(100), 2)}%` : '0,00%';
    case 'note':
      return 'n.d.';
  }
}

// ---------------------------------------------------------------- the tables

const AMOUNT_COLUMNS = ['A', 'B', 'D', 'F', 'H'] as const;
/** Ratio, numerator, denominator, as Tabella 2 defines them. */
const RATIOS = [
  ['C', 'B', 'A'],
  ['E', 'D', 'B'],
  ['G', 'F', 'D'],
  ['I', 'H', 'F'],
] as const;
/** Column of each letter inside Tabella 2, the axis column being 0. */
const OFFSET: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9 };

interface ProgressRow {
  amounts: Record<(typeof AMOUNT_COLUMNS)[number], Amount>;
  ratios: RatioStyle[];
}

interface ProgressSpec {
  header: 'two rows' | 'words';
  caption: boolean;
  axisLabel: 'roman' | 'Asse roman';
  axes: string[];
  rows: ProgressRow[];
  total: 'none' | 'sum' | 'sum as text';
  totalRatios: RatioStyle[];
}

const progressRow: fc.Arbitrary<ProgressRow> = fc.record({
  amounts: fc.record({ A: amount, B: amount, D: amount, F: amount, H: amount }),
  ratios: fc.array(ratioStyle, { minLength: 4, maxLength: 4 }),
});

const AXES = ['I', 'II', 'III', 'IV', 'V'];

const progressSpec: fc.Arbitrary<ProgressSpec> = fc
  .record({
    header: fc.constantFrom<ProgressSpec['header']>('two rows', 'words'),
    caption: fc.boolean(),
    axisLabel: fc.constantFrom<ProgressSpec['axisLabel']>('roman', 'Asse roman'),
    axes: fc.subarray(AXES, { minLength: 2 }),
    total: fc.constantFrom<ProgressSpec['total']>('none', 'sum', 'sum', 'sum as text'),
    totalRatios: fc.array(ratioStyle, { minLength: 4, maxLength: 4 }),
  })
  .chain((spec) =>
    fc
      .array(progressRow, { minLength: spec.axes.length, maxLength: spec.axes.length })
      .map((rows) => ({ ...spec, rows })),
  );

/** One row of Tabella 3. */
interface IndicatorRow {
  index: number;
  value: 'number' | 'text' | 'blank' | 'zero';
  magnitude: number;
  target: 'model' | 'text' | 'blank';
  computed: 'blank' | 'typed' | 'other formula';
}

interface IndicatorSpec {
  withComputed: boolean;
  rows: IndicatorRow[];
}

const indicatorSpec: fc.Arbitrary<IndicatorSpec> = fc.record({
  withComputed: fc.boolean(),
  rows: fc.array(
    fc.record({
      index: fc.integer({ min: 0, max: defaultModel.indicators.length - 1 }),
      value: fc.constantFrom<IndicatorRow['value']>('number', 'number', 'text', 'blank', 'zero'),
      magnitude: fc.double({ min: 0, max: 1.5, noNaN: true }),
      target: fc.constantFrom<IndicatorRow['target']>('model', 'model', 'text', 'blank'),
      computed: fc.constantFrom<IndicatorRow['computed']>('blank', 'blank', 'typed', 'other formula'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

interface WorkbookSpec {
  progress: ProgressSpec;
  /** Where Tabella 2's first header cell is (0-based). */
  top: number;
  left: number;
  notes: number;
  indicators: IndicatorSpec | null;
  /** Tabella 3 below Tabella 2 on the same sheet, or on a sheet of its own. */
  indicatorsApart: boolean;
  gap: number;
  force: boolean;
  lang: 'it' | 'en';
}

const workbookSpec: fc.Arbitrary<WorkbookSpec> = fc.record({
  progress: progressSpec,
  top: fc.integer({ min: 0, max: 30 }),
  left: fc.integer({ min: 0, max: 12 }),
  notes: fc.integer({ min: 0, max: 2 }),
  indicators: fc.option(indicatorSpec, { freq: 3 }),
  indicatorsApart: fc.boolean(),
  gap: fc.integer({ min: 2, max: 5 }),
  force: fc.boolean(),
  lang: fc.constantFrom<'it' | 'en'>('it', 'en'),
});

type Cells = Record<string, CellSpec>;

/** Writes Tabella 2 with its first header cell at `top`/`left`; returns the row below it. */
function writeProgress(cells: Cells, spec: ProgressSpec, top: number, left: number, notes: number): number {
  let row = top;
  if (spec.caption) {
    cells[a1(row, left)] = 'TABELLA 2. AVANZAMENTO FINANZIARIO DEL PROGRAMMA OPERATIVO REGIONALE';
    row += 1;
  }
  for (let n = 0; n < notes; n++) {
    cells[a1(row, left)] = `Nota ${n + 1}: importi in euro.`;
    row += 2;
  }
  PROGRESS_HEADER_WORDS.forEach((word, c) => (cells[a1(row, left + c)] = word));
  row += 1;
  if (spec.header === 'two rows') {
    PROGRESS_HEADER_LETTERS.forEach((letter, c) => (cells[a1(row, left + c)] = letter));
    row += 1;
  }
  const put = (r: number, label: string, amounts: ProgressRow['amounts'], ratios: RatioStyle[]) => {
    cells[a1(r, left)] = label;
    for (const col of AMOUNT_COLUMNS) cells[a1(r, left + OFFSET[col])] = amountCell(amounts[col]);
    RATIOS.forEach(([ratio, numerator, denominator], i) => {
      const numRef = a1(r, left + OFFSET[numerator]);
      const denRef = a1(r, left + OFFSET[denominator]);
      cells[a1(r, left + OFFSET[ratio])] = ratioCell(
        ratios[i],
        amounts[numerator],
        amounts[denominator],
        numRef,
        denRef,
      );
    });
  };
  spec.rows.forEach((r, i) => {
    const axis = spec.axes[i];
    put(row + i, spec.axisLabel === 'roman' ? axis : `Asse ${axis}`, r.amounts, r.ratios);
  });
  row += spec.rows.length;
  if (spec.total !== 'none') {
    const style: AmountStyle = spec.total === 'sum' ? 'number' : 'text €';
    const sum = (col: (typeof AMOUNT_COLUMNS)[number]): Amount => ({
      cents: spec.rows.reduce(
        (acc, r) => acc + (r.amounts[col].style === 'blank' ? 0n : r.amounts[col].cents),
        0n,
      ),
      style,
    });
    const totals = { A: sum('A'), B: sum('B'), D: sum('D'), F: sum('F'), H: sum('H') };
    put(row, 'Totale', totals, spec.totalRatios);
    row += 1;
  }
  return row;
}

const INDICATOR_HEADER = [
  'Asse',
  'Priorità',
  'Codice',
  'Indicatore',
  'Tipo',
  'Unità',
  'Valore',
  'Target 2023',
];

function writeIndicators(cells: Cells, spec: IndicatorSpec, top: number, left: number): void {
  const header = spec.withComputed ? [...INDICATOR_HEADER, '% del target', 'Stato'] : INDICATOR_HEADER;
  header.forEach((h, c) => (cells[a1(top, left + c)] = h));
  // One row per model indicator: a duplicate code and priority is another table's business.
  const seen = new Set<number>();
  let r = top + 1;
  for (const row of spec.rows) {
    if (seen.has(row.index)) continue;
    seen.add(row.index);
    const indicator = defaultModel.indicators[row.index];
    const percentage = indicator.unit === 'percentage';
    const target = new Decimal(indicator.target);
    const value = target.times(row.magnitude).toDecimalPlaces(percentage ? 1 : 0);
    const valueCell: CellSpec =
      row.value === 'blank'
        ? null
        : row.value === 'zero'
          ? 0
          : row.value === 'text'
            ? percentage
              ? `${italian(value, 1)}%`
              : italian(value, 0)
            : percentage
              ? { v: value.dividedBy(100).toNumber(), fmt: '0.0%' }
              : value.toNumber();
    const targetCell: CellSpec =
      row.target === 'blank'
        ? null
        : row.target === 'text'
          ? percentage
            ? `${italian(target, 0)}%`
            : italian(target, 0)
          : percentage
            ? { v: target.dividedBy(100).toNumber(), fmt: '0%' }
            : target.toNumber();
    const values: CellSpec[] = [
      indicator.axis,
      indicator.priority || null,
      indicator.code,
      indicator.name,
      indicator.type === 'result' ? 'risultato' : indicator.type,
      percentage ? 'percentuale' : 'numero',
      valueCell,
      targetCell,
    ];
    values.forEach((v, c) => (cells[a1(r, left + c)] = v));
    // `% del target`, or the cell fill would give it past the right edge.
    const ratioCol = left + 8;
    if (row.computed === 'typed') {
      cells[a1(r, ratioCol)] = { v: 0.5, fmt: PERCENT };
    } else if (row.computed === 'other formula') {
      const formula = `=${a1(r, left + 6)}/${a1(r, left + 7)}*100`;
      cells[a1(r, ratioCol)] = { v: 50, f: formula };
    }
    r += 1;
  }
}

function sheetOf(name: string, cells: Cells) {
  const addresses = Object.keys(cells);
  const s = sheet(name, [[]]);
  if (addresses.length > 0) setCells(s, cells);
  return s;
}

function workbook(spec: WorkbookSpec): Grid {
  const main: Cells = {};
  const below = writeProgress(main, spec.progress, spec.top, spec.left, spec.notes);
  const sheets = [];
  if (spec.indicators && spec.indicatorsApart) {
    const other: Cells = {};
    writeIndicators(other, spec.indicators, spec.gap, spec.left);
    sheets.push(sheetOf('RAA 2022', main), sheetOf('Indicatori', other));
  } else {
    if (spec.indicators) writeIndicators(main, spec.indicators, below + spec.gap, spec.left);
    sheets.push(sheetOf('RAA 2022', main));
  }
  return { sheets };
}

// ---------------------------------------------------------------- applying a plan

/** The grid after the plan, as a host leaves it (cell writes, cached results, formats, log rows). */
async function applied(grid: Grid, plan: WritePlan): Promise<Grid> {
  const host = createMemoryHost(JSON.parse(JSON.stringify(grid)) as Grid);
  await host.apply(plan);
  return host.grid;
}

const where = (c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`;

function located(grid: Grid, lang: 'it' | 'en') {
  const { tables } = analyse(grid, { lang });
  const at = (t: { sheet: string; headerTop: number; rows: { row: number }[] } | null | undefined) =>
    t ? `${t.sheet}:${t.headerTop}:${t.rows.map((r) => r.row).join(',')}` : null;
  return { progress: at(tables.progress), indicators: at(tables.indicators) };
}

describe('Compila twice', () => {
  it('changes nothing the second time, on any located Tabella 2 and indicator table', async () => {
    let withProgress = 0;
    let withIndicators = 0;
    let runs = 0;
    let filled = 0;
    let conflicted = 0;
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (spec) => {
        runs += 1;
        const grid = workbook(spec);
        const options = { lang: spec.lang };
        const first = analyse(grid, options);
        if (first.tables.progress) withProgress += 1;
        if (first.tables.indicators) withIndicators += 1;
        const plan = planFill(first, { force: spec.force, now: NOW });
        if (plan.cells.length > 0) filled += 1;
        if (plan.conflicts.length > 0) conflicted += 1;
        const after = await applied(grid, plan);

        // The tables are where they were: a fill never moves or hides a table.
        expect(located(after, spec.lang)).toEqual(located(grid, spec.lang));

        const second = planFill(analyse(after, options), { force: spec.force, now: LATER });
        expect(second.cells.map(where)).toEqual([]);
        expect(second.log).toEqual([]);
        expect(second.conflicts.map(where)).toEqual(spec.force ? [] : plan.conflicts.map(where));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    // The property is about located tables: most generated workbooks must have them.
    expect(withProgress).toBeGreaterThan(runs * 0.9);
    expect(withIndicators).toBeGreaterThan(runs * 0.5);
    // …and the first fill must have had work to do, and things to leave alone.
    expect(filled).toBeGreaterThan(runs * 0.9);
    expect(conflicted).toBeGreaterThan(runs * 0.2);
  }, 120_000);
});
