/**
 * One worksheet part, patched: the rows and cells a plan writes are rewritten, conditional formats
 * added or removed, and every other byte of the part (the other rows, validations, hyperlinks,
 * merges, panes, drawings, extension lists) is copied as it was.
 */
import { columnIndex, columnLetter, parseA1 } from '../../engine/address';
import { formulaKey } from '../../engine/formula-refs';
import { parseFormulaTemplate, renderShifted } from '../formula-shift';
import type { StyleChange, StylesPatch } from './styles';
import {
  applySplices,
  attribute,
  childElements,
  childrenOf,
  escapeCellText,
  escapeXml,
  insertionPoint,
  rootElement,
  textOf,
  unescapeXml,
  withAttribute,
} from './xml';
import type { ElementSpan, Splice } from './xml';

/** Order of the children of `<worksheet>` (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/** What a cell becomes: a formula with its cached result, a value, or (neither) its old content restyled. */
export interface CellContent {
  formula?: string;
  value?: number | string | boolean | null;
}

interface Row {
  r: number;
  /** The text before the row (whitespace of a pretty-printed part). */
  lead: string;
  /** The row's whole text as read; `null` once its cells are parsed. */
  text: string | null;
  open: string;
  cells: CellEntry[] | null;
  /** Children of the row that are not cells (an `extLst`), kept after the cells. */
  rest: string;
}

interface CellEntry {
  col: number;
  text: string;
}

const ROW = /<((?:[\w.-]+:)?row)\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/\1>)/g;

export class SheetPatch {
  readonly prefix: string;
  private readonly xml: string;
  private readonly children: ElementSpan[];
  private rows: Row[] | null = null;
  private rowsChanged = false;
  private readonly rowIndex = new Map<number, number>();
  private written: { top: number; left: number; bottom: number; right: number } | null = null;
  private readonly addedFormats: string[] = [];
  private readonly removedRules: Splice[] = [];
  private readonly extraSplices: Splice[] = [];
  /** Whether a formula was written or overwritten (the calculation chain is then stale). */
  formulasChanged = false;

  constructor(xml: string) {
    this.xml = xml;
    const root = rootElement(xml);
    this.prefix = root.prefix;
    this.children = childrenOf(xml, root, ['sheetData']);
  }

  get changed(): boolean {
    return (
      this.rowsChanged ||
      this.addedFormats.length > 0 ||
      this.removedRules.length > 0 ||
      this.extraSplices.length > 0
    );
  }

  /** Writes one cell (`B7`), its format `change` merged into its old cell format. */
  write(address: string, content: CellContent, change: StyleChange, styles: StylesPatch): void {
    const ref = parseA1(address);
    if (!ref) throw new Error(`not a cell address: ${address}`);
    const row = this.row(ref.row + 1, true) as Row;
    const cells = this.cellsOf(row);
    let at = cells.findIndex((cell) => cell.col >= ref.col);
    const old = at >= 0 && cells[at].col === ref.col ? cells[at].text : null;
    if (old !== null && /<(?:\w+:)?f[\s>/]/.test(old)) {
      this.formulasChanged = true;
      const f = /<(?:\w+:)?f\b[^>]*>/.exec(old)?.[0] ?? '';
      // Overwriting the first cell of a shared formula would leave its other cells without a formula.
      if (attribute(f, 't') === 'shared' && attribute(f, 'ref') !== undefined) {
        this.expandSharedFormula(attribute(f, 'si') ?? '', ref.row, ref.col, old);
        at = cells.findIndex((cell) => cell.col >= ref.col);
      }
    }
    if (content.formula !== undefined) this.formulasChanged = true;
    const oldOpen = old === null ? null : (/^<[^>]*>/.exec(old)?.[0] ?? null);
    const oldStyle = oldOpen === null ? 0 : Number(attribute(oldOpen, 's') ?? 0);
    const hasChange = Object.values(change).some((v) => v !== undefined);
    const style = hasChange ? styles.cellFormat(oldStyle, change) : oldStyle;
    const current = old === null ? null : cells[at].text;
    const text =
      content.formula === undefined && content.value === undefined
        ? restyled(current, address, style, this.prefix)
        : cellXml(address, style, content, this.prefix);
    if (old !== null) cells[at] = { col: ref.col, text };
    else if (at < 0) cells.push({ col: ref.col, text });
    else cells.splice(at, 0, { col: ref.col, text });
    this.touch(row, ref.row, ref.col);
  }

