/** Header text as compared: lower case, no accents, one space, no line breaks. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The same without any spaces: `C = B/A` → `c=b/a`. */
export function compactHeader(text: string): string {
  return normalizeHeader(text).replace(/ /g, '');
}

/** Whole-word test on normalized text (`asse` in `asse prioritario`, not in `classe`). */
export function hasWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${word}([^a-z0-9]|$)`).test(text);
}

/** Prefix-of-a-word test (`impegn` matches `impegni`, `impegnato`). */
export function hasStem(text: string, stem: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${stem}`).test(text);
}

/** A caption above a table: `TABELLA 1`, `Tabella 2. Avanzamento…`, `Table 3`. */
export function isCaption(text: string): boolean {
  return /^(tabella|table|tab\.)\s*\d/.test(normalizeHeader(text));
}

/** `Totale`, `TOTALE POR`, `Total`, `Grand total`, `Tot.`, `Totale generale`. */
export function isTotalLabel(text: string): boolean {
  return /^(grand )?(totale|totali|totals|total|tot)(\b|\.)/.test(normalizeHeader(text));
}

/** The name Excel gives a blank header of a table (ListObject): `Colonna1`, `Column2`. It means no header. */
export function isPlaceholderHeader(text: string): boolean {
  return /^(colonna|column|spalte|colonne|columna)\s*\d+$/.test(normalizeHeader(text));
}
