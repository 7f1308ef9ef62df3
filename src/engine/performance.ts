/**
 * The performance-framework verdict per axis (Implementing Regulation (EU) 215/2014, art. 6), on the
 * 2023 targets:
 * - achieved: every framework indicator at `tolerance` (85%) of its target or more; with three or more
 *   indicators, all but one at 85% and that one at `SECONDARY_THRESHOLD` (75%) also do;
 * - serious failure: two or more indicators below `serious` (65%), or one when the axis has at most two;
 * - not achieved: anything else; not assessed: technical assistance, or no framework indicator with data.
 * Ratios are compared exactly, as decimals: 85/100 reaches 85%, 84,99/100 does not.
 */
import Decimal from 'decimal.js';
import type { NumberCell } from './cells';
import { axisIdOfLabel } from './axes';
import { evaluateIndicator, type IndicatorEvaluation } from './indicators';
import { normalizeHeader } from './locate/header-text';
import type { IndicatorRow, LocatedTables } from './tables';
import type {
  IndicatorType,
  ProgrammeAxis,
  ProgrammeIndicator,
  ProgrammeModel,
  ProgrammeVersion,
} from '../model/types';

export type AxisVerdict = 'achieved' | 'not_achieved' | 'serious_failure' | 'not_assessed';

/** Art. 6's second threshold: with three or more indicators, one may stop here. Fixed by the regulation. */
export const SECONDARY_THRESHOLD = '0.75';

/**
 * Where an indicator stands against the art. 6 thresholds: `reached` ≥ 85%, `secondary` ≥ 75%,
 * `below` ≥ 65%, `serious` < 65%; `no-data` when its value or target is missing (not counted).
 */
export type FrameworkLevel = 'reached' | 'secondary' | 'below' | 'serious' | 'no-data';

export interface FrameworkIndicator {
  code: string;
  /** Investment priority (`10iv`), empty when per axis. */
  priority: string;
  name: string;
  type: IndicatorType;
  /** Decimal strings: the value and target in the indicator's unit (euro for a financial one). */
  value: string | null;
  target: string | null;
  /** Exact value / target (target / value when lower is better); `null` without data. */
  ratio: Decimal | null;
  level: FrameworkLevel;
  /** The value's cell: Tabella 3's `Valore`, or Tabella 2's `H` for a financial indicator; `''` when none. */
  sheet: string;
  cell: string;
}

export interface AxisPerformance {
  axis: string;
  verdict: AxisVerdict;
  /** Why an axis is not assessed. */
  reason: 'technical-assistance' | 'no-data' | null;
  /** The axis's framework indicators, those without data included (they do not count). */
  indicators: FrameworkIndicator[];
  /** The axis's cell in Tabella 2, else its first indicator row in Tabella 3; `''` when neither. */
  sheet: string;
  cell: string;
  table: 'progress' | 'indicators' | null;
}

export interface PerformanceThresholds {
  tolerance: Decimal;
  secondary: Decimal;
  serious: Decimal;
}

export function performanceThresholds(model: ProgrammeModel): PerformanceThresholds {
  return {
    tolerance: new Decimal(model.thresholds.tolerance),
    secondary: new Decimal(SECONDARY_THRESHOLD),
    serious: new Decimal(model.thresholds.serious),
  };
}

/** In the framework when the model says so; by default output and financial indicators are, result ones not. */
export function isFrameworkIndicator(indicator: ProgrammeIndicator): boolean {
  return indicator.framework ?? indicator.type !== 'result';
}

/** A Tabella 3 row the model does not know counts when its `Tipo` says output or financial. */
const FRAMEWORK_TYPE_TEXT = /^(output|realizzazione|di realizzazione|financial|finanziario)$/;

/** The verdict of one axis from its indicators' ratios (those without data left out). */
export function verdictOf(ratios: readonly Decimal[], thresholds: PerformanceThresholds): AxisVerdict {
  const n = ratios.length;
  if (n === 0) return 'not_assessed';
  const belowSerious = ratios.filter((r) => r.lessThan(thresholds.serious)).length;
  if (belowSerious >= 2 || (belowSerious === 1 && n <= 2)) return 'serious_failure';
  const short = ratios.filter((r) => r.lessThan(thresholds.tolerance));
  if (short.length === 0) return 'achieved';
  if (n >= 3 && short.length === 1 && short[0].greaterThanOrEqualTo(thresholds.secondary)) return 'achieved';
  return 'not_achieved';
}

export function levelOf(ratio: Decimal | null, thresholds: PerformanceThresholds): FrameworkLevel {
  if (!ratio) return 'no-data';
  if (ratio.greaterThanOrEqualTo(thresholds.tolerance)) return 'reached';
  if (ratio.greaterThanOrEqualTo(thresholds.secondary)) return 'secondary';
  if (ratio.greaterThanOrEqualTo(thresholds.serious)) return 'below';
  return 'serious';
}

