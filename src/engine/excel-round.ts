import Decimal from 'decimal.js';

/**
 * Rounds like Excel's ROUND: first to the 15 significant digits Excel keeps of a double, then half
 * away from zero. `roundExcel(new Decimal('2.675'), 2)` → 2.68 (a float would say 2.67).
 */
export function roundExcel(value: Decimal, decimals: number): Decimal {
  if (value.isZero()) return value;
  const kept = value.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  if (decimals >= 0) return kept.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  // ROUND(1234.5, -2) = 1200: to tens, hundreds…
  const unit = new Decimal(10).pow(-decimals);
  return kept.dividedBy(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** A fraction as a percentage rounded to `decimals` (0.228942 → 22.89 with 2). */
export function percentAt(fraction: Decimal, decimals: number): Decimal {
  return roundExcel(fraction.times(100), decimals);
}

/** Italian display of an amount: `236.700.000,00 €`. */
export function formatEuro(value: Decimal, decimals = 2): string {
  return `${formatItalian(value, decimals)} €`;
}

/** Italian display of a fraction as a percentage: 0.2439 → `24,39%`. */
export function formatPercent(fraction: Decimal, decimals = 2): string {
  return `${formatItalian(fraction.times(100), decimals)}%`;
}

/** Italian grouping and decimal comma, half away from zero. */
export function formatItalian(value: Decimal, decimals: number): string {
  const fixed = roundExcel(value, decimals).toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** English display (`236,700,000.00`), for messages in English. */
export function formatEnglish(value: Decimal, decimals: number): string {
  const fixed = roundExcel(value, decimals).toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
