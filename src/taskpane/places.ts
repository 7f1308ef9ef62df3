/**
 * Where a write landed, in words a person can check against the sheet: cells gathered into blocks
 * (`RAA 2022!D16:J21`, 24 cells), so a status message can say "24 celle scritte in RAA 2022!D16:J21".
 */

export interface Place {
  sheet: string;
  /** The block's bounding range (`D16:J21`), or one cell. */
  range: string;
  /** How many of the cells given fall in the block. */
  count: number;
}

function parseCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells of one row and the next row join a block when at most one column lies between them (C, E, G, I). */
const ROW_REACH = 1;
const COLUMN_REACH = 2;

/**
 * Blocks of nearby cells per sheet (sheets in the order their first cell was given, blocks top to
 * bottom). The computed columns
 * of Tabella 2 (every other column, six rows) make one block; the indicators' columns another.
 */
export function placesOf(cells: readonly { sheet: string; cell: string }[]): Place[] {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const { sheet, cell } of cells) {
    const at = parseCell(cell);
    if (!at) continue;
    const list = bySheet.get(sheet) ?? [];
    if (list.length === 0) bySheet.set(sheet, list);
    list.push(at);
  }
  const places: Place[] = [];
  for (const [sheet, list] of bySheet) {
    // Union-find over the cells, neighbours found through a map of positions: linear in the cells.
    const index = new Map<string, number>();
    list.forEach((at, i) => {
      if (!index.has(`${at.row},${at.col}`)) index.set(`${at.row},${at.col}`, i);
    });
    const parent = list.map((_, i) => i);
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]];
      return i;
    };
    list.forEach((at, i) => {
      for (let dr = -ROW_REACH; dr <= ROW_REACH; dr++) {
        for (let dc = -COLUMN_REACH; dc <= COLUMN_REACH; dc++) {
          const j = index.get(`${at.row + dr},${at.col + dc}`);
          if (j !== undefined) parent[root(j)] = root(i);
        }
      }
    });
    const blocks = new Map<
      number,
      { top: number; left: number; bottom: number; right: number; cells: Set<string> }
    >();
    list.forEach((at, i) => {
      const r = root(i);
      const block = blocks.get(r) ?? {
        top: at.row,
        left: at.col,
        bottom: at.row,
        right: at.col,
        cells: new Set(),
      };
      if (!blocks.has(r)) blocks.set(r, block);
      block.top = Math.min(block.top, at.row);
      block.bottom = Math.max(block.bottom, at.row);
      block.left = Math.min(block.left, at.col);
      block.right = Math.max(block.right, at.col);
      block.cells.add(`${at.row},${at.col}`);
    });
    const ordered = [...blocks.values()].sort((a, b) => a.top - b.top || a.left - b.left);
    for (const block of ordered) {
      const from = `${columnName(block.left)}${block.top}`;
      const to = `${columnName(block.right)}${block.bottom}`;
      places.push({ sheet, range: from === to ? from : `${from}:${to}`, count: block.cells.size });
    }
  }
  return places;
}

/** `RAA 2022!D16:J21` */
export function placeName(place: Pick<Place, 'sheet' | 'range'>): string {
  return place.sheet ? `${place.sheet}!${place.range}` : place.range;
}

/** `RAA 2022!E16:E20, RAA 2022!G27:G44`: the ranges once each, per sheet top to bottom, left to right. */
export function rangeNames(items: readonly { sheet: string; range: string }[]): string[] {
  const sheets = [...new Set(items.map((i) => i.sheet))];
  const unique = [...new Map(items.map((i) => [`${i.sheet}!${i.range}`, i])).values()];
  const start = (range: string) => parseCell(range.split(':')[0]) ?? { row: 0, col: 0 };
  return unique
    .sort((a, b) => {
      const bySheet = sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet);
      const [pa, pb] = [start(a.range), start(b.range)];
      return bySheet || pa.row - pb.row || pa.col - pb.col;
    })
    .map(placeName);
}