  /** Sets a style index on a cell without changing its content (the covered cells of a merge). */
  setStyle(address: string, style: number): void {
    const ref = parseA1(address);
    if (!ref) return;
    const row = this.row(ref.row + 1, true) as Row;
    const cells = this.cellsOf(row);
    const at = cells.findIndex((cell) => cell.col >= ref.col);
    if (at >= 0 && cells[at].col === ref.col)
      cells[at] = { col: ref.col, text: restyled(cells[at].text, address, style, this.prefix) };
    else
      cells.splice(at < 0 ? cells.length : at, 0, {
        col: ref.col,
        text: `<${this.prefix}c r="${address}" s="${style}"/>`,
      });
    this.touch(row, ref.row, ref.col);
  }

  /** The style index of a cell, 0 when it has none. */
  styleOf(address: string): number {
    const ref = parseA1(address);
    if (!ref) return 0;
    const row = this.row(ref.row + 1, false);
    if (!row) return 0;
    const cell = this.cellsOf(row).find((c) => c.col === ref.col);
    return cell ? Number(attribute(/^<[^>]*>/.exec(cell.text)?.[0] ?? '', 's') ?? 0) : 0;
  }

  /** A row's height in points (`customHeight`), creating the row when it has no cells. */
  setRowHeight(rowNumber: number, height: number): void {
    const row = this.row(rowNumber, true) as Row;
    this.cellsOf(row);
    row.open = withAttribute(withAttribute(row.open, 'ht', String(height)), 'customHeight', '1');
    this.rowsChanged = true;
  }

