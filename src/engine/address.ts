/** A1 addressing: 0-based row and column indices to and from `B7`, `$B$7`, `'My sheet'!B7:C9`. */

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`column index ${col}`);
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  if (letters === '') throw new RangeError('column letters (empty)');
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`column letters ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** `a1(6, 1)` → `B7`. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** `B7` or `$B$7` → `{ row: 6, col: 1 }`; `null` when it is not a single-cell address. */
export function parseA1(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B7:D9` (or a single cell) → its corners, 0-based inclusive. */
export function parseRange(range: string): RangeRef | null {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const parts = bare.split(':');
  if (parts.length > 2) return null;
  const [first, second] = parts;
  const start = parseA1(first);
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Quotes a sheet name for use in a formula reference: `'RAA 2022'!B7`. */
export function sheetRef(sheet: string, address: string): string {
  // A name that reads as an A1 or R1C1 reference (`A1`, `R`, `C`, `R1C1`) needs quotes too.
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(sheet);
  return plain ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}
