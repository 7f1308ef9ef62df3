import { parseRange } from '../address';
import { cellAt, columnCount, rowCount, type Grid, type SheetGrid } from '../grid';
import { parseNumberText } from '../number-text';
import { percentScaleOf, readNumberCell, readTextCell } from '../read-cells';
import type {
  AmountColumn,
  IndicatorColumn,
  IndicatorRow,
  IndicatorTable,
  LocatedTables,
  PlanColumn,
  PlanRow,
  PlanTable,
  ProgressColumn,
  ProgressRow,
  ProgressTable,
  TablePlacement,
} from '../tables';
import { AMOUNT_COLUMNS, RATIOS } from '../tables';
import { GENERATED_SHEETS } from '../sheets';
import { indicatorColumnOf, looksLikeProgress, planColumnOf, progressColumnOf } from './columns';
import { isCaption, isNoteText, isPlaceholderHeader, isTotalLabel } from './header-text';

/**
 * Finds Tabella 1, 2 and the indicators wherever they are: any sheet, any position, with or
 * without a caption, one- or two-row headers. The first table of each kind wins (sheet order,
 * then top to bottom); the add-in's own sheets (report, findings, log) are never read as input.
 */
export function locateTables(grid: Grid): LocatedTables {
  const locale = grid.locale ?? 'it';
  const found: LocatedTables = { plan: null, progress: null, indicators: null };
  for (const sheet of grid.sheets) {
    if (GENERATED_SHEETS.includes(sheet.name)) continue;
    const rows = rowCount(sheet);
    const cols = columnCount(sheet);
    const texts = headerTextsOf(sheet, rows, cols);
    let r = 0;
    while (r < rows) {
      const start = r;
      const header = findHeader(sheet, texts, r, found);
      if (!header) {
        r += 1;
        continue;
      }
      let candidate = header.candidate;
      // A two-row header: the row below holds only labels (`A`, `C=B/A`) and reads as the same table.
      const span = Object.values(candidate.columns);
      const lower =
        r + 1 < rows && !hasNumbers(sheet, r + 1, locale, Math.min(...span), Math.max(...span))
          ? bestHeaderAt(sheet, header.view, r + 1, found)
          : null;
      if (lower && lower.kind === candidate.kind && lower.upper) {
        candidate = lower;
        r += 1;
      }
      const absolute = sheet.top + r;
      let table: PlanTable | ProgressTable | IndicatorTable;
      if (candidate.kind === 'plan') {
        table = found.plan = readPlanTable(
          sheet,
          absolute,
          candidate.upper,
          candidate.columns as Partial<Record<PlanColumn, number>>,
          locale,
        );
      } else if (candidate.kind === 'progress') {
        table = found.progress = readProgressTable(
          sheet,
          absolute,
          candidate.upper,
          candidate.columns as Partial<Record<ProgressColumn | 'axis', number>>,
          locale,
        );
      } else {
        table = found.indicators = readIndicatorTable(
          sheet,
          absolute,
          candidate.upper,
          candidate.columns as Partial<Record<IndicatorColumn, number>>,
          locale,
        );
      }
      // The table's cells are no other table's header; another table may stand beside it: look at
      // the same row again without them (each pass finds a kind not found yet, so this ends).
      const last =
        table.kind === 'indicators'
          ? Math.max(table.headerBottom, table.rows.at(-1)?.row ?? -1)
          : lastRowOf(table);
      for (let row = table.headerTop; row <= last; row++) {
        const cells = texts[row - sheet.top];
        for (let col = table.left; col <= table.right; col++)
          if (cells && col - sheet.left < cells.length) cells[col - sheet.left] = null;
      }
      r = start;
    }
    if (found.plan && found.progress && found.indicators) break;
  }
  return found;
}

type Kind = 'plan' | 'progress' | 'indicators';

interface HeaderCandidate {
  kind: Kind;
  /** Whether the row above is part of the header (two-row header). */
  upper: boolean;
  columns: Record<string, number>;
}

