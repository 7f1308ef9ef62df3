/**
 * Properties of `analyse` over any grid (issue 7, item 7): for any sheets of strings, numbers,
 * errors and blanks — numbers written as Italian and English text, axis-like labels, the tables'
 * own header words, captions, totals — it never throws, it reads a bounded multiple of the cells
 * the grid holds (counted through a Proxy, never by the clock), and every finding names a sheet of
 * the grid and a cell inside it.
 */
import fc from 'fast-check';
import { parseA1 } from '../../src/engine/address';
import { analyse } from '../../src/engine/analyse';
import type { Finding } from '../../src/engine/finding';
import type { CellValue, Grid, SheetGrid } from '../../src/engine/grid';
import { defaultModel, parseModel } from '../../src/model';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { PROGRESS_HEADER_LETTERS, PROGRESS_HEADER_WORDS } from './raa-fixture';
import { VisitCounter } from './visit-counter';

const LAST_ROW = 1048575;
const LAST_COL = 16383;

const WORDS = [
  ...PROGRESS_HEADER_WORDS,
  ...PROGRESS_HEADER_LETTERS.filter((l): l is Exclude<typeof l, null> => l !== null),
  'OT',
  'Asse',
  'ASSE',
  'Denominazione',
  'Dotazione finanziaria',
  'DOTAZIONE FINANZIARIA',
  '%',
  '€',
  'Importo',
  'Importo ammesso',
  'CUP',
  'Beneficiario',
  'Impegni',
  'Pagamenti',
  'Priority axis',
  'Allocation',
  'Commitments',
  'Codice',
  'Indicatore',
  'Tipo',
  'Unità',
  'Valore',
  'Target 2023',
  '% del target',
  'Stato',
  'output',
  'risultato',
  'numero',
  'percentuale',
  'TABELLA 1',
  'Tabella 2. Avanzamento finanziario',
  'Fonte: SIAGE',
  '(*) dati provvisori',
  'Colonna1',
  'TOTALE',
  'Totale',
  'Tot.',
  'Grand total',
  'CO01',
  'CR06',
  'OT 8',
  'n.d.',
  '-',
  '',
  ' ',
  '\u00a0',
];
const AXIS_LABELS = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'Asse I',
  'Asse II',
  'ASSE III',
  'Asse 1',
  '2',
  'Asse prioritario 3',
];
const ERRORS = ['#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];

/** A number as people type it: Italian or English grouping, € and %, NBSP, parentheses, exponent. */
const numericText: fc.Arbitrary<string> = fc
  .tuple(
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.constantFrom('it-IT', 'en-US'),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('', ' €', '€ ', '%', ' %', '\u00a0%', '\u00a0€', 'plain', 'paren', 'exp'),
  )
  .map(([n, locale, decimals, decoration]) => {
    if (decoration === 'exp') return n.toExponential(decimals);
    if (decoration === 'plain') return n.toFixed(decimals);
    const text = Math.abs(n).toLocaleString(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    if (decoration === 'paren') return n < 0 ? `(${text})` : text;
    const signed = n < 0 ? `-${text}` : text;
    return decoration.startsWith('€') ? `${decoration}${signed}` : `${signed}${decoration}`;
  });

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, 1, 0.2439, 24.39, 1.2289, 236700000, 19114000, 33760516, 970474516, 1e15, -0),
);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
  { arbitrary: fc.constantFrom(...AXIS_LABELS), weight: 3 },
  { arbitrary: number, weight: 3 },
  { arbitrary: numericText, weight: 3 },
  { arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

interface Cell {
  value: CellValue;
  formula: string | null;
  format: string;
}

const cell: fc.Arbitrary<Cell> = fc.record({
  value,
  formula: fc.oneof(
    { arbitrary: fc.constant(null), weight: 8 },
    {
      arbitrary: fc.constantFrom(
        '=B7/A7',
        '=IF(B7=0,"",D7/B7)',
        '=SUM(B3:B7)',
        '=SUM(A1:XFD1048576)',
        '=[Book2]S!A1',
        '=1/0',
      ),
      weight: 1,
    },
  ),
  format: fc.constantFrom('General', 'General', '0.00%', '#,##0.00 [$€-410]', '@', '0.0%'),
});

interface SheetSpec {
  name: string;
  top: number;
  left: number;
  rows: (Cell | null)[][];
  /** Whether the arrays declare the whole sheet (length to row 1048576 and column XFD). */
  declaredWhole: boolean;
  tables: boolean;
}

const MAX_ROWS = 24;
const MAX_COLS = 12;

const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  name: fc.constantFrom('Foglio1', 'RAA 2022', 'Dati', 'Report POR', 'Operazioni', "L'altro"),
  top: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.constant(LAST_ROW - MAX_ROWS)),
  left: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.constant(LAST_COL - MAX_COLS)),
  rows: fc.array(fc.array(fc.option(cell, { freq: 3 }), { maxLength: MAX_COLS }), { maxLength: MAX_ROWS }),
  declaredWhole: fc.boolean(),
  tables: fc.boolean(),
});

