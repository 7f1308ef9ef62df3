/**
 * The cells of a worksheet part, scanned straight from its XML into compact rows: the reader's
 * fast path for the ordinary `.xlsx` (unprefixed elements, every cell with its address, rows in
 * order). SheetJS builds an object per cell and its sheet parser is the larger part of a read;
 * this scanner keeps only what the Grid holds. Anything out of the ordinary returns `null`, and
 * the sheet is then read by SheetJS (xlsx-read.ts), so the scanner never has to guess.
 *
 * Values are as SheetJS reads them (the two are compared on the corpora by the tests), except
 * what SheetJS reads wrong: a formula without a cached value has no value (not 0), and shared
 * formulas move as Excel moves them (formula-shift.ts: whole rows and columns, not text in quotes).
 */
import type { CellValue } from '../engine';
import { parseFormulaTemplate, renderShifted } from './formula-shift';
import type { FormulaTemplate } from './formula-shift';

/**
 * One row of the Grid as it is built: its cells from the sheet's `left` column to its last
 * cell (`null`, no formula and `General` between them).
 */
export interface ScannedRow {
  row: number;
  values: CellValue[];
  formulas: (string | null)[];
  formats: string[];
}

export interface ScannedSheet {
  /** The column the rows start at: the leftmost cell's (or less, when a merge emptied it). */
  left: number;
  rows: ScannedRow[];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export interface ScanContext {
  /** The shared strings, as SheetJS read them. */
  strings: readonly { t?: string }[];
  /** The number format of each cell style (`s`), `General` when it has none. */
  formatOf(style: number): string;
  date1904: boolean;
}

/** Thrown inside the scan for what it leaves to SheetJS. */
class NotOrdinary extends Error {}

function notOrdinary(): never {
  throw new NotOrdinary();
}

export function scanSheet(xml: string, context: ScanContext): ScannedSheet | null {
  try {
    return scan(xml, context);
  } catch (error) {
    if (error instanceof NotOrdinary) return null;
    throw error;
  }
}

function scan(xml: string, context: ScanContext): ScannedSheet {
  const open = xml.indexOf('<sheetData');
  if (open < 0) {
    // No sheet data at all is an empty sheet; prefixed elements (`<x:sheetData>`) are SheetJS's.
    if (/<\w+:sheetData\b/.test(xml)) notOrdinary();
    return { left: 0, rows: [], merges: [] };
  }
  const close = xml.indexOf('</sheetData>', open);
  const selfClosed = xml.charCodeAt(xml.indexOf('>', open) - 1) === 0x2f;
  const end = close < 0 ? (selfClosed ? open : notOrdinary()) : close;
  const rows: ScannedRow[] = [];
  let current: ScannedRow | null = null;
  // The rows start at the declared dimension's left column, moved left when a cell lies further left.
  let left = dimensionLeft(xml.slice(0, open));
  let lastCol = -1;
  const shared = new Map<string, { template: FormulaTemplate; row: number; col: number }>();
  let at = open;
  for (;;) {
    at = xml.indexOf('<c', at + 1);
    if (at < 0 || at >= end) break;
    const next = xml.charCodeAt(at + 2);
    // `<c ` or `<c>`: a cell; `<color …>` in a rich inline string, `<col…>`: not.
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d)
      continue;
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) notOrdinary();
    const tag = xml.slice(at + 2, tagEnd);
    if (tag.includes("'")) notOrdinary();
    const address = attribute(tag, 'r');
    if (address === null) notOrdinary();
    const [row, col] = decodeAddress(address);
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      at = tagEnd;
      continue;
    }
    const cellEnd = xml.indexOf('</c>', tagEnd);
    if (cellEnd < 0 || cellEnd > end) notOrdinary();
    const body = xml.slice(tagEnd + 1, cellEnd);
    at = cellEnd;
    const type = attribute(tag, 't');
    const formula = formulaOf(body, row, col, shared);
    const value = valueOf(body, type, context);
    if (value === null && formula === null) continue;
    if (!current || current.row !== row) {
      if (current && row < current.row) notOrdinary();
      current = { row, values: [], formulas: [], formats: [] };
      rows.push(current);
    } else if (col <= lastCol) notOrdinary();
    lastCol = col;
    if (left < 0) left = col;
    if (col < left) {
      shiftRight(rows, left - col);
      left = col;
    }
    const offset = col - left;
    const { values, formulas, formats } = current;
    while (values.length < offset) {
      values.push(null);
      formulas.push(null);
      formats.push('General');
    }
    const style = attribute(tag, 's');
    values.push(value);
    formulas.push(formula);
    formats.push(style === null ? 'General' : context.formatOf(Number(style)));
  }
  const merges: ScannedSheet['merges'] = [];
  const tail = close < 0 ? '' : xml.slice(close);
  for (const match of tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
    const [top, left] = decodeAddress(match[1]);
    const [bottom, right] = decodeAddress(match[2] ?? match[1]);
    merges.push({ top, left, bottom, right });
  }
  if (merges.length === 0 && /<\w+:mergeCell\b/.test(tail)) notOrdinary();
  return { left: Math.max(0, left), rows, merges };
}

