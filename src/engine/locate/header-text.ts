/** Workbooks repeat the same labels thousands of times (`I`, `output`, `numero`): normalize each once. */
const normalized = new Map<string, string>();
const NORMALIZED_CACHE_LIMIT = 50_000;
const HEADER_TEXT_LIMIT = 1000;

/** No header is longer: a cell of a megabyte (one shared string repeated down a sheet) is read as its beginning. */
export function clipHeader(text: string): string {
  return text.length > HEADER_TEXT_LIMIT ? text.slice(0, HEADER_TEXT_LIMIT) : text;
}

/** Header text as compared: lower case, no accents, one space, no line breaks. */
export function normalizeHeader(text: string): string {
  const cached = normalized.get(text);
  if (cached !== undefined) return cached;
  const result = clipHeader(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (normalized.size >= NORMALIZED_CACHE_LIMIT) normalized.clear();
  normalized.set(text, result);
  return result;
}

/** The same without any spaces: `C = B/A` → `c=b/a`. */
export function compactHeader(text: string): string {
  return normalizeHeader(text).replace(/ /g, '');
}

/** Whole-word test on normalized text (`asse` in `asse prioritario`, not in `classe`). */
export function hasWord(text: string, word: string): boolean {
  return patternFor(`w:${word}`, () => new RegExp(`(^|[^a-z0-9])${word}([^a-z0-9]|$)`)).test(text);
}

const patterns = new Map<string, RegExp>();
function patternFor(key: string, make: () => RegExp): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = make();
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Prefix-of-a-word test (`impegn` matches `impegni`, `impegnato`). */
export function hasStem(text: string, stem: string): boolean {
  return patternFor(`s:${stem}`, () => new RegExp(`(^|[^a-z0-9])${stem}`)).test(text);
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

/** A note under or above a table: `Fonte: …`, `Nota: …`, `(*) …`, `Source: …`, `N.B. …`. */
export function isNoteText(text: string): boolean {
  return /^(fonte|fonti|nota|note|source|sources|n\.\s?b\.|\(?\*+\)?|\(\d+\)|\d+\))(\s|:|\.|$)/.test(
    normalizeHeader(text),
  );
}