/** Builds the sheet as a host would: holes where a cell holds nothing, ragged rows, maybe the whole sheet declared. */
function build(spec: SheetSpec): { sheet: SheetGrid; cells: number } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  let cells = 0;
  spec.rows.forEach((row, r) => {
    if (row.every((c) => c === null)) return; // a row missing from the arrays
    values[r] = [];
    formulas[r] = [];
    numberFormats[r] = [];
    row.forEach((c, col) => {
      if (!c) return; // a hole
      values[r][col] = c.value;
      formulas[r][col] = c.formula;
      numberFormats[r][col] = c.format;
      cells += 1;
    });
  });
  if (spec.declaredWhole) {
    for (const rows of [values, formulas, numberFormats]) {
      declareLength(rows, LAST_ROW + 1 - spec.top);
      for (const r of Object.keys(rows)) declareLength(rows[Number(r)], LAST_COL + 1 - spec.left);
    }
  }
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  const height = spec.rows.length;
  const sheet: SheetGrid = {
    name: spec.name,
    top: spec.top,
    left: spec.left,
    values,
    formulas,
    numberFormats,
  };
  if (spec.tables && width > 0 && height > 0)
    sheet.tables = [
      { name: 'Tabella1', range: spec.declaredWhole ? 'A1:XFD1048576' : rangeOf(spec, height, width) },
    ];
  return { sheet, cells };
}

/** Stretches an array to `length` without filling it: one entry set and taken back (setting `length` allocates). */
function declareLength(items: unknown[], length: number): void {
  if (items.length >= length) return;
  items[length - 1] = null;
  delete items[length - 1];
}

function rangeOf(spec: SheetSpec, height: number, width: number): string {
  const letters = (col: number) => {
    let s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${letters(spec.left)}${spec.top + 1}:${letters(spec.left + width - 1)}${spec.top + height}`;
}

const workbook = fc.record({
  sheets: fc.uniqueArray(sheetSpec, { maxLength: 3, selector: (s) => s.name }),
  locale: fc.constantFrom<Grid['locale']>(undefined, 'it', 'en'),
  lang: fc.constantFrom('it' as const, 'en' as const),
  model: fc.constantFrom('lombardia', 'other'),
});

const parsedOther = parseModel(otherProgramme);
if (!parsedOther.ok) throw new Error(parsedOther.error);
const MODELS = { lombardia: defaultModel, other: parsedOther.model };

/**
 * Whether a finding names a cell Excel has, on a sheet of the grid; a finding about a table, a cell
 * of that sheet's used range. Only TABLE_NOT_FOUND may name no sheet (a workbook with no sheet to
 * point at) or a cell outside the used range (A1).
 */
function insideGrid(f: Finding, built: { spec: SheetSpec; sheet: SheetGrid }[]): boolean {
  const at = parseA1(f.cell);
  if (!at || at.row > LAST_ROW || at.col > LAST_COL) return false;
  if (f.rule === 'TABLE_NOT_FOUND') return f.sheet === '' || built.some((b) => b.sheet.name === f.sheet);
  const own = built.find((b) => b.sheet.name === f.sheet);
  if (!own) return false;
  const { spec } = own;
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  return (
    at.row >= spec.top &&
    at.row < spec.top + spec.rows.length &&
    at.col >= spec.left &&
    at.col < spec.left + width
  );
}

/** Reads per held cell, plus a constant for the workbook-wide work (model, messages). */
const VISITS_PER_CELL = 100;
const VISITS_BASE = 1000;

describe('analyse on any grid', () => {
  it('never throws, reads a bounded multiple of the held cells, and every finding lies inside the grid', () => {
    fc.assert(
      fc.property(workbook, ({ sheets, locale, lang, model }) => {
        const counter = new VisitCounter();
        let held = 0;
        const built = sheets.map((spec) => {
          const { sheet, cells } = build(spec);
          held += cells;
          return { spec, sheet };
        });
        const grid: Grid = {
          sheets: built.map((b) => counter.wrapSheet(b.sheet)),
          ...(locale ? { locale } : {}),
        };
        const analysis = analyse(grid, { lang, model: MODELS[model as keyof typeof MODELS] });

        expect(counter.visits).toBeLessThanOrEqual(VISITS_BASE + VISITS_PER_CELL * held);
        expect(analysis.findings.filter((f) => !insideGrid(f, built))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on grids made mostly of table words and axis labels', () => {
    const headerish: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...AXIS_LABELS),
      numericText,
      number,
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(headerish, { minLength: 1, maxLength: MAX_COLS }), {
          minLength: 1,
          maxLength: MAX_ROWS,
        }),
        fc.constantFrom('it' as const, 'en' as const),
        (rows, locale) => {
          const sheet: SheetGrid = {
            name: 'T',
            top: 0,
            left: 0,
            values: rows,
            formulas: rows.map((r) => r.map(() => null)),
            numberFormats: rows.map((r) => r.map(() => 'General')),
          };
          const analysis = analyse({ sheets: [sheet], locale });
          const spec: SheetSpec = {
            name: 'T',
            top: 0,
            left: 0,
            rows: [],
            declaredWhole: false,
            tables: false,
          };
          spec.rows = rows.map((r) => r.map(() => null));
          expect(analysis.findings.filter((f) => !insideGrid(f, [{ spec, sheet }]))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