  /** The 1-based number of the last row holding a value or formula; 0 when none does. */
  lastUsedRow(): number {
    const rows = this.allRows();
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      const text = row.text ?? (row.cells ?? []).map((c) => c.text).join('');
      if (/<(?:\w+:)?(?:v|is|f)[\s>/]/.test(text)) return row.r;
    }
    return 0;
  }

  /** The expression rules the sheet has, by range and formula (conditional formats of other types are not compared). */
  hasConditionalFormat(range: string, formula: string): boolean {
    const key = formulaKey(formula);
    return (
      this.conditionalFormats().some(
        (cf) =>
          rangeKey(cf.sqref) === rangeKey(range) &&
          cf.rules.some((rule) => rule.expression && formulaKey(rule.formula) === key),
      ) ||
      this.addedFormats.some(
        (text) =>
          text.includes(`sqref="${escapeXml(range)}"`) &&
          text.includes(`>${escapeXml(formula.replace(/^=/, ''))}<`),
      )
    );
  }

  /** Adds an expression rule over `range` with the differential format `dxfId`; false when it is there already. */
  addConditionalFormat(range: string, formula: string, dxfId: number): boolean {
    if (this.hasConditionalFormat(range, formula)) return false;
    const priorities = this.conditionalFormats().flatMap((cf) => cf.rules.map((rule) => rule.priority));
    const priority = 1 + Math.max(0, ...priorities, this.maxAddedPriority);
    this.maxAddedPriority = priority;
    const p = this.prefix;
    this.addedFormats.push(
      `<${p}conditionalFormatting sqref="${escapeXml(range)}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}">` +
        `<${p}formula>${escapeXml(formula.replace(/^=/, ''))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    );
    return true;
  }

  private maxAddedPriority = 0;

  /** Removes the expression rules with this formula on exactly this range (a format left without rules goes too). */
  removeConditionalFormat(range: string, formula: string): number {
    const key = formulaKey(formula);
    let removed = 0;
    for (const cf of this.conditionalFormats()) {
      if (rangeKey(cf.sqref) !== rangeKey(range)) continue;
      const matching = cf.rules.filter((rule) => rule.expression && formulaKey(rule.formula) === key);
      if (matching.length === 0) continue;
      removed += matching.length;
      if (matching.length === cf.rules.length)
        this.removedRules.push({ start: cf.span.start, end: cf.span.end, text: '' });
      else
        for (const rule of matching)
          this.removedRules.push({ start: rule.span.start, end: rule.span.end, text: '' });
    }
    return removed;
  }

  /** Replaces (or inserts, in schema order) a child element of the worksheet. */
  setElement(name: (typeof WORKSHEET_ORDER)[number], text: string): void {
    const existing = this.children.find((child) => child.name === name);
    if (existing) this.extraSplices.push({ start: existing.start, end: existing.end, text });
    else {
      const at = insertionPoint(this.children, WORKSHEET_ORDER, name, rootElement(this.xml).closeStart);
      this.extraSplices.push({ start: at, end: at, text });
    }
  }

  toXml(): string {
    const splices: Splice[] = [...this.removedRules, ...this.extraSplices];
    if (this.rowsChanged) {
      const sheetData = this.children.find((child) => child.name === 'sheetData');
      const p = this.prefix;
      const rows = (this.rows ?? []).map((row) => row.lead + rowXml(row, p)).join('');
      if (sheetData) {
        const open = sheetData.open.replace(/\s*\/>$/, '>');
        const trailing = sheetData.closeStart === sheetData.end ? '' : this.trailingSpace(sheetData);
        const close =
          sheetData.closeStart === sheetData.end
            ? `</${p}sheetData>`
            : this.xml.slice(sheetData.closeStart, sheetData.end);
        splices.push({
          start: sheetData.start,
          end: sheetData.end,
          text: `${open}${rows}${trailing}${close}`,
        });
      } else {
        const at = insertionPoint(
          this.children,
          WORKSHEET_ORDER,
          'sheetData',
          rootElement(this.xml).closeStart,
        );
        splices.push({ start: at, end: at, text: `<${p}sheetData>${rows}</${p}sheetData>` });
      }
      const dimension = this.children.find((child) => child.name === 'dimension');
      if (dimension && this.written) {
        const ref = attribute(dimension.open, 'ref') ?? '';
        splices.push({
          start: dimension.start,
          end: dimension.end,
          text: withAttribute(dimension.open, 'ref', unionRange(ref, this.written)),
        });
      }
    }
    if (this.addedFormats.length > 0) {
      const formats = this.children.filter((child) => child.name === 'conditionalFormatting');
      const at =
        formats.length > 0
          ? formats[formats.length - 1].end
          : insertionPoint(
              this.children,
              WORKSHEET_ORDER,
              'conditionalFormatting',
              rootElement(this.xml).closeStart,
            );
      splices.push({ start: at, end: at, text: this.addedFormats.join('') });
    }
    return applySplices(this.xml, splices);
  }

  // ── rows and cells ──

  private trailingSpace(sheetData: ElementSpan): string {
    const content = this.xml.slice(sheetData.contentStart, sheetData.closeStart);
    return /\s*$/.exec(content)?.[0] ?? '';
  }

  private allRows(): Row[] {
    if (this.rows) return this.rows;
    const rows: Row[] = [];
    const sheetData = this.children.find((child) => child.name === 'sheetData');
    if (sheetData && sheetData.closeStart > sheetData.contentStart) {
      const content = this.xml.slice(sheetData.contentStart, sheetData.closeStart);
      ROW.lastIndex = 0;
      let at = 0;
      let previous = 0;
      let needsNumbers = false;
      for (let m = ROW.exec(content); m; m = ROW.exec(content)) {
        const text = m[0];
        const open = /^<[^>]*>/.exec(text)?.[0] ?? text;
        const declared = Number(attribute(open, 'r'));
        const r = Number.isInteger(declared) && declared > 0 ? declared : previous + 1;
        if (!(Number.isInteger(declared) && declared > 0)) needsNumbers = true;
        rows.push({ r, lead: content.slice(at, m.index), text, open, cells: null, rest: '' });
        previous = r;
        at = ROW.lastIndex;
      }
      if (needsNumbers) {
        // Rows without `r` count from the previous one: numbered, so that inserted rows keep them in place.
        for (const row of rows) {
          this.cellsOf(row);
          row.open = withAttribute(row.open, 'r', String(row.r));
        }
        this.rowsChanged = true;
      }
    }
    this.rows = rows;
    rows.forEach((row, i) => this.rowIndex.set(row.r, i));
    return rows;
  }

  private row(r: number, create: boolean): Row | null {
    const rows = this.allRows();
    const index = this.rowIndex.get(r);
    if (index !== undefined) return rows[index];
    if (!create) return null;
    const row: Row = { r, lead: '', text: null, open: `<${this.prefix}row r="${r}">`, cells: [], rest: '' };
    if (rows.length === 0 || rows[rows.length - 1].r < r) {
      // Below the last row (the log, a new sheet): no other row moves.
      rows.push(row);
      this.rowIndex.set(r, rows.length - 1);
    } else {
      const at = rows.findIndex((other) => other.r > r);
      rows.splice(at, 0, row);
      this.rowIndex.clear();
      rows.forEach((other, i) => this.rowIndex.set(other.r, i));
    }
    this.rowsChanged = true;
    return row;
  }

  private cellsOf(row: Row): CellEntry[] {
    if (row.cells) return row.cells;
    const text = row.text ?? '';
    const children = childElements(
      text,
      row.open.length,
      text.endsWith('/>') && text === row.open ? text.length : text.lastIndexOf('</'),
    );
    const cells: CellEntry[] = [];
    let previous = -1;
    let rest = '';
    for (const child of children) {
      const childText = text.slice(child.start, child.end);
      if (child.name !== 'c') {
        rest += childText;
        continue;
      }
      const address = attribute(child.open, 'r');
      const col = address ? columnIndex(/^[A-Za-z]+/.exec(address)?.[0] ?? 'A') : previous + 1;
      cells.push({
        col,
        text: address
          ? childText
          : withAttribute(child.open, 'r', `${columnLetter(col)}${row.r}`) +
            childText.slice(child.open.length),
      });
      previous = col;
    }
    row.cells = cells;
    row.rest = rest;
    row.text = null;
    return cells;
  }

  private touch(row: Row, r: number, c: number): void {
    this.rowsChanged = true;
    const spans = attribute(row.open, 'spans');
    if (spans) {
      const [from, to] = spans.split(':').map(Number);
      if (c + 1 < from || c + 1 > to)
        row.open = withAttribute(row.open, 'spans', `${Math.min(from, c + 1)}:${Math.max(to, c + 1)}`);
    }
    const w = this.written;
    this.written = w
      ? {
          top: Math.min(w.top, r),
          left: Math.min(w.left, c),
          bottom: Math.max(w.bottom, r),
          right: Math.max(w.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }

  /** Gives every cell of shared formula `si` its own formula, the first cell's moved to it. */
  private expandSharedFormula(si: string, masterRow: number, masterCol: number, masterText: string): void {
    const f = /<((?:\w+:)?f)\b[^>]*>([\s\S]*?)<\/\1>/.exec(masterText);
    const formula = f ? unescapeXml(f[2]) : '';
    const template = parseFormulaTemplate(formula);
    const marker = `si="${si}"`;
    for (const row of this.allRows()) {
      if (row.text !== null && !row.text.includes(marker)) continue;
      const cells = this.cellsOf(row);
      let touched = false;
      cells.forEach((cell, i) => {
        const fTag = /<((?:\w+:)?f)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/.exec(cell.text);
        if (!fTag || attribute(`<f${fTag[2]}>`, 't') !== 'shared' || attribute(`<f${fTag[2]}>`, 'si') !== si)
          return;
        const own = renderShifted(template, row.r - 1 - masterRow, cell.col - masterCol);
        cells[i] = {
          col: cell.col,
          text: cell.text.replace(fTag[0], `<${fTag[1]}>${escapeXml(own)}</${fTag[1]}>`),
        };
        touched = true;
      });
      if (touched) this.rowsChanged = true;
    }
  }

  private conditionalFormats(): {
    sqref: string;
    span: ElementSpan;
    rules: { expression: boolean; formula: string; priority: number; span: ElementSpan }[];
  }[] {
    return this.children
      .filter((child) => child.name === 'conditionalFormatting')
      .map((cf) => ({
        sqref: attribute(cf.open, 'sqref') ?? '',
        span: cf,
        rules: childrenOf(this.xml, cf)
          .filter((rule) => rule.name === 'cfRule')
          .map((rule) => {
            const formula = childrenOf(this.xml, rule).find((child) => child.name === 'formula');
            return {
              expression: attribute(rule.open, 'type') === 'expression',
              formula: formula ? textOf(this.xml, formula) : '',
              priority: Number(attribute(rule.open, 'priority') ?? 0) || 0,
              span: rule,
            };
          }),
      }));
  }
}

function rowXml(row: Row, prefix: string): string {
  if (row.text !== null) return row.text;
  const cells = (row.cells ?? []).map((cell) => cell.text).join('') + row.rest;
  const open = row.open.replace(/\s*\/>$/, '>');
  const qname = /^<([\w.:-]+)/.exec(open)?.[1] ?? `${prefix}row`;
  return `${open}${cells}</${qname}>`;
}

/** A cell's XML: a formula with its cached result, or a value; a string is inline text, never a formula. */
export function cellXml(address: string, style: number, content: CellContent, prefix: string): string {
  const p = prefix;
  const s = style > 0 ? ` s="${style}"` : '';
  const value = content.value;
  if (content.formula !== undefined) {
    const f = `<${p}f>${escapeXml(content.formula.replace(/^=/, ''))}</${p}f>`;
    if (typeof value === 'string')
      return `<${p}c r="${address}"${s} t="str">${f}<${p}v>${escapeCellText(value)}</${p}v></${p}c>`;
    if (typeof value === 'boolean')
      return `<${p}c r="${address}"${s} t="b">${f}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    if (typeof value === 'number' && Number.isFinite(value))
      return `<${p}c r="${address}"${s}>${f}<${p}v>${value}</${p}v></${p}c>`;
    return `<${p}c r="${address}"${s}>${f}</${p}c>`;
  }
  if (typeof value === 'string') {
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `<${p}c r="${address}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
  }
  if (typeof value === 'boolean')
    return `<${p}c r="${address}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'number' && Number.isFinite(value))
    return `<${p}c r="${address}"${s}><${p}v>${value}</${p}v></${p}c>`;
  return `<${p}c r="${address}"${s}/>`;
}

/** The cell with its content kept and its style index set. */
function restyled(text: string | null, address: string, style: number, prefix: string): string {
  if (text === null) return `<${prefix}c r="${address}"${style > 0 ? ` s="${style}"` : ''}/>`;
  const open = /^<[^>]*>/.exec(text)?.[0] ?? text;
  return withAttribute(open, 's', style > 0 ? String(style) : undefined) + text.slice(open.length);
}

/** `$G$27:$G$44` → `G27:G44`; several areas stay several. */
export function rangeKey(range: string): string {
  return range.replace(/\$/g, '').trim().toUpperCase().replace(/\s+/g, ' ');
}

function unionRange(
  ref: string,
  written: { top: number; left: number; bottom: number; right: number },
): string {
  const [first, second] = ref.split(':');
  const a = first ? parseA1(first) : null;
  const b = second ? parseA1(second) : a;
  const top = Math.min(written.top, a?.row ?? written.top, b?.row ?? written.top);
  const left = Math.min(written.left, a?.col ?? written.left, b?.col ?? written.left);
  const bottom = Math.max(written.bottom, a?.row ?? 0, b?.row ?? 0);
  const right = Math.max(written.right, a?.col ?? 0, b?.col ?? 0);
  const start = `${columnLetter(left)}${top + 1}`;
  const end = `${columnLetter(right)}${bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}