/** Whether a row (relative; between relative columns `from` and `to` when given) holds a number or a number written as text: then it is data, not a header. */
function hasNumbers(sheet: SheetGrid, r: number, locale: 'it' | 'en', from = 0, to = Infinity): boolean {
  return (sheet.values[r] ?? []).some(
    (v, c) =>
      c >= from &&
      c <= to &&
      (typeof v === 'number' || (typeof v === 'string' && parseNumberText(v, locale) !== null)),
  );
}

/** Text of every cell that holds text (numbers are never headers), by relative row. */
function headerTextsOf(sheet: SheetGrid, rows: number, cols: number): (string | null)[][] {
  const texts: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r];
    const out: (string | null)[] = new Array(cols).fill(null);
    let any = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.trim() !== '' && !isPlaceholderHeader(v)) {
        out[c] = v;
        any = true;
      }
    }
    texts.push(any ? out : []);
  }
  return texts;
}

function textAt(texts: (string | null)[][], r: number, c: number): string {
  return (r >= 0 ? texts[r]?.[c] : null) ?? '';
}

/**
 * The best header at row `r`: of the whole row, or of one block of it when tables stand side by
 * side (blocks are runs of columns with header text in rows r-1…r+1, split by empty columns).
 * More columns win; on a tie, the narrower one (a block rather than the row across two tables).
 */
function findHeader(
  sheet: SheetGrid,
  texts: (string | null)[][],
  r: number,
  found: LocatedTables,
): { candidate: HeaderCandidate; view: (string | null)[][] } | null {
  let best: { candidate: HeaderCandidate; view: (string | null)[][] } | null = null;
  for (const view of [texts, ...blockViews(texts, r)]) {
    const candidate = bestHeaderAt(sheet, view, r, found);
    if (!candidate) continue;
    if (!best || headerScore(candidate) > headerScore(best.candidate)) best = { candidate, view };
  }
  return best;
}

function headerScore(candidate: HeaderCandidate): number {
  const cols = Object.values(candidate.columns);
  return cols.length * 100000 - (Math.max(...cols) - Math.min(...cols));
}

/** One copy of `texts` per block of row `r`, with rows r-1…r+1 holding only that block's text; none when the row is one block. */
function blockViews(texts: (string | null)[][], r: number): (string | null)[][][] {
  const near = [r - 1, r, r + 1].filter((i) => i >= 0 && i < texts.length);
  const width = Math.max(...near.map((i) => texts[i].length));
  const blocks: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (!near.some((i) => texts[i][c] != null)) continue;
    const last = blocks.at(-1);
    if (last && last[1] === c - 1) last[1] = c;
    else blocks.push([c, c]);
  }
  // Only blocks that can be a header (two texts in row r); a row of scattered words is not tables side by side.
  const headerBlocks = blocks.filter(
    ([from, to]) => texts[r].slice(from, to + 1).filter((t) => t != null).length >= 2,
  );
  if (blocks.length < 2 || headerBlocks.length > 8) return [];
  return headerBlocks.map(([from, to]) => {
    const view = [...texts];
    for (const i of near) view[i] = texts[i].map((t, c) => (c >= from && c <= to ? t : null));
    return view;
  });
}

