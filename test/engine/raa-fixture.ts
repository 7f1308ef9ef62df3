/**
 * A small RAA-like workbook for rule tests, laid out like the sample (assets/sample-raa-2022.xlsx):
 * Tabella 1 header on row 3, axes on rows 4–8, TOTALE on row 9 (OT A, Asse B, Denominazione C,
 * Dotazione D, % E); Tabella 2 headers on rows 14–15, axes on rows 16–20, Totale on row 21 (Assi A,
 * then A…I in B…J); Tabella 3 header on row 26, indicators from row 27. By default it is clean:
 * the 2022-12 allocations, consistent totals and shares, live ratio formulas, no over-programming.
 */
import { a1 } from '../../src/engine/address';
import type { Grid, SheetGrid } from '../../src/engine/grid';
import { grid, setCells, sheet, type CellSpec } from './grid-builder';

export const AXES = ['I', 'II', 'III', 'IV', 'V'] as const;
export type AxisId = (typeof AXES)[number];

const OT: Record<AxisId, string | null> = { I: 'OT 8', II: 'OT 9', III: 'OT 10', IV: 'OT 11', V: null };
const NAMES: Record<AxisId, string> = {
  I: 'Occupazione',
  II: 'Inclusione sociale e lotta alla povertà',
  III: 'Istruzione e Formazione',
  IV: 'Capacità istituzionale e amministrativa',
  V: 'Assistenza tecnica',
};

/** Allocations of model version 2022-12 (RAA 2022). */
export const ALLOCATIONS_2022: Record<AxisId, number> = {
  I: 236700000,
  II: 379000000,
  III: 301900000,
  IV: 19114000,
  V: 33760516,
};
/** Allocations of model version 2020-11 (Decision C(2020)7664). */
export const ALLOCATIONS_2020: Record<AxisId, number> = { ...ALLOCATIONS_2022, IV: 20000000, V: 32874516 };

export interface Amounts {
  A: number;
  B: number;
  D: number;
  F: number;
  H: number;
}

/** RAA 2022 Tabella 2 amounts, with Asse I's programmed/committed/paid lowered below its allocation. */
export const AMOUNTS: Record<AxisId, Amounts> = {
  I: { A: 236700000, B: 236000000, D: 230323449.02, F: 204774002.77, H: 184444180.19 },
  II: { A: 379000000, B: 326425240.31, D: 323626680.83, F: 297276053.64, H: 243965037.2 },
  III: { A: 301900000, B: 300923428.71, D: 294117938.21, F: 281034588.71, H: 229093691.59 },
  IV: { A: 19114000, B: 19067780.31, D: 19067780.15, F: 13789845.29, H: 10885134.83 },
  V: { A: 33760516, B: 33760516, D: 31541568.45, F: 25768000.62, H: 23056188.43 },
};

/** Tabella 2's two header rows as the RAA 2022 prints them: words above, letters below. */
export const PROGRESS_HEADER_WORDS = [
  'Assi',
  'Dotazione finanziaria',
  'Programmato',
  'Avanzamento programmato',
  'Impegni',
  'Avanzamento impegni',
  'Pagamenti ai beneficiari',
  'Avanzamento pagamenti',
  'Spesa certificata',
  'Avanzamento spesa certificata',
] as const;
export const PROGRESS_HEADER_LETTERS = [
  null,
  'A',
  'B',
  'C=B/A',
  'D',
  'E=D/B',
  'F',
  'G=F/D',
  'H',
  'I=H/F',
] as const;

export const PLAN_HEADER_ROW = 3;
export const PLAN_FIRST_ROW = 4;
export const PLAN_TOTAL_ROW = 9;
export const PROGRESS_HEADER_ROW = 14;
export const PROGRESS_FIRST_ROW = 16;
export const PROGRESS_TOTAL_ROW = 21;
export const INDICATOR_HEADER_ROW = 26;
export const INDICATOR_FIRST_ROW = 27;

/** One row of Tabella 3: Asse, Priorità, Codice, Indicatore, Tipo, Unità, Valore, Target 2023. */
export type IndicatorSpec = [CellSpec, CellSpec, CellSpec, CellSpec, CellSpec, CellSpec, CellSpec, CellSpec];

export interface RaaOptions {
  sheetName?: string;
  /** Include Tabella 1 / Tabella 2 (both by default). */
  plan?: boolean;
  progress?: boolean;
  /** Tabella 3 rows; no Tabella 3 when absent. */
  indicators?: IndicatorSpec[];
  /** Tabella 1 allocations by axis (shares and total follow); 2022-12 by default. */
  allocations?: Partial<Record<AxisId, number>>;
  /** Tabella 2 amounts by axis (column A follows `allocations` unless given); ratios and totals follow. */
  amounts?: Partial<Record<AxisId, Partial<Amounts>>>;
  /** Ratios as live formulas (default) or as typed values rounded to 4 decimals, as printed in the RAA. */
  ratios?: 'formula' | 'value';
  /** The axis rows of both tables, in order (all five by default); later rows move up. */
  axes?: readonly AxisId[];
  /** Number format of the ratio cells (`0.00%` by default). */
  ratioFormat?: string;
  /** Cell overrides by A1 address, applied last (`{ E21: 958677416.67 }`). */
  cells?: Record<string, CellSpec>;
}

const EURO = '#,##0.00 [$€-410]';
const PERCENT = '0.00%';

