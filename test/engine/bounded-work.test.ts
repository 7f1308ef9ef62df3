import { MODEL_SHEET, modelFromWorkbook } from '../../src/engine/workbook-model';
/**
 * Cost follows the cells that hold something, never a declared range (issue 7, item 2): a host may
 * give a sheet whose used range reaches XFD1048576 with a few cells in it, rows with holes. Work is
 * counted as reads of the sheet's arrays (a Proxy counts every index read), never as wall-clock time.
 */
import { parseA1 } from '../../src/engine/address';
import { analyse } from '../../src/engine/analyse';
import type { CellValue, Grid, SheetGrid } from '../../src/engine/grid';
import { presentIndices } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/locate-tables';
import { INDICATORS, raaSheet } from './raa-fixture';
import { VisitCounter } from './visit-counter';

const withIndicators = () => raaSheet({ indicators: [INDICATORS.CO09(52104, 56645)] });

const LAST_ROW = 1048575;
const LAST_COL = 16383;

/** Copies a sheet's cells into sparse arrays, adds `extra` cells (absolute 0-based), and wraps every array. */
function sparseSheet(
  from: SheetGrid,
  counter: VisitCounter,
  extra: { row: number; col: number; value: CellValue }[],
): { sheet: SheetGrid; cells: number } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  let cells = 0;
  const put = (row: number, col: number, value: CellValue, formula: string | null, format: string) => {
    values[row] ??= [];
    formulas[row] ??= [];
    numberFormats[row] ??= [];
    values[row][col] = value;
    if (formula !== null) formulas[row][col] = formula;
    if (format !== 'General') numberFormats[row][col] = format;
    cells += 1;
  };
  from.values.forEach((row, r) =>
    row.forEach((value, c) => {
      // Only the cells that hold something: blanks become holes.
      if (value !== null)
        put(r, c, value, from.formulas[r]?.[c] ?? null, from.numberFormats[r]?.[c] ?? 'General');
    }),
  );
  for (const { row, col, value } of extra) put(row, col, value, null, 'General');
  values.length = LAST_ROW + 1;
  formulas.length = LAST_ROW + 1;
  numberFormats.length = LAST_ROW + 1;
  // Every row reaches the last column, as a used range of A1:XFD1048576 would.
  for (const r of Object.keys(values)) {
    values[Number(r)].length = LAST_COL + 1;
    formulas[Number(r)].length = LAST_COL + 1;
    numberFormats[Number(r)].length = LAST_COL + 1;
  }
  return {
    sheet: counter.wrapSheet({ name: from.name, top: 0, left: 0, values, formulas, numberFormats }),
    cells,
  };
}

describe('a sheet whose used range is A1:XFD1048576 with a few cells in it', () => {
  const corners = [
    { row: LAST_ROW, col: LAST_COL, value: 'fine' },
    { row: LAST_ROW, col: 0, value: 'Asse' },
    { row: 0, col: LAST_COL, value: 'Dotazione finanziaria' },
    { row: 500000, col: 9000, value: 12345 },
    { row: 500001, col: 9000, value: 'Asse' },
    { row: 500001, col: 9001, value: 'Impegni' },
  ];

  it('locates the RAA tables in it, visiting a bounded number of cells', () => {
    const counter = new VisitCounter();
    const { sheet, cells } = sparseSheet(withIndicators(), counter, corners);
    const tables = locateTables({ sheets: [sheet] });
    expect(tables.plan?.rows.map((r) => r.label.text)).toEqual([
      'Asse I',
      'Asse II',
      'Asse III',
      'Asse IV',
      'Asse V',
    ]);
    expect(tables.progress?.rows).toHaveLength(5);
    expect(tables.indicators?.rows.length).toBeGreaterThan(0);
    // 17 billion declared cells, a few hundred held: the work is a small multiple of the latter.
    expect(counter.visits).toBeLessThan(40 * cells);
  });

  it('analyses it (locate, read, rules) within the same bound, every finding inside the sheet', () => {
    const counter = new VisitCounter();
    const { sheet, cells } = sparseSheet(withIndicators(), counter, corners);
    const a = analyse({ sheets: [sheet] });
    expect(a.tables.plan).not.toBeNull();
    expect(a.findings.filter((f) => f.rule === 'TABLE_NOT_FOUND')).toEqual([]);
    for (const f of a.findings) {
      expect(f.sheet).toBe(sheet.name);
      const at = parseA1(f.cell);
      expect(at !== null && at.row <= LAST_ROW && at.col <= LAST_COL).toBe(true);
    }
    expect(counter.visits).toBeLessThan(40 * cells);
  });

  it('finds nothing in a sheet of corners only, after a bounded number of visits', () => {
    const counter = new VisitCounter();
    const empty: SheetGrid = { name: 'Vuoto', top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
    const { sheet, cells } = sparseSheet(empty, counter, corners);
    const g: Grid = { sheets: [sheet] };
    const a = analyse(g);
    expect(a.tables).toMatchObject({ plan: null, progress: null });
    expect(counter.visits).toBeLessThan(40 * cells);
  });

  it('reads rows with holes and rows missing from the arrays', () => {
    const s = raaSheet();
    const values = [...s.values];
    delete values[10];
    // A row with holes inside Tabella 2's header and a missing row of formulas and formats.
    const header = [...values[13]];
    delete header[3];
    values[13] = header;
    const g: Grid = { sheets: [{ ...s, values, formulas: s.formulas.slice(0, 5), numberFormats: [] }] };
    expect(() => analyse(g)).not.toThrow();
    expect(analyse(g).tables.progress).not.toBeNull();
  });
});

describe('presentIndices', () => {
  it('gives the held indices of a dense and of a sparse array, in order and within bounds', () => {
    expect(presentIndices([1, undefined, 3, null], 0)).toEqual([0, 2, 3]);
    expect(presentIndices([1, 2, 3, 4], 1, 2)).toEqual([1, 2]);
    const sparse: number[] = [];
    sparse[LAST_COL] = 1;
    sparse[5] = 2;
    sparse[2000] = 3;
    expect(presentIndices(sparse)).toEqual([5, 2000, LAST_COL]);
    expect(presentIndices(sparse, 6, LAST_COL - 1)).toEqual([2000]);
    expect(presentIndices(undefined)).toEqual([]);
  });

  it('reads a sparse array by its entries, not its length', () => {
    const counter = new VisitCounter();
    const sparse: number[] = [];
    sparse[LAST_ROW] = 1;
    sparse[7] = 2;
    expect(presentIndices(counter.wrap(sparse))).toEqual([7, LAST_ROW]);
    expect(counter.visits).toBeLessThan(10);
  });
});

describe('the model stored in a workbook', () => {
  it('is read from a sheet with missing rows', () => {
    const values: (string | null)[][] = [];
    values[0] = ['{"id": "x"'];
    values[5000] = ['}'];
    const result = modelFromWorkbook({
      sheets: [{ name: MODEL_SHEET, top: 0, left: 0, values, formulas: [], numberFormats: [] }],
    });
    // Both lines are read and joined (the model is incomplete, so it is refused with a reason, not a crash).
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.error).toMatch(/\S/);
  });
});