/** The left column of `<dimension ref="B2:K90">`; -1 without one. */
function dimensionLeft(head: string): number {
  const match = /<dimension\b[^>]*\bref="([A-Z]{1,3})\d+/.exec(head);
  if (!match) return -1;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}

/** A cell left of where the rows start (a dimension that says otherwise): every row built so far moves right. */
function shiftRight(rows: ScannedRow[], by: number): void {
  const values = new Array<CellValue>(by).fill(null);
  const formulas = new Array<string | null>(by).fill(null);
  const formats = new Array<string>(by).fill('General');
  for (const row of rows) {
    // The row being read is empty still: its cell is the one further left.
    if (row.values.length === 0) continue;
    row.values.unshift(...values);
    row.formulas.unshift(...formulas);
    row.formats.unshift(...formats);
  }
}

/** An attribute's value in a start tag's text (after the element name); null when absent. */
function attribute(tag: string, name: string): string | null {
  const key = ` ${name}="`;
  let at = tag.indexOf(key);
  if (at < 0) {
    // Attributes may be separated by other whitespace than a space.
    const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return match ? match[1] : null;
  }
  at += key.length;
  const end = tag.indexOf('"', at);
  return end < 0 ? null : tag.slice(at, end);
}

/** `AB12` → [11, 27] (0-based row, column). */
function decodeAddress(address: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  const row = Number(address.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > 1048576 || col > 16384) notOrdinary();
  return [row - 1, col - 1];
}

/** The element's text: what lies between `<name …>` and `</name>`; null without the element, '' for `<name/>`. */
function elementText(body: string, name: string): string | null {
  const open = body.indexOf(`<${name}`);
  if (open < 0) return null;
  const next = body.charCodeAt(open + name.length + 1);
  if (next !== 0x3e && next !== 0x20 && next !== 0x2f) notOrdinary();
  const tagEnd = body.indexOf('>', open);
  if (tagEnd < 0) notOrdinary();
  if (body.charCodeAt(tagEnd - 1) === 0x2f) return '';
  const close = body.indexOf(`</${name}>`, tagEnd);
  if (close < 0) notOrdinary();
  const text = body.slice(tagEnd + 1, close);
  // CDATA sections are SheetJS's to read.
  if (text.includes('<![CDATA[')) notOrdinary();
  return text;
}

function formulaOf(
  body: string,
  row: number,
  col: number,
  shared: Map<string, { template: FormulaTemplate; row: number; col: number }>,
): string | null {
  const open = body.indexOf('<f');
  if (open < 0) return null;
  const tagEnd = body.indexOf('>', open);
  const tag = body.slice(open + 2, tagEnd);
  const text = elementText(body, 'f');
  const formula = text === null || text === '' ? null : unescapeXml(text);
  if (attribute(tag, 't') !== 'shared') return formula === null ? null : `=${formula}`;
  const id = attribute(tag, 'si');
  if (id === null) return formula === null ? null : `=${formula}`;
  if (formula !== null) {
    // The block's first cell: its formula, kept for the others.
    shared.set(id, { template: parseFormulaTemplate(formula), row, col });
    return `=${formula}`;
  }
  const block = shared.get(id);
  return block ? `=${renderShifted(block.template, row - block.row, col - block.col)}` : null;
}

/** Stands for "no cached value" (xlsx-read.ts marks uncached formulas so for SheetJS). */
const NO_VALUE = '\u0000';

