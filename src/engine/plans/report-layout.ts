/**
 * Print layout of the report sheet: tables stacked on one sheet each keep columns sized for
 * themselves. Every table spans the same page width; the sheet's columns are the union of the
 * tables' column edges, and a table's column that covers several sheet columns is merged across
 * them. Row heights are estimated here, because neither Excel nor LibreOffice fits the height of a
 * row to wrapped text in merged cells.
 */

export interface TableColumns {
  /** Column widths in characters (Excel's unit: the width of a `0`). */
  widths: number[];
  /** The smallest width each column may be given when its edge moves to meet another table's. */
  min: number[];
  /** The column that takes the width the table lacks to reach the page width. */
  flex: number;
}

/** 0-based sheet columns a table's column covers, first to last. */
export interface ColumnSpan {
  first: number;
  last: number;
}

export interface SharedGrid {
  /** Width in characters of each sheet column. */
  widths: number[];
  /** `spans[t][c]`: the sheet columns of column `c` of table `t`. */
  spans: ColumnSpan[][];
}

/**
 * Lays the tables over one set of sheet columns. An edge within `snap` characters of an edge
 * already placed moves onto it (when both columns beside it keep their minimum width), so that
 * the sheet does not get slivers of a character or two between near-equal edges.
 */
export function sharedGrid(tables: TableColumns[], snap = 3): SharedGrid {
  const page = Math.max(...tables.map((t) => sum(t.widths)));
  const edges = new Set<number>([0, page]);
  const tableEdges = tables.map((table) => {
    const widths = table.widths.map((w, c) => (c === table.flex ? w + page - sum(table.widths) : w));
    const own = [0];
    for (const w of widths) own.push(own[own.length - 1] + w);
    for (let i = 1; i < own.length - 1; i++) {
      const left = own[i - 1];
      const right = own[i + 1];
      const near = [...edges]
        .filter(
          (e) => Math.abs(e - own[i]) <= snap && e - left >= table.min[i - 1] && right - e >= table.min[i],
        )
        .sort((a, b) => Math.abs(a - own[i]) - Math.abs(b - own[i]))[0];
      if (near !== undefined) own[i] = near;
    }
    own.forEach((e) => edges.add(e));
    return own;
  });
  const sorted = [...edges].sort((a, b) => a - b);
  const index = new Map(sorted.map((e, i) => [e, i]));
  return {
    widths: sorted.slice(1).map((e, i) => e - sorted[i]),
    spans: tableEdges.map((own) =>
      own
        .slice(1)
        .map((e, c) => ({ first: index.get(own[c]) as number, last: (index.get(e) as number) - 1 })),
    ),
  };
}

/** Points per line of the default 11-point font, as Excel sizes a row. */
export const LINE_HEIGHT = 15;

/**
 * Lines `text` takes when wrapped in a cell `width` characters wide. A column's width counts the
 * digits of the default font, in whatever font prints it (LibreOffice without Calibri sizes the
 * columns by DejaVu Sans's digits); a letter is taken as 0.9 of a digit, bold as a whole one —
 * a little wider than they are, so that the estimate is never short by a line.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1) / (bold ? 1 : 0.9)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const length = [...word].length;
      if (line > 0 && line + 1 + length <= perLine) {
        line += 1 + length;
        continue;
      }
      if (line > 0) lines++;
      // A word longer than the line breaks inside itself.
      lines += Math.ceil(length / perLine) - 1;
      line = length % perLine || perLine;
    }
  }
  return lines;
}

/** The height of a row whose tallest cell takes `lines` lines. */
export function rowHeight(lines: number): number {
  return lines * LINE_HEIGHT + 3;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
