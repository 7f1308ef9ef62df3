import { parseRange } from '../address';
import { cellAt, presentIndices, rowCount, type Grid, type SheetGrid } from '../grid';
import { parseNumberText } from '../number-text';
import { percentScaleOf, readNumberCell, readTextCell } from '../read-cells';
import type {
  AmountColumn,
  IndicatorColumn,
  IndicatorRow,
  IndicatorTable,
  LocatedTables,
  PassedOverTable,
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
import { defaultModel } from '../../model';
import type { ProgrammeModel } from '../../model/types';
import { indicatorColumnOf, looksLikeProgress, planColumnOf, progressColumnOf } from './columns';
import { ACCEPT_SCORE, modelFacts, planEvidence, progressEvidence, scoreOf } from './evidence';
import { clipHeader, isCaption, isNoteText, isPlaceholderHeader, isTotalLabel } from './header-text';

/**
 * Finds Tabella 1, 2 and the indicators wherever they are: any sheet, any position, with or
 * without a caption, one- or two-row headers. Every table whose header reads as Tabella 1 or 2 is
 * weighed on its evidence (`evidence.ts`: headers, axis rows of `model`, totals, allocations): the
 * best one of each kind is taken if it reaches the threshold, the first on a tie (sheet order, then
 * top to bottom); a list of operations with an `Asse` column is passed over, and "not found" beats a
 * wrong table. The first indicator table wins. The add-in's own sheets are never read as input.
 * Work follows the cells that hold something: rows and cells a sparse sheet lacks are never visited.
 */
export function locateTables(grid: Grid, model: ProgrammeModel = defaultModel): LocatedTables {
  const locale = grid.locale ?? 'it';
  const facts = modelFacts(model);
  const found: LocatedTables = { plan: null, progress: null, indicators: null, passedOver: [] };
  const best: { plan: number; progress: number } = { plan: -Infinity, progress: -Infinity };
  const candidates: PassedOverTable[] = [];
  for (const sheet of grid.sheets) {
    if (GENERATED_SHEETS.includes(sheet.name)) continue;
    const texts = headerTextsOf(sheet);
    const base: TextView = (r) => texts.get(r);
    for (const start of [...texts.keys()]) {
      for (;;) {
        let r = start;
        const header = findHeader(base, r, found.indicators === null);
        if (!header) {
          if (!candidates.some((c) => c.sheet === sheet.name) && isAxisList(base(r)))
            candidates.push({
              kind: 'list',
              sheet: sheet.name,
              headerTop: sheet.top + r,
              left: -1,
              score: 0,
            });
          break;
        }
        let candidate = header.candidate;
        // A two-row header: the row below holds only labels (`A`, `C=B/A`) and reads as the same table.
        const span = Object.values(candidate.columns);
        const lower = !hasNumbers(sheet, r + 1, locale, Math.min(...span), Math.max(...span))
          ? bestHeaderAt(header.view, r + 1, found.indicators === null)
          : null;
        // An indicator row with no number yet (no value, no target) is data, not a header's lower half:
        // a lower header row names columns of its own.
        const lowerNamesColumns =
          candidate.kind !== 'indicators' ||
          [...(header.view(r + 1)?.values() ?? [])].filter((t) => indicatorColumnOf('', t) !== null).length >=
            2;
        if (lower && lower.kind === candidate.kind && lower.upper && lowerNamesColumns) {
          candidate = lower;
          r += 1;
        }
        const absolute = sheet.top + r;
        let table: PlanTable | ProgressTable | IndicatorTable;
        if (candidate.kind === 'plan') {
          const plan = readPlanTable(
            sheet,
            absolute,
            candidate.upper,
            candidate.columns as Partial<Record<PlanColumn, number>>,
            locale,
          );
          weigh(plan, planEvidence(sheet, plan, facts));
          table = plan;
        } else if (candidate.kind === 'progress') {
          const progress = readProgressTable(
            sheet,
            absolute,
            candidate.upper,
            candidate.columns as Partial<Record<ProgressColumn | 'axis', number>>,
            locale,
          );
          weigh(progress, progressEvidence(sheet, progress, facts));
          table = progress;
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
        // the same row again without them (each pass takes out a header's cells, so this ends).
        const last =
          table.kind === 'indicators'
            ? Math.max(table.headerBottom, table.rows.at(-1)?.row ?? -1)
            : lastRowOf(table);
        for (let row = table.headerTop; row <= last; row++) {
          const cells = texts.get(row - sheet.top);
          if (!cells) continue;
          for (const col of [...cells.keys()])
            if (col + sheet.left >= table.left && col + sheet.left <= table.right) cells.delete(col);
        }
      }
    }
  }
  found.passedOver = candidates.filter(
    (c) =>
      !(c.kind === 'plan' && found.plan?.sheet === c.sheet && found.plan.headerTop === c.headerTop) &&
      !(
        c.kind === 'progress' &&
        found.progress?.sheet === c.sheet &&
        found.progress.headerTop === c.headerTop
      ),
  );
  return found;

  function weigh(table: PlanTable | ProgressTable, evidence: ReturnType<typeof planEvidence>): void {
    const score = scoreOf(evidence);
    candidates.push({
      kind: table.kind,
      sheet: table.sheet,
      headerTop: table.headerTop,
      left: table.left,
      score,
    });
    if (score < ACCEPT_SCORE || score <= best[table.kind]) return;
    best[table.kind] = score;
    if (table.kind === 'plan') found.plan = table;
    else found.progress = table;
  }
}

type Kind = 'plan' | 'progress' | 'indicators';

interface HeaderCandidate {
  kind: Kind;
  /** Whether the row above is part of the header (two-row header). */
  upper: boolean;
  columns: Record<string, number>;
}

/** Header text of a row: relative column → text, columns ascending; a row without text has none. */
type TextRow = Map<number, string>;
/** The header texts of a sheet (or of one block of it) by relative row. */
type TextView = (r: number) => TextRow | undefined;

/** Whether a row (relative; between relative columns `from` and `to` when given) holds a number or a number written as text: then it is data, not a header. */
function hasNumbers(sheet: SheetGrid, r: number, locale: 'it' | 'en', from = 0, to = Infinity): boolean {
  const values = sheet.values[r];
  return presentIndices(values, from, to).some((c) => {
    const v = values[c];
    return typeof v === 'number' || (typeof v === 'string' && parseNumberText(v, locale) !== null);
  });
}

/**
 * A header of neither table that has an `Asse` column and amounts (`Asse`, `Importo`, `Impegni`):
 * a list of operations or payments. No finding may point at its sheet.
 */
function isAxisList(row: TextRow | undefined): boolean {
  if (!row || row.size < 2) return false;
  const cols = [...row.keys()];
  const plan = classify(cols, (c) => planColumnOf('', row.get(c) ?? ''));
  if (plan.axis === undefined) return false;
  return cols.some((c) => {
    const text = row.get(c) ?? '';
    const concept = planColumnOf('', text);
    return (
      concept === 'allocation' ||
      concept === 'share' ||
      (concept !== 'axis' && progressColumnOf('', text) !== null)
    );
  });
}

/** Text of every cell that holds text (numbers are never headers), by relative row. */
function headerTextsOf(sheet: SheetGrid): Map<number, TextRow> {
  const texts = new Map<number, TextRow>();
  for (const r of presentIndices(sheet.values)) {
    const row = sheet.values[r];
    let out: TextRow | null = null;
    for (const c of presentIndices(row)) {
      const v = row[c];
      if (typeof v === 'string' && v.trim() !== '' && !isPlaceholderHeader(v))
        (out ??= new Map()).set(c, clipHeader(v));
    }
    if (out) texts.set(r, out);
  }
  return texts;
}

/** The relative columns holding text in any of `rows`, ascending. */
function columnsOf(rows: (TextRow | undefined)[]): number[] {
  const cols = new Set<number>();
  for (const row of rows) if (row) for (const c of row.keys()) cols.add(c);
  return [...cols].sort((a, b) => a - b);
}

/**
 * The best header at row `r`: of the whole row, or of one block of it when tables stand side by
 * side (blocks are runs of columns with header text in rows r-1…r+1, split by empty columns).
 * More columns win; on a tie, the narrower one (a block rather than the row across two tables).
 */
function findHeader(
  texts: TextView,
  r: number,
  indicators: boolean,
): { candidate: HeaderCandidate; view: TextView } | null {
  if ((texts(r)?.size ?? 0) < 2) return null;
  let best: { candidate: HeaderCandidate; view: TextView } | null = null;
  for (const view of [texts, ...blockViews(texts, r)]) {
    const candidate = bestHeaderAt(view, r, indicators);
    if (!candidate) continue;
    if (!best || headerScore(candidate) > headerScore(best.candidate)) best = { candidate, view };
  }
  return best;
}

function headerScore(candidate: HeaderCandidate): number {
  const cols = Object.values(candidate.columns);
  return cols.length * 100000 - (Math.max(...cols) - Math.min(...cols));
}

/** One view of `texts` per block of row `r`, with rows r-1…r+1 holding only that block's text; none when the row is one block. */
function blockViews(texts: TextView, r: number): TextView[] {
  const near = [r - 1, r, r + 1].filter((i) => i >= 0 && texts(i) !== undefined);
  const blocks: [number, number][] = [];
  for (const c of columnsOf(near.map(texts))) {
    const last = blocks.at(-1);
    if (last && last[1] === c - 1) last[1] = c;
    else blocks.push([c, c]);
  }
  // Only blocks that can be a header (two texts in row r); a row of scattered words is not tables side by side.
  const row = texts(r);
  const headerBlocks = blocks.filter(
    ([from, to]) => [...(row?.keys() ?? [])].filter((c) => c >= from && c <= to).length >= 2,
  );
  if (blocks.length < 2 || headerBlocks.length > 8) return [];
  return headerBlocks.map(([from, to]) => {
    const own = new Map<number, TextRow>();
    for (const i of near)
      own.set(i, new Map([...(texts(i) as TextRow)].filter(([c]) => c >= from && c <= to)));
    return (i: number) => (own.has(i) ? own.get(i) : texts(i));
  });
}

function bestHeaderAt(texts: TextView, r: number, indicators: boolean): HeaderCandidate | null {
  const row = texts(r);
  if (!row || row.size < 2) return null;
  const above = r > 0 ? texts(r - 1) : undefined;
  const lowerText = (c: number) => row.get(c) ?? '';
  // A caption row is not the upper half of a header, nor is a one-cell note: a header row spans columns.
  const aboveIsHeader = [...(above?.values() ?? [])].filter((t) => !isCaption(t)).length >= 2;
  const candidates: HeaderCandidate[] = [];
  for (const upper of aboveIsHeader ? [true, false] : [false]) {
    const cols = columnsOf(upper ? [row, above] : [row]);
    // A merged upper cell (`Impegni` over `€` and `%`) holds its text in its first cell only: it
    // carries on over the empty upper cells to its right that have a lower header of their own.
    const upperTexts = new Map<number, string>();
    let carried = '';
    let previous = -2;
    for (const c of cols) {
      if (c !== previous + 1) carried = '';
      previous = c;
      const own = upper ? (above?.get(c) ?? '') : '';
      if (own !== '') carried = own;
      else if (lowerText(c) === '') carried = '';
      upperTexts.set(c, own !== '' ? own : carried);
    }
    const upperText = (c: number) => upperTexts.get(c) ?? '';
    const all = cols.map((c) => `${upperText(c)} ${lowerText(c)}`).join(' | ');

    {
      const columns = classify(cols, (c) => progressColumnOf(upperText(c), lowerText(c)));
      const letters = Object.keys(columns).filter((k) => k !== 'axis').length;
      if (letters >= 4) candidates.push({ kind: 'progress', upper, columns: withAxisColumn(columns) });
    }
    if (!looksLikeProgress(all)) {
      const columns = classify(cols, (c) => planColumnOf(upperText(c), lowerText(c)));
      if (columns.axis !== undefined && columns.allocation !== undefined)
        candidates.push({ kind: 'plan', upper, columns });
    }
    if (indicators) {
      const columns = classify(cols, (c) => indicatorColumnOf(upperText(c), lowerText(c)));
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
function classify(cols: Iterable<number>, conceptOf: (c: number) => string | null): Record<string, number> {
  const columns: Record<string, number> = {};
  for (const c of cols) {
    const concept = conceptOf(c);
    if (concept && columns[concept] === undefined) columns[concept] = c;
  }
  return columns;
}

/** A progress table whose axis column has no header: the column just left of `A` (or of the first letter). */
function withAxisColumn(columns: Record<string, number>): Record<string, number> {
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
    const values = sheet.values[r];
    const from = left - sheet.left;
    const to = right - sheet.left;
    const order = presentIndices(values, from, to).concat(presentIndices(values, 0, from - 1).reverse());
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
  const values = sheet.values[r];
  const texts = new Map<number, string>();
  for (const c of presentIndices(values)) {
    const v = values[c];
    if (typeof v === 'string' && v.trim() !== '' && !isPlaceholderHeader(v)) texts.set(c, v);
  }
  if (texts.size < 2) return false;
  const cols = [...texts.keys()];
  const text = (c: number) => texts.get(c) ?? '';
  const progress = classify(cols, (c) => progressColumnOf('', text(c)));
  if (Object.keys(progress).filter((k) => k !== 'axis').length >= 4) return true;
  const plan = classify(cols, (c) => planColumnOf('', text(c)));
  if (plan.axis !== undefined && plan.allocation !== undefined) return true;
  const indicators = classify(cols, (c) => indicatorColumnOf('', text(c)));
  return (
    (indicators.name !== undefined || indicators.code !== undefined) &&
    indicators.value !== undefined &&
    indicators.target !== undefined
  );
}

/** A row of the table's width holding only a note (`Fonte: elaborazione su dati SIAGE`) and no numbers. */
function isNoteRow(sheet: SheetGrid, row: number, left: number, right: number, locale: 'it' | 'en'): boolean {
  if (hasNumbers(sheet, row - sheet.top, locale, left - sheet.left, right - sheet.left)) return false;
  const values = sheet.values[row - sheet.top];
  for (const c of presentIndices(values, left - sheet.left, right - sheet.left)) {
    const value = values[c];
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
    const values = sheet.values[row - sheet.top];
    for (const c of presentIndices(values, left - sheet.left, right - sheet.left)) {
      const value = values[c];
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
  while (headerText(right + 1)) right += 1;
  const listObject = (sheet.tables ?? []).find((t) => t.name === place.listObject);
  const range = listObject ? parseRange(listObject.range) : null;
  return range ? Math.max(right, range.right) : right;
}
