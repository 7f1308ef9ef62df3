import { a1, columnIndex } from './address';
import { normalizeHeader } from './locate/header-text';

/** A cell reference inside a formula: `B7`, `$B$7`, `'RAA 2022'!B7`. */
export interface FormulaReference {
  sheet: string | null;
  row: number;
  col: number;
  start: number;
  end: number;
}

const REFERENCE =
  /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_])/g;

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
    refs.push({
      sheet,
      row: Number(m[5]) - 1,
      col: columnIndex(m[3]),
      start: m.index,
      end: m.index + m[0].length,
    });
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
  for (const ref of referencesOf(formula).reverse())
    text = text.slice(0, ref.start) + ' '.repeat(ref.end - ref.start) + text.slice(ref.end);
  return [...text.matchAll(/(?<![A-Za-z_\d.])(\d+(?:\.\d+)?(?:E[+-]?\d+)?)/gi)]
    .map((m) => m[1])
    .filter((n) => Number(n) !== 0);
}

/** An Excel table (ListObject) as structured references see it: its name and its columns by header. */
export interface StructuredTable {
  name: string;
  /** Absolute 0-based column of each header, keyed by `normalizeHeader(header)`. */
  columns: Map<string, number>;
}

/** `[@Col]`, `[@[Col name]]`, `Tab[@Col]`, `Tab[[#This Row],[Col]]`: one column of the formula's own row. */
const THIS_ROW =
  /([A-Za-z_\\][A-Za-z0-9_.]*)?\[(?:@|\[#this row\],\s*)(?:\[((?:[^\]']|'.)+)\]|((?:[^[\]']|'.)+))\]/gi;

/**
 * The formula with each this-row structured reference to `table` written as the A1 cell it means on
 * `row` (`=[@Programmato]/[@Dotazione]` on row 16 → `=C16/B16`), so that it can be checked like any
 * other. Other structured references (whole columns, other tables, unknown headers) are left as they are.
 */
export function resolveStructuredReferences(formula: string, row: number, table: StructuredTable): string {
  // Text literals are kept apart: `"[@x]"` is not a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            THIS_ROW,
            (
              whole,
              tableName: string | undefined,
              bracketed: string | undefined,
              bare: string | undefined,
            ) => {
              if (tableName && tableName.toLowerCase() !== table.name.toLowerCase()) return whole;
              const header = (bracketed ?? bare ?? '').replace(/'(.)/g, '$1');
              const col = table.columns.get(normalizeHeader(header));
              return col === undefined ? whole : a1(row, col);
            },
          ),
    )
    .join('');
}

/**
 * A formula as compared: without the leading `=`, and outside string literals without `$` and
 * spaces and in upper case — Excel may give back `=AND($G27<1, g27>0)` for `=AND(G27<1,G27>0)`.
 */
export function formulaKey(formula: string): string {
  return formula
    .trim()
    .replace(/^=/, '')
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\s$]/g, '').toUpperCase()))
    .join('');
}

/** `[1]Foglio1`, `C:\dati\[Budget.xlsx]Foglio1`: a sheet of another workbook. */
export function isExternalSheet(sheet: string | null): boolean {
  return sheet !== null && /\[[^\]]*\]/.test(sheet);
}

const EXTERNAL = /('(?:[^']|'')*\[[^\]]+\](?:[^']|'')*'|\[[^\]]+\][A-Za-z0-9_.]*)!/g;

/**
 * The other workbooks a formula links to, as written (`1` for `[1]Foglio1!A1`, `Budget.xlsx` for
 * `'C:\dati\[Budget.xlsx]Foglio1'!A1`); empty when it links to none.
 */
export function externalBooksOf(formula: string): string[] {
  const books: string[] = [];
  for (const m of blankStrings(formula).matchAll(EXTERNAL)) {
    const inner = /\[([^\]]+)\]/.exec(m[1]);
    if (inner && !books.includes(inner[1])) books.push(inner[1]);
  }
  return books;
}
