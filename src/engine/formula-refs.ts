import { columnIndex } from './address';

/** A cell reference inside a formula: `B7`, `$B$7`, `'RAA 2022'!B7`. */
export interface FormulaReference {
  sheet: string | null;
  row: number;
  col: number;
  start: number;
  end: number;
}

const REFERENCE = /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_])/g;

/** Parts of a formula that are text literals (`""`, `"Raggiunto"`), which hold no references. */
function blankStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, (m) => ' '.repeat(m.length));
}

export function referencesOf(formula: string): FormulaReference[] {
  const text = blankStrings(formula);
  const refs: FormulaReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const before = m.index === 0 ? '' : text[m.index - 1];
    if (/[A-Za-z0-9_.]/.test(before)) continue;
    const sheet = m[1] ? m[1].replace(/^'|'$/g, '').replace(/''/g, "'") : null;
    refs.push({ sheet, row: Number(m[5]) - 1, col: columnIndex(m[3]), start: m.index, end: m.index + m[0].length });
  }
  return refs;
}

/** The formula with each reference written relative to (row, col): the same for every cell of a consistent column. */
export function relativePattern(formula: string, row: number, col: number): string {
  const refs = referencesOf(formula);
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += formula.slice(at, ref.start);
    out += `${ref.sheet ? `${ref.sheet}!` : ''}R[${ref.row - row}]C[${ref.col - col}]`;
    at = ref.end;
  }
  out += formula.slice(at);
  return out.replace(/\s+/g, '').toUpperCase();
}

/** Numeric constants other than 0 (`*100`, `/0.5`): a ratio formula should hold none. */
export function constantsOf(formula: string): string[] {
  let text = blankStrings(formula);
  for (const ref of referencesOf(formula).reverse()) text = text.slice(0, ref.start) + ' '.repeat(ref.end - ref.start) + text.slice(ref.end);
  return [...text.matchAll(/(?<![A-Za-z_\d.])(\d+(?:\.\d+)?(?:E[+-]?\d+)?)/gi)].map((m) => m[1]).filter((n) => Number(n) !== 0);
}