function bestHeaderAt(
  sheet: SheetGrid,
  texts: (string | null)[][],
  r: number,
  found: LocatedTables,
): HeaderCandidate | null {
  const row = texts[r];
  if (!row || row.length === 0) return null;
  const nonEmpty = row.filter((t) => t !== null).length;
  if (nonEmpty < 2) return null;
  // A caption row is not the upper half of a header, nor is a one-cell note: a header row spans columns.
  const aboveIsHeader = r > 0 && (texts[r - 1]?.filter((t) => t !== null && !isCaption(t)).length ?? 0) >= 2;
  const candidates: HeaderCandidate[] = [];
  for (const upper of aboveIsHeader ? [true, false] : [false]) {
    const width = Math.max(row.length, upper ? (texts[r - 1]?.length ?? 0) : 0);
    // A merged upper cell (`Impegni` over `€` and `%`) holds its text in its first cell only: it
    // carries on over the empty upper cells to its right that have a lower header of their own.
    const upperTexts: string[] = [];
    let carried = '';
    for (let c = 0; c < width; c++) {
      const own = upper ? textAt(texts, r - 1, c) : '';
      if (own !== '') carried = own;
      else if (textAt(texts, r, c) === '') carried = '';
      upperTexts.push(own !== '' ? own : carried);
    }
    const upperText = (c: number) => upperTexts[c] ?? '';
    const all = Array.from({ length: width }, (_, c) => `${upperText(c)} ${textAt(texts, r, c)}`).join(' | ');

    if (!found.progress) {
      const columns = classify(width, (c) => progressColumnOf(upperText(c), textAt(texts, r, c)));
      const letters = Object.keys(columns).filter((k) => k !== 'axis').length;
      if (letters >= 4) candidates.push({ kind: 'progress', upper, columns: withAxisColumn(columns, sheet) });
    }
    if (!found.plan && !looksLikeProgress(all)) {
      const columns = classify(width, (c) => planColumnOf(upperText(c), textAt(texts, r, c)));
      if (columns.axis !== undefined && columns.allocation !== undefined)
        candidates.push({ kind: 'plan', upper, columns });
    }
    if (!found.indicators) {
      const columns = classify(width, (c) => indicatorColumnOf(upperText(c), textAt(texts, r, c)));
      if (
        (columns.name !== undefined || columns.code !== undefined) &&
        columns.value !== undefined &&
        columns.target !== undefined
      ) {
        candidates.push({ kind: 'indicators', upper, columns });
      }
    }
  }
  if (candidates.length === 0) return null;
  candidates.sort(
    (a, b) =>
      Object.keys(b.columns).length - Object.keys(a.columns).length || Number(b.upper) - Number(a.upper),
  );
  return candidates[0];
}

/** Column concept → 0-based relative column; the first column of a concept wins. */
function classify(width: number, conceptOf: (c: number) => string | null): Record<string, number> {
  const columns: Record<string, number> = {};
  for (let c = 0; c < width; c++) {
    const concept = conceptOf(c);
    if (concept && columns[concept] === undefined) columns[concept] = c;
  }
  return columns;
}

/** A progress table whose axis column has no header: the column just left of `A` (or of the first letter). */
function withAxisColumn(columns: Record<string, number>, sheet: SheetGrid): Record<string, number> {
  void sheet;
  if (columns.axis !== undefined) return columns;
  const first = Math.min(...Object.values(columns));
  return first > 0 ? { ...columns, axis: first - 1 } : columns;
}

/** `columns` are absolute (0-based sheet columns), as are the returned `left` and `right`. */
function placement(
  sheet: SheetGrid,
  headerBottom: number,
  upper: boolean,
  columns: Record<string, number>,
): TablePlacement {
  const absoluteCols = Object.values(columns);
  const headerTop = upper ? headerBottom - 1 : headerBottom;
  return {
    sheet: sheet.name,
    headerTop,
    headerBottom,
    left: Math.min(...absoluteCols),
    right: Math.max(...absoluteCols),
    caption: captionAbove(sheet, headerTop, Math.min(...absoluteCols), Math.max(...absoluteCols)),
    listObject: listObjectAt(sheet, headerTop, Math.min(...absoluteCols)),
  };
}

