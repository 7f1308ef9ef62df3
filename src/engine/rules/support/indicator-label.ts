import Decimal from 'decimal.js';
import type { IndicatorEvaluation } from '../../indicators';
import { numberValue, percentValue, textValue, type MessageValue } from '../../message-value';
import type { IndicatorRow } from '../../tables';

/**
 * An indicator as people tell it apart: code, priority and name (`CR03, priorità 10.i: Partecipanti…`).
 * Two CR03 rows of different priorities must not read alike.
 */
export function indicatorLabel(row: IndicatorRow, e: Pick<IndicatorEvaluation, 'indicator'>): MessageValue {
  const code = row.code?.text || e.indicator?.code || '';
  const priority = row.priority?.text || e.indicator?.priority || '';
  const name = row.name?.text || e.indicator?.name || '';
  const words = (priorityWord: string, rowWord: string) => {
    const head = [code, priority ? `${priorityWord} ${priority}` : ''].filter(Boolean).join(', ');
    if (!head) return name || `${rowWord} ${row.row + 1}`;
    return name ? `${head}: ${name}` : head;
  };
  const it = words('priorità', 'riga');
  return textValue(it, { it, en: words('priority', 'row') });
}

/** A value or target in the indicator's unit: percentage points shown as `92%`, counts as `52.104`. */
export function indicatorAmount(points: Decimal, percentage: boolean): MessageValue {
  const decimals = Math.max(0, points.toSignificantDigits(15).decimalPlaces());
  const value = numberValue(points, decimals);
  return percentage && value.kind === 'number' ? { ...value, unit: '%' } : value;
}

/** A threshold of the model (`0.85`) as a percentage with the decimals it needs (`85%`). */
export function thresholdValue(fraction: string): MessageValue {
  const points = new Decimal(fraction).times(100);
  return percentValue(new Decimal(fraction), Math.max(0, points.decimalPlaces()));
}
