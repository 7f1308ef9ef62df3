import Decimal from 'decimal.js';
import type { NumberCell } from './cells';
import type { IndicatorStatus } from './analysis';
import { normalizeHeader } from './locate/header-text';
import { isPercentFormat } from './number-text';
import type { IndicatorRow } from './tables';
import type { ProgrammeIndicator, ProgrammeModel, ProgrammeThresholds } from '../model/types';

/** An indicator row of the workbook, matched to the model and measured against its target. */
export interface IndicatorEvaluation {
  row: IndicatorRow;
  indicator: ProgrammeIndicator | null;
  percentage: boolean;
  /** Value and target in the indicator's unit (percent points for a percentage: 84, not 0.84). */
  value: Decimal | null;
  target: Decimal | null;
  /** How far the value is towards the target (value/target, or target/value when lower is better). */
  ratio: Decimal | null;
  status: IndicatorStatus;
  direction: 'higher' | 'lower';
}

/** The model's indicators by code and by normalized name, built once per model. */
interface IndicatorIndex {
  byCode: Map<string, ProgrammeIndicator[]>;
  byName: Map<string, ProgrammeIndicator[]>;
}
const indexes = new WeakMap<ProgrammeModel, IndicatorIndex>();

function indexOf(model: ProgrammeModel): IndicatorIndex {
  let index = indexes.get(model);
  if (!index) {
    index = { byCode: new Map(), byName: new Map() };
    for (const i of model.indicators) {
      const code = i.code.toUpperCase();
      const name = normalizeHeader(i.name);
      index.byCode.set(code, [...(index.byCode.get(code) ?? []), i]);
      index.byName.set(name, [...(index.byName.get(name) ?? []), i]);
    }
    indexes.set(model, index);
  }
  return index;
}

export function matchIndicator(row: IndicatorRow, model: ProgrammeModel): ProgrammeIndicator | null {
  const index = indexOf(model);
  const code = row.code?.text.trim().toUpperCase() ?? '';
  const priority = normalizePriority(row.priority?.text ?? '');
  const axis = normalizeHeader(row.axis?.text ?? '').replace(/^asse\s*/, '');
  const name = normalizeHeader(row.name?.text ?? '');
  const sameAxis = (i: ProgrammeIndicator) => axis === '' || normalizeHeader(i.axis) === axis;
  if (code) {
    const byCode = index.byCode.get(code) ?? [];
    const exact = byCode.filter((i) => normalizePriority(i.priority) === priority && sameAxis(i));
    if (exact.length === 1) return exact[0];
    if (byCode.length === 1) return byCode[0];
  }
  if (name) {
    const byName = (index.byName.get(name) ?? []).filter(sameAxis);
    const exact = byName.filter((i) => normalizePriority(i.priority) === priority);
    if (exact.length === 1) return exact[0];
    if (byName.length === 1) return byName[0];
  }
  return null;
}

function normalizePriority(text: string): string {
  return normalizeHeader(text).replace(/[\s.]/g, '');
}

function isPercentageUnit(row: IndicatorRow, indicator: ProgrammeIndicator | null): boolean {
  const unit = normalizeHeader(row.unit?.text ?? '');
  if (unit) return unit.startsWith('percent') || unit === '%' || unit.startsWith('tasso');
  return indicator?.unit === 'percentage';
}

/** A percentage written as 59,2% or formatted as % is a fraction in the cell: back to points. */
export function inUnit(
  cell: NumberCell | null,
  percentage: boolean,
  modelTarget: Decimal | null = null,
): Decimal | null {
  if (!cell?.value) return null;
  if (!percentage) return cell.value;
  const marked =
    isPercentFormat(cell.numberFormat) || (typeof cell.raw === 'string' && cell.raw.includes('%'));
  if (marked) return cell.value.times(100);
  // 0.3 typed in a General cell for a 30% target: a fraction, since a target of 0.3% is not what the model says.
  const looksLikeFraction =
    modelTarget !== null && modelTarget.greaterThan(1.5) && cell.value.abs().lessThanOrEqualTo(1.5);
  return looksLikeFraction ? cell.value.times(100) : cell.value;
}

export function statusOf(ratio: Decimal | null, thresholds: ProgrammeThresholds): IndicatorStatus {
  if (!ratio) return 'no-data';
  if (ratio.greaterThanOrEqualTo(1)) return 'achieved';
  if (ratio.greaterThanOrEqualTo(thresholds.tolerance)) return 'tolerance';
  if (ratio.greaterThanOrEqualTo(thresholds.serious)) return 'shortfall';
  return 'serious';
}

/** Rows are read once and never change: each is evaluated once per model, however many rules ask. */
const evaluations = new WeakMap<IndicatorRow, { model: ProgrammeModel; evaluation: IndicatorEvaluation }>();

export function evaluateIndicator(row: IndicatorRow, model: ProgrammeModel): IndicatorEvaluation {
  const cached = evaluations.get(row);
  if (cached && cached.model === model) return cached.evaluation;
  const evaluation = evaluateUncached(row, model);
  evaluations.set(row, { model, evaluation });
  return evaluation;
}

function evaluateUncached(row: IndicatorRow, model: ProgrammeModel): IndicatorEvaluation {
  const indicator = matchIndicator(row, model);
  const percentage = isPercentageUnit(row, indicator);
  const direction = indicator?.direction ?? 'higher';
  const modelTarget = indicator ? new Decimal(indicator.target) : null;
  const target = inUnit(row.target, percentage, modelTarget);
  // The value is in the same unit as the target: a fraction target means a fraction value.
  const value = inUnit(row.value, percentage, target ?? modelTarget);
  let ratio: Decimal | null = null;
  if (value && target) {
    if (direction === 'higher') ratio = target.isZero() ? null : value.dividedBy(target);
    else ratio = value.isZero() ? new Decimal(1) : target.dividedBy(value);
  }
  return {
    row,
    indicator,
    percentage,
    value,
    target,
    ratio,
    status: statusOf(ratio, model.thresholds),
    direction,
  };
}
