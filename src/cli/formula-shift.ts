/**
 * Moves a formula the way Excel fills it: relative references follow, `$`-anchored parts stay.
 * A shared formula in an .xlsx is stored once, on its first cell; every other cell of the block
 * holds only a pointer to it, and its own formula is the first one shifted by the cells' offset.
 *
 * ExcelJS has such a shifter, but it also shifts text inside string literals (`"A1"`) and
 * ignores whole-column and whole-row ranges; this one reads the formula as Excel does.
 */
import { columnIndex, columnLetter } from '../engine/address';

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

/** A piece of formula text kept as is, or a reference to move. */
type Piece =
  | string
  | { kind: 'cell'; col: Part; row: Part }
  | { kind: 'columns'; from: Part; to: Part }
  | { kind: 'rows'; from: Part; to: Part };

type Reference = Exclude<Piece, string>;

/** A column or row index (0-based) and whether it is anchored with `$`. */
interface Part {
  index: number;
  fixed: boolean;
}

/** A formula cut into the references it holds and the text around them, to shift many times. */
export interface FormulaTemplate {
  pieces: Piece[];
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;
const WORD_CHAR = /[A-Za-z0-9_.$\\?]/;

export function parseFormulaTemplate(formula: string): FormulaTemplate {
  const pieces: Piece[] = [];
  let text = '';
  const flush = (): void => {
    if (text) pieces.push(text);
    text = '';
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied whole, doubled quotes included.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      text += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // A structured reference (`Table1[[#This Row],[Col]]`) or an external book index: never moved.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      text += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < formula.length && WORD_CHAR.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      const previous = text.length > 0 ? text[text.length - 1] : '';
      if (next === '!' || next === '(' || /[A-Za-z0-9_.]/.test(previous)) {
        // A sheet name, a function name, or the tail of a longer name.
        text += word;
        i = j;
        continue;
      }
      const range = next === ':' ? readRangeEnd(formula, j + 1) : null;
      const moved = range ? asRange(word, range.word) : asCell(word);
      if (moved) {
        flush();
        pieces.push(moved);
        i = range && moved.kind !== 'cell' ? range.end : j;
        continue;
      }
      text += word;
      i = j;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return { pieces };
}

function readRangeEnd(formula: string, start: number): { word: string; end: number } | null {
  let j = start;
  while (j < formula.length && WORD_CHAR.test(formula[j])) j++;
  return j > start ? { word: formula.slice(start, j), end: j } : null;
}

function asCell(word: string): Reference | null {
  const m = CELL.exec(word);
  if (!m) return null;
  const col = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col >= MAX_COLUMN || row < 0 || row >= MAX_ROW) return null;
  return { kind: 'cell', col: { index: col, fixed: m[1] === '$' }, row: { index: row, fixed: m[3] === '$' } };
}

/** `A:C` or `3:5`; a cell range such as `A1:B2` is two cells, handled one at a time. */
function asRange(first: string, second: string): Reference | null {
  const c1 = COLUMN.exec(first);
  const c2 = COLUMN.exec(second);
  if (c1 && c2) {
    const from = { index: columnIndex(c1[2]), fixed: c1[1] === '$' };
    const to = { index: columnIndex(c2[2]), fixed: c2[1] === '$' };
    if (from.index < MAX_COLUMN && to.index < MAX_COLUMN) return { kind: 'columns', from, to };
  }
  const r1 = ROW.exec(first);
  const r2 = ROW.exec(second);
  if (r1 && r2) {
    return {
      kind: 'rows',
      from: { index: Number(r1[2]) - 1, fixed: r1[1] === '$' },
      to: { index: Number(r2[2]) - 1, fixed: r2[1] === '$' },
    };
  }
  return asCell(first);
}

/** The template's formula moved by `rows` down and `columns` right; a reference pushed off the sheet becomes `#REF!`. */
export function renderShifted(template: FormulaTemplate, rows: number, columns: number): string {
  let out = '';
  for (const piece of template.pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    if (piece.kind === 'cell') {
      const col = move(piece.col, columns, MAX_COLUMN);
      const row = move(piece.row, rows, MAX_ROW);
      out +=
        col === null || row === null
          ? '#REF!'
          : `${dollar(piece.col)}${columnLetter(col)}${dollar(piece.row)}${row + 1}`;
    } else if (piece.kind === 'columns') {
      const from = move(piece.from, columns, MAX_COLUMN);
      const to = move(piece.to, columns, MAX_COLUMN);
      out +=
        from === null || to === null
          ? '#REF!'
          : `${dollar(piece.from)}${columnLetter(from)}:${dollar(piece.to)}${columnLetter(to)}`;
    } else {
      const from = move(piece.from, rows, MAX_ROW);
      const to = move(piece.to, rows, MAX_ROW);
      out +=
        from === null || to === null
          ? '#REF!'
          : `${dollar(piece.from)}${from + 1}:${dollar(piece.to)}${to + 1}`;
    }
  }
  return out;
}

function move(part: Part, by: number, limit: number): number | null {
  if (part.fixed) return part.index;
  const index = part.index + by;
  return index < 0 || index >= limit ? null : index;
}

function dollar(part: Part): string {
  return part.fixed ? '$' : '';
}

/** One-off shift, for a single formula. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return renderShifted(parseFormulaTemplate(formula), rows, columns);
}