function valueOf(body: string, type: string | null, context: ScanContext): CellValue {
  if (type === 'inlineStr') {
    const inline = elementText(body, 'is');
    return inline === null ? null : inlineText(inline);
  }
  const raw = elementText(body, 'v');
  if (raw === null || raw === NO_VALUE) return null;
  switch (type) {
    case null:
    case 'n': {
      if (raw === '') return null;
      const number = parseFloat(raw);
      return Number.isNaN(number) ? null : number;
    }
    case 's': {
      if (raw === '') return null;
      const text = context.strings[Number(raw)]?.t;
      return typeof text === 'string' ? text : null;
    }
    case 'str':
      return unescapeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return { error: unescapeXml(raw) || '#VALUE!' };
    case 'd': {
      // A time of day alone (`23:44:51.894`) is the fraction of a day.
      const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(raw);
      if (clock) return (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) / 86400;
      const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(time) ? null : 25569 + time / 86400000 - (context.date1904 ? 1462 : 0);
    }
    default:
      return notOrdinary();
  }
}

/** The text of an inline string: its `<t>` elements, runs included, phonetic readings (`<rPh>`) not. */
function inlineText(inline: string): string {
  if (inline.includes('<rPh')) notOrdinary();
  let text = '';
  for (const match of inline.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)/g)) text += match[1] ?? '';
  return unescapeXml(text);
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#x([0-9a-fA-F]+)|#(\d+));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and OOXML's `_xHHHH_` escapes, as Excel (and SheetJS) read them. */
function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text.replace(ENTITY, (whole, named?: string, hex?: string, decimal?: string, escaped?: string) => {
    if (named) return NAMED[named];
    const code = parseInt(hex ?? decimal ?? escaped ?? '', hex || escaped ? 16 : 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The rows and column spans a worksheet hides, 0-based: spans, as a `<col>` may cover every column. */
export interface HiddenLines {
  rows: number[];
  columns: [number, number][];
  /**
   * With `<sheetFormatPr zeroHeight="1">` every row the sheet does not list is hidden: then the
   * rows it lists as shown, and the hidden ones are the others.
   */
  shownRows: number[] | null;
}

/**
 * What `<row hidden="1">`, `<col min max hidden="1">` and `zeroHeight` hide in a worksheet's XML
 * (prefixed or not). A sheet that says neither costs one search; rows without `r` follow the one before.
 */
export function scanHidden(xml: string): HiddenLines {
  const hidden: HiddenLines = { rows: [], columns: [], shownRows: null };
  if (!mayHide(xml)) return hidden;
  const data = xml.search(/<(?:\w+:)?sheetData\b/);
  const head = data < 0 ? xml : xml.slice(0, data);
  for (const tag of head.matchAll(/<(?:\w+:)?col\b([^>]*)>/g)) {
    if (!isHidden(tag[1])) continue;
    const min = Number(/\smin\s*=\s*["'](\d+)["']/.exec(tag[1])?.[1]);
    const max = Number(/\smax\s*=\s*["'](\d+)["']/.exec(tag[1])?.[1] ?? min);
    if (Number.isInteger(min) && min >= 1 && max >= min)
      hidden.columns.push([min - 1, Math.min(max, 16384) - 1]);
  }
  const format = /<(?:\w+:)?sheetFormatPr\b([^>]*)>/.exec(head);
  const shown: number[] | null =
    format && /\szeroHeight\s*=\s*["'](?:1|true)["']/i.test(format[1]) ? [] : null;
  hidden.shownRows = shown;
  if (data < 0) return hidden;
  let previous = 0;
  const rows = /<(?:\w+:)?row\b([^>]*)>/g;
  rows.lastIndex = data;
  for (let tag = rows.exec(xml); tag !== null; tag = rows.exec(xml)) {
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag[1]);
    previous = r ? Number(r[1]) : previous + 1;
    if (isHidden(tag[1])) hidden.rows.push(previous - 1);
    else shown?.push(previous - 1);
  }
  return hidden;
}

/** Whether a worksheet's XML may hide a line at all: the one search most sheets cost. */
export function mayHide(xml: string | Buffer): boolean {
  return xml.includes('hidden') || xml.includes('zeroHeight');
}

function isHidden(attributes: string): boolean {
  return /\shidden\s*=\s*["'](?:1|true)["']/i.test(attributes);
}