/** Every axis of the version, in its order, with its verdict. Pure: reads the located tables only. */
export function assessPerformance(
  tables: LocatedTables,
  model: ProgrammeModel,
  version: ProgrammeVersion,
): AxisPerformance[] {
  const thresholds = performanceThresholds(model);
  const evaluations = (tables.indicators?.rows ?? []).map((row) => evaluateIndicator(row, model));
  const rowOf = new Map<ProgrammeIndicator, IndicatorEvaluation>();
  for (const e of evaluations) if (e.indicator && !rowOf.has(e.indicator)) rowOf.set(e.indicator, e);

  return version.axes.map((axis) => {
    const progressRow = tables.progress?.rows.find((r) => r.axisId === axis.id) ?? null;
    const fromModel = model.indicators
      .filter((i) => i.axis === axis.id && isFrameworkIndicator(i))
      .map((i) =>
        i.type === 'financial'
          ? financial(i, progressRow?.cells.H ?? null, thresholds)
          : fromRow(i, rowOf.get(i) ?? null, tables, thresholds),
      );
    const unknownRows = evaluations.filter(
      (e) =>
        e.indicator === null &&
        rowAxis(e.row, version.axes) === axis.id &&
        FRAMEWORK_TYPE_TEXT.test(normalizeHeader(e.row.type?.text ?? '')),
    );
    const indicators = [...fromModel, ...unknownRows.map((e) => fromRow(null, e, tables, thresholds))];

    const firstRow = evaluations.find(
      (e) => (e.indicator?.axis ?? rowAxis(e.row, version.axes)) === axis.id,
    )?.row;
    const place = progressRow
      ? { sheet: tables.progress!.sheet, cell: progressRow.label.address, table: 'progress' as const }
      : firstRow && tables.indicators
        ? {
            sheet: tables.indicators.sheet,
            cell: (firstRow.axis ?? firstRow.code ?? firstRow.value)?.address ?? '',
            table: 'indicators' as const,
          }
        : { sheet: '', cell: '', table: null };

    if (isTechnicalAssistance(axis))
      return { axis: axis.id, verdict: 'not_assessed', reason: 'technical-assistance', indicators, ...place };
    const ratios = indicators.map((i) => i.ratio).filter((r): r is Decimal => r !== null);
    const verdict = verdictOf(ratios, thresholds);
    return {
      axis: axis.id,
      verdict,
      reason: verdict === 'not_assessed' ? 'no-data' : null,
      indicators,
      ...place,
    };
  });
}

/** Technical assistance has no thematic objective, and no performance framework (CPR Annex II). */
function isTechnicalAssistance(axis: ProgrammeAxis): boolean {
  return axis.ot.trim() === '';
}

function rowAxis(row: IndicatorRow, axes: readonly ProgrammeAxis[]): string | null {
  return row.axis ? axisIdOfLabel(row.axis.text, axes) : null;
}

function fromRow(
  indicator: ProgrammeIndicator | null,
  e: IndicatorEvaluation | null,
  tables: LocatedTables,
  thresholds: PerformanceThresholds,
): FrameworkIndicator {
  const row = e?.row;
  const ratio = e?.value && e.target ? e.ratio : null;
  return {
    code: indicator?.code ?? row?.code?.text ?? '',
    priority: indicator?.priority ?? row?.priority?.text ?? '',
    name: indicator?.name ?? row?.name?.text ?? '',
    type: indicator?.type ?? 'output',
    value: e?.value ? e.value.toString() : null,
    target: e?.target ? e.target.toString() : indicator ? indicator.target : null,
    ratio,
    level: levelOf(ratio, thresholds),
    sheet: row?.value ? (tables.indicators?.sheet ?? '') : '',
    cell: row?.value?.address ?? '',
  };
}

/** A financial indicator: the axis's certified expenditure (Tabella 2 `H`) against the model's target. */
function financial(
  indicator: ProgrammeIndicator,
  certified: NumberCell | null,
  thresholds: PerformanceThresholds,
): FrameworkIndicator {
  const target = new Decimal(indicator.target);
  const value = certified?.value ?? null;
  const ratio = value && !target.isZero() ? value.dividedBy(target) : null;
  return {
    code: indicator.code,
    priority: indicator.priority,
    name: indicator.name,
    type: indicator.type,
    value: value ? value.toString() : null,
    target: indicator.target,
    ratio,
    level: levelOf(ratio, thresholds),
    sheet: certified?.sheet ?? '',
    cell: certified?.address ?? '',
  };
}

/** A framework ratio as people and machines see it: cut to 4 decimals (2 of the percentage). */
export function shownRatio(ratio: Decimal): Decimal {
  return ratio.toDecimalPlaces(4, Decimal.ROUND_DOWN);
}

/** An axis's verdict as plain data, for the Analysis, `--json` and the pane: ratios as decimal strings. */
export interface AxisResult extends Omit<AxisPerformance, 'indicators'> {
  indicators: (Omit<FrameworkIndicator, 'ratio'> & {
    /**
     * value / target cut to 4 decimals (`"0.9198"`): cut, not rounded, so that a ratio just short of
     * a threshold never reads as reaching it (0,849973 is `"0.8499"`, not `"0.85"`).
     */
    ratio: string | null;
  })[];
}

export function axisResultOf(performance: AxisPerformance): AxisResult {
  return {
    ...performance,
    indicators: performance.indicators.map((i) => ({
      ...i,
      ratio: i.ratio ? shownRatio(i.ratio).toString() : null,
    })),
  };
}
