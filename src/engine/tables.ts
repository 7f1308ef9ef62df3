import type { NumberCell, TextCell } from './cells';

/** Where a located table sits: its sheet, the header rows and, if any, its caption. */
export interface TablePlacement {
  sheet: string;
  /** 0-based first header row (the upper one of a two-row header). */
  headerTop: number;
  /** 0-based last header row; data rows start below it. */
  headerBottom: number;
  /** 0-based leftmost and rightmost column of the table. */
  left: number;
  right: number;
  /** A1 address of the caption cell (`TABELLA 1 …`), when there is one. */
  caption: string | null;
  /** The Excel table (ListObject) it was found in, if any. */
  listObject: string | null;
}

/** How an axis row's label relates to the model: the axis its label names and the axis it is. */
export interface AxisIdentity {
  /** The label cell (`I`, `Asse II`, `Occupazione`). */
  label: TextCell;
  /** The model axis the label names, `null` when it names none. */
  labelAxisId: string | null;
  /** The axis the row is taken to be: the label's, or for a duplicate label the one the amounts point to. */
  axisId: string | null;
}

// ── Tabella 1 — Piano finanziario ────────────────────────────────────────────────────────────

export type PlanColumn = 'ot' | 'axis' | 'name' | 'allocation' | 'share';

export interface PlanRow extends AxisIdentity {
  row: number;
  ot: TextCell | null;
  name: TextCell | null;
  allocation: NumberCell | null;
  share: NumberCell | null;
}

export interface PlanTable extends TablePlacement {
  kind: 'plan';
  /** 0-based column of each column found; a missing one is absent. */
  columns: Partial<Record<PlanColumn, number>>;
  rows: PlanRow[];
  total: PlanRow | null;
}

// ── Tabella 2 — Avanzamento finanziario ──────────────────────────────────────────────────────

/** The RAA's column letters: A allocation, B programmed, D committed, F paid, H certified; C E G I ratios. */
export type AmountColumn = 'A' | 'B' | 'D' | 'F' | 'H';
export type RatioColumn = 'C' | 'E' | 'G' | 'I';
export type ProgressColumn = AmountColumn | RatioColumn;

/** Each ratio column and the two amount columns it divides: C = B/A, E = D/B, G = F/D, I = H/F. */
export const RATIOS: readonly { ratio: RatioColumn; numerator: AmountColumn; denominator: AmountColumn }[] = [
  { ratio: 'C', numerator: 'B', denominator: 'A' },
  { ratio: 'E', numerator: 'D', denominator: 'B' },
  { ratio: 'G', numerator: 'F', denominator: 'D' },
  { ratio: 'I', numerator: 'H', denominator: 'F' },
];

export const AMOUNT_COLUMNS: readonly AmountColumn[] = ['A', 'B', 'D', 'F', 'H'];

export interface ProgressRow extends AxisIdentity {
  row: number;
  cells: Partial<Record<ProgressColumn, NumberCell>>;
}

export interface ProgressTable extends TablePlacement {
  kind: 'progress';
  /** 0-based column of the axis labels and of each lettered column found. */
  axisColumn: number;
  columns: Partial<Record<ProgressColumn, number>>;
  rows: ProgressRow[];
  total: ProgressRow | null;
}

// ── Tabella 3 — Indicatori ───────────────────────────────────────────────────────────────────

export type IndicatorColumn =
  'axis' | 'priority' | 'code' | 'name' | 'type' | 'unit' | 'value' | 'target' | 'ratio' | 'status';

export interface IndicatorRow {
  row: number;
  axis: TextCell | null;
  priority: TextCell | null;
  code: TextCell | null;
  name: TextCell | null;
  type: TextCell | null;
  unit: TextCell | null;
  value: NumberCell | null;
  target: NumberCell | null;
  ratio: NumberCell | null;
  status: TextCell | null;
}

export interface IndicatorTable extends TablePlacement {
  kind: 'indicators';
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: IndicatorRow[];
}

export interface LocatedTables {
  plan: PlanTable | null;
  progress: ProgressTable | null;
  indicators: IndicatorTable | null;
  /**
   * Tables whose header read as Tabella 1 or 2 but that were not taken (a list of operations with an
   * `Asse` column, a weaker candidate): no finding points at them.
   */
  passedOver?: PassedOverTable[];
}

export interface PassedOverTable {
  /** `list`: a header of neither table, with an `Asse` column and amounts (operations, payments). */
  kind: 'plan' | 'progress' | 'list';
  sheet: string;
  /** 0-based first header row and leftmost column. */
  headerTop: number;
  left: number;
  /** Its score on the evidence (`locate/evidence.ts`). */
  score: number;
}