/** The caption in the four rows above the header: over the table's columns first, else the nearest to its left. */
function captionAbove(sheet: SheetGrid, headerTop: number, left: number, right: number): string | null {
  for (let row = headerTop - 1; row >= Math.max(sheet.top, headerTop - 4); row--) {
    const r = row - sheet.top;
    const values = sheet.values[r] ?? [];
    const from = left - sheet.left;
    const to = right - sheet.left;
    const order = [...values.keys()]
      .filter((c) => c >= from && c <= to)
      .concat([...values.keys()].filter((c) => c < from).reverse());
    for (const c of order) {
      const v = values[c];
      if (typeof v === 'string' && isCaption(v)) return `${columnLetterOf(c + sheet.left)}${row + 1}`;
    }
  }
  return null;
}

function columnLetterOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function listObjectAt(sheet: SheetGrid, row: number, col: number): string | null {
  for (const table of sheet.tables ?? []) {
    const range = parseRange(table.range);
    if (range && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right)
      return table.name;
  }
  return null;
}

/**
 * Whether a row is the header of a table (no numbers, and the columns of a Tabella 1, 2 or 3): the
 * table above it ends there even without a blank row between them.
 */
function isHeaderRow(sheet: SheetGrid, row: number, locale: 'it' | 'en'): boolean {
  const r = row - sheet.top;
  if (hasNumbers(sheet, r, locale)) return false;
  const texts = (sheet.values[r] ?? []).map((v) =>
    typeof v === 'string' && !isPlaceholderHeader(v) ? v : '',
  );
  const progress = classify(texts.length, (c) => progressColumnOf('', texts[c]));
  if (Object.keys(progress).filter((k) => k !== 'axis').length >= 4) return true;
  const plan = classify(texts.length, (c) => planColumnOf('', texts[c]));
  if (plan.axis !== undefined && plan.allocation !== undefined) return true;
  const indicators = classify(texts.length, (c) => indicatorColumnOf('', texts[c]));
  return (
    (indicators.name !== undefined || indicators.code !== undefined) &&
    indicators.value !== undefined &&
    indicators.target !== undefined
  );
}

/** A row of the table's width holding only a note (`Fonte: elaborazione su dati SIAGE`) and no numbers. */
function isNoteRow(sheet: SheetGrid, row: number, left: number, right: number, locale: 'it' | 'en'): boolean {
  if (hasNumbers(sheet, row - sheet.top, locale, left - sheet.left, right - sheet.left)) return false;
  for (let col = left; col <= right; col++) {
    const { value } = cellAt(sheet, row, col);
    if (value === null || (typeof value === 'string' && value.trim() === '')) continue;
    return typeof value === 'string' && isNoteText(value);
  }
  return false;
}

/** Rows of a table: from below the header to the first blank row, a caption, another table's header, or (for totals) the total row. */
function dataRows(
  sheet: SheetGrid,
  headerBottom: number,
  left: number,
  right: number,
  stopAtTotal: number | null,
  locale: 'it' | 'en',
): number[] {
  const rows: number[] = [];
  const last = sheet.top + rowCount(sheet) - 1;
  for (let row = headerBottom + 1; row <= last; row++) {
    let blank = true;
    let caption = false;
    for (let col = left; col <= right; col++) {
      const { value } = cellAt(sheet, row, col);
      if (value === null || (typeof value === 'string' && value.trim() === '')) continue;
      blank = false;
      if (typeof value === 'string' && isCaption(value)) caption = true;
    }
    if (blank || caption || isHeaderRow(sheet, row, locale) || isNoteRow(sheet, row, left, right, locale))
      break;
    rows.push(row);
    if (stopAtTotal !== null) {
      const label = cellAt(sheet, row, stopAtTotal).value;
      if (typeof label === 'string' && isTotalLabel(label)) break;
    }
  }
  return rows;
}

function lastRowOf(table: {
  headerBottom: number;
  rows: { row: number }[];
  total: { row: number } | null;
}): number {
  return Math.max(table.headerBottom, table.total?.row ?? -1, table.rows.at(-1)?.row ?? -1);
}

function labelIsTotal(sheet: SheetGrid, row: number, cols: number[]): boolean {
  return cols.some((col) => {
    const v = cellAt(sheet, row, col).value;
    return typeof v === 'string' && isTotalLabel(v);
  });
}

