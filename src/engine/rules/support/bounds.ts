import type Decimal from 'decimal.js';
import { formatValue, moneyValue, textValue, type MessageValue } from '../../message-value';

/**
 * An amount as a bound, for `expected`: `<= 236700000.00` for machines, `≤ 236.700.000,00 €` /
 * `≤ €236,700,000.00` for people.
 */
function bound(sign: '<=' | '>=', amount: Decimal): MessageValue {
  const money = moneyValue(amount);
  const shown = sign === '<=' ? '≤' : '≥';
  return textValue(`${sign} ${money.value}`, {
    it: `${shown} ${formatValue(money, 'it')}`,
    en: `${shown} ${formatValue(money, 'en')}`,
  });
}

export const atMost = (amount: Decimal): MessageValue => bound('<=', amount);
export const atLeast = (amount: Decimal): MessageValue => bound('>=', amount);