/** Sums of euro amounts done in cents, as exact as the workbook's own totals. */
function sum(values: number[]): number {
  return values.reduce((acc, v) => acc + Math.round(v * 100), 0) / 100;
}

function ratioCell(
  numerator: number,
  denominator: number,
  numRef: string,
  denRef: string,
  style: 'formula' | 'value',
  fmt: string,
): CellSpec {
  const value = denominator === 0 ? '' : numerator / denominator;
  if (style === 'value')
    return { v: typeof value === 'number' ? Math.round(value * 10000) / 10000 : value, fmt };
  return { v: value, f: `=IF(${denRef}=0,"",${numRef}/${denRef})`, fmt };
}

export function raaSheet(options: RaaOptions = {}): SheetGrid {
  const allocations = { ...ALLOCATIONS_2022, ...options.allocations };
  const axes = options.axes ?? AXES;
  const ratioFormat = options.ratioFormat ?? PERCENT;
  const rows: CellSpec[][] = [];
  const put = (row: number, cells: CellSpec[]) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1] = cells;
  };

  if (options.plan !== false) {
    const total = sum(axes.map((a) => allocations[a]));
    const share = (v: number): CellSpec => ({ v: Math.round((v / total) * 10000) / 10000, fmt: PERCENT });
    put(1, ['TABELLA 1. – PIANO FINANZIARIO DEL POR FSE 2014-2020']);
    put(PLAN_HEADER_ROW, ['OT', 'ASSE', 'DENOMINAZIONE', 'DOTAZIONE FINANZIARIA', null]);
    axes.forEach((axis, i) =>
      put(PLAN_FIRST_ROW + i, [
        OT[axis],
        `Asse ${axis}`,
        NAMES[axis],
        { v: allocations[axis], fmt: EURO },
        share(allocations[axis]),
      ]),
    );
    put(PLAN_FIRST_ROW + axes.length, [null, 'TOTALE', null, { v: total, fmt: EURO }, share(total)]);
  }

  if (options.progress !== false) {
    put(12, ['TABELLA 2. AVANZAMENTO FINANZIARIO DEL PROGRAMMA OPERATIVO REGIONALE AL 31 DICEMBRE 2022.']);
    put(PROGRESS_HEADER_ROW, [...PROGRESS_HEADER_WORDS]);
    put(PROGRESS_HEADER_ROW + 1, [...PROGRESS_HEADER_LETTERS]);
    const data: Amounts[] = axes.map((axis) => ({
      ...AMOUNTS[axis],
      A: allocations[axis],
      ...options.amounts?.[axis],
    }));
    const totals: Amounts = {
      A: sum(data.map((d) => d.A)),
      B: sum(data.map((d) => d.B)),
      D: sum(data.map((d) => d.D)),
      F: sum(data.map((d) => d.F)),
      H: sum(data.map((d) => d.H)),
    };
    const style = options.ratios ?? 'formula';
    const progressRow = (label: string, d: Amounts, row: number): CellSpec[] => {
      const ref = (col: number) => a1(row - 1, col);
      const euro = (v: number): CellSpec => ({ v, fmt: EURO });
      return [
        label,
        euro(d.A),
        euro(d.B),
        ratioCell(d.B, d.A, ref(2), ref(1), style, ratioFormat),
        euro(d.D),
        ratioCell(d.D, d.B, ref(4), ref(2), style, ratioFormat),
        euro(d.F),
        ratioCell(d.F, d.D, ref(6), ref(4), style, ratioFormat),
        euro(d.H),
        ratioCell(d.H, d.F, ref(8), ref(6), style, ratioFormat),
      ];
    };
    axes.forEach((axis, i) =>
      put(PROGRESS_FIRST_ROW + i, progressRow(axis, data[i], PROGRESS_FIRST_ROW + i)),
    );
    put(PROGRESS_FIRST_ROW + axes.length, progressRow('Totale', totals, PROGRESS_FIRST_ROW + axes.length));
  }

  if (options.indicators) {
    put(24, ['TABELLA 3. INDICATORI DI OUTPUT E DI RISULTATO']);
    put(INDICATOR_HEADER_ROW, [
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
    options.indicators.forEach((spec, i) => put(INDICATOR_FIRST_ROW + i, [...spec]));
  }

  const s = sheet(options.sheetName ?? 'RAA 2022', rows);
  return options.cells ? setCells(s, options.cells) : s;
}

/** The fixture as a one-sheet grid. */
export function raa(options: RaaOptions = {}): Grid {
  return grid(raaSheet(options));
}

/** Tabella 3 rows by model indicator, value first: `indicator('CO09', 52104)`. */
export const INDICATORS = {
  CO09: (value: CellSpec, target: CellSpec = 56645): IndicatorSpec => [
    'III',
    null,
    'CO09',
    'Titolari di un diploma ISCED 1 o ISCED 2',
    'output',
    'numero',
    value,
    target,
  ],
  CR06_8i: (value: CellSpec, target: CellSpec = { v: 0.3, fmt: '0.0%' }): IndicatorSpec => [
    'I',
    '8i',
    'CR06',
    "Partecipanti che hanno un lavoro, anche autonomo, entro i 6 mesi successivi alla fine della loro partecipazione all'intervento",
    'risultato',
    'percentuale',
    value,
    target,
  ],
  CR03_10i: (value: CellSpec, target: CellSpec = { v: 0.85, fmt: '0.0%' }): IndicatorSpec => [
    'III',
    '10i',
    'CR03',
    "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    'risultato',
    'percentuale',
    value,
    target,
  ],
};