function readPlanTable(
  sheet: SheetGrid,
  headerBottom: number,
  upper: boolean,
  relative: Partial<Record<PlanColumn, number>>,
  locale: 'it' | 'en',
): PlanTable {
  const columns: Partial<Record<PlanColumn, number>> = {};
  for (const [k, c] of Object.entries(relative)) columns[k as PlanColumn] = (c as number) + sheet.left;
  // In the RAA `DOTAZIONE FINANZIARIA` spans the amount and the `%`: the `%` column has no header of its own.
  if (columns.share === undefined && columns.allocation !== undefined) {
    const next = columns.allocation + 1;
    const headerTop = upper ? headerBottom - 1 : headerBottom;
    let headerless = true;
    for (let row = headerTop; row <= headerBottom; row++) {
      const v = cellAt(sheet, row, next).value;
      if (v !== null && !(typeof v === 'string' && (v.trim() === '' || isPlaceholderHeader(v))))
        headerless = false;
    }
    const firstData = cellAt(sheet, headerBottom + 1, next).value;
    if (headerless && firstData !== null && firstData !== '') columns.share = next;
  }
  const place = placement(sheet, headerBottom, upper, columns);
  const labelCols = [columns.axis, columns.ot, columns.name].filter((c): c is number => c !== undefined);
  const rows = dataRows(sheet, headerBottom, place.left, place.right, null, locale);
  const bodyRows: number[] = [];
  let totalRow: number | null = null;
  for (const row of rows) {
    if (labelIsTotal(sheet, row, labelCols)) {
      totalRow = row;
      break;
    }
    bodyRows.push(row);
  }
  const scale =
    columns.share !== undefined
      ? percentScaleOf(sheet, [...bodyRows, ...(totalRow !== null ? [totalRow] : [])], columns.share, locale)
      : 'fraction';
  const readRow = (row: number): PlanRow => {
    const label = readTextCell(sheet, row, columns.axis as number);
    return {
      row,
      label,
      labelAxisId: null,
      axisId: null,
      ot: columns.ot !== undefined ? readTextCell(sheet, row, columns.ot) : null,
      name: columns.name !== undefined ? readTextCell(sheet, row, columns.name) : null,
      allocation:
        columns.allocation !== undefined ? readNumberCell(sheet, row, columns.allocation, { locale }) : null,
      share:
        columns.share !== undefined
          ? readNumberCell(sheet, row, columns.share, { locale, percentScale: scale })
          : null,
    };
  };
  return {
    kind: 'plan',
    ...place,
    right: Math.max(place.right, columns.share ?? place.right),
    columns,
    rows: bodyRows.map(readRow),
    total: totalRow !== null ? readRow(totalRow) : null,
  };
}

function readProgressTable(
  sheet: SheetGrid,
  headerBottom: number,
  upper: boolean,
  relative: Partial<Record<ProgressColumn | 'axis', number>>,
  locale: 'it' | 'en',
): ProgressTable {
  const columns: Partial<Record<ProgressColumn, number>> = {};
  let axisColumn = sheet.left;
  for (const [k, c] of Object.entries(relative)) {
    if (k === 'axis') axisColumn = (c as number) + sheet.left;
    else columns[k as ProgressColumn] = (c as number) + sheet.left;
  }
  const place = placement(sheet, headerBottom, upper, { ...columns, axis: axisColumn });
  const rows = dataRows(sheet, headerBottom, place.left, place.right, axisColumn, locale);
  // Whether a ratio column holds fractions or points is decided against the ratio of its amounts.
  const amountAt = (row: number, letter: AmountColumn) =>
    columns[letter] !== undefined
      ? readNumberCell(sheet, row, columns[letter] as number, { locale }).value
      : null;
  const ratioScale = new Map(
    RATIOS.filter(({ ratio }) => columns[ratio] !== undefined).map(({ ratio, numerator, denominator }) => {
      const expectedOf = (row: number) => {
        const n = amountAt(row, numerator);
        const d = amountAt(row, denominator);
        return n && d && !d.isZero() ? n.dividedBy(d) : null;
      };
      return [ratio, percentScaleOf(sheet, rows, columns[ratio] as number, locale, expectedOf)];
    }),
  );
  const readRow = (row: number): ProgressRow => {
    const cells: ProgressRow['cells'] = {};
    for (const letter of AMOUNT_COLUMNS as readonly AmountColumn[]) {
      if (columns[letter] !== undefined)
        cells[letter] = readNumberCell(sheet, row, columns[letter] as number, { locale });
    }
    for (const { ratio } of RATIOS) {
      if (columns[ratio] !== undefined)
        cells[ratio] = readNumberCell(sheet, row, columns[ratio] as number, {
          locale,
          percentScale: ratioScale.get(ratio),
        });
    }
    return { row, label: readTextCell(sheet, row, axisColumn), labelAxisId: null, axisId: null, cells };
  };
  const body: ProgressRow[] = [];
  let total: ProgressRow | null = null;
  for (const row of rows) {
    const label = cellAt(sheet, row, axisColumn).value;
    if (typeof label === 'string' && isTotalLabel(label)) total = readRow(row);
    else body.push(readRow(row));
  }
  return { kind: 'progress', ...place, axisColumn, columns, rows: body, total };
}

function readIndicatorTable(
  sheet: SheetGrid,
  headerBottom: number,
  upper: boolean,
  relative: Partial<Record<IndicatorColumn, number>>,
  locale: 'it' | 'en',
): IndicatorTable {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  for (const [k, c] of Object.entries(relative)) columns[k as IndicatorColumn] = (c as number) + sheet.left;
  const place = placement(sheet, headerBottom, upper, columns);
  place.right = headerRightEdge(sheet, place);
  const rows = dataRows(sheet, headerBottom, place.left, place.right, null, locale);
  const text = (row: number, col: IndicatorColumn) =>
    columns[col] !== undefined ? readTextCell(sheet, row, columns[col] as number) : null;
  const number = (row: number, col: IndicatorColumn, percent: boolean) =>
    columns[col] !== undefined
      ? readNumberCell(
          sheet,
          row,
          columns[col] as number,
          percent ? { locale, percentScale: 'fraction' } : { locale },
        )
      : null;
  const indicatorRows: IndicatorRow[] = rows.map((row) => ({
    row,
    axis: text(row, 'axis'),
    priority: text(row, 'priority'),
    code: text(row, 'code'),
    name: text(row, 'name'),
    type: text(row, 'type'),
    unit: text(row, 'unit'),
    value: number(row, 'value', false),
    target: number(row, 'target', false),
    ratio: number(row, 'ratio', true),
    status: text(row, 'status'),
  }));
  return { kind: 'indicators', ...place, columns, rows: indicatorRows };
}

/**
 * The last column of a table's header: its rightmost recognised column, carried on over the header
 * cells right of it that hold text (`Note`, `Fonte`), and to the end of its Excel table. Fill adds
 * the indicators' computed columns past this edge, so it must not stop at the last known column.
 */
function headerRightEdge(sheet: SheetGrid, place: TablePlacement): number {
  let right = place.right;
  const headerText = (col: number) => {
    for (let row = place.headerTop; row <= place.headerBottom; row++) {
      const v = cellAt(sheet, row, col).value;
      if (typeof v === 'string' && v.trim() !== '' && !isCaption(v)) return true;
    }
    return false;
  };
  const last = sheet.left + columnCount(sheet) - 1;
  while (right < last && headerText(right + 1)) right += 1;
  const listObject = (sheet.tables ?? []).find((t) => t.name === place.listObject);
  const range = listObject ? parseRange(listObject.range) : null;
  return range ? Math.max(right, range.right) : right;
}
