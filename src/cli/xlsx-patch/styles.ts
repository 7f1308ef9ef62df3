/**
 * The workbook's styles (`xl/styles.xml`) as a list per collection, to which the patcher only
 * appends: a cell's style index keeps meaning what it meant, in every sheet. A written cell gets
 * its old cell format with only what the plan sets changed (the font in bold, a fill, a border,
 * an alignment, a number format), found among the existing entries when one is the same.
 */
import type { CellAlign } from '../../engine/plan';
import { attribute, childrenOf, escapeXml, insertionPoint, rootElement, withAttribute } from './xml';

/** The style changes of one cell write. */
export interface StyleChange {
  numberFormat?: string;
  bold?: boolean;
  wrap?: boolean;
  border?: 'thin';
  /** `#RRGGBB`. */
  fill?: string;
  align?: CellAlign;
}

/** Order of the children of `<styleSheet>` (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;

type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const CHILD: Record<Collection, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** The number formats Excel knows without declaring them, by id. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00;(#,##0.00)': 39,
  '#,##0.00;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StylesPatch {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly existing: Record<Collection, string[]>;
  private readonly added: Record<Collection, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
    dxfs: [],
  };
  private readonly numFmtIds = new Map<string, number>();
  private readonly memo = new Map<string, number>();

  /** `xml` is the styles part, `null` when the package has none (one is then written). */
  constructor(xml: string | null) {
    this.xml = xml ?? MINIMAL_STYLES;
    const root = rootElement(this.xml);
    this.prefix = root.prefix;
    const sections = childrenOf(this.xml, root);
    const list = (collection: Collection): string[] => {
      const section = sections.find((s) => s.name === collection);
      if (!section) return [];
      return childrenOf(this.xml, section)
        .filter((child) => child.name === CHILD[collection])
        .map((child) => this.xml.slice(child.start, child.end));
    };
    this.existing = {
      numFmts: list('numFmts'),
      fonts: list('fonts'),
      fills: list('fills'),
      borders: list('borders'),
      cellXfs: list('cellXfs'),
      dxfs: list('dxfs'),
    };
    for (const numFmt of this.existing.numFmts) {
      const code = attribute(numFmt, 'formatCode');
      const id = Number(attribute(numFmt, 'numFmtId'));
      if (code !== undefined && Number.isInteger(id) && !this.numFmtIds.has(code))
        this.numFmtIds.set(code, id);
    }
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return Object.values(this.added).some((entries) => entries.length > 0);
  }

  /** The cell format index for a cell of format `base` with `change` applied. */
  cellFormat(base: number, change: StyleChange): number {
    const key = `${base}|${JSON.stringify(change)}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const index = this.derive(base, change);
    this.memo.set(key, index);
    return index;
  }

  /** A differential format for a conditional format: font colour and solid fill. */
  differentialFormat(fill: string, fontColor: string): number {
    const p = this.prefix;
    const dxf =
      `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`;
    return this.entry('dxfs', dxf);
  }

  /** The styles part with the appended entries and the collections' counts updated. */
  toXml(): string {
    let xml = this.xml;
    const root = rootElement(xml);
    const sections = childrenOf(xml, root);
    const splices: { at: number; end: number; text: string }[] = [];
    for (const collection of Object.keys(this.added) as Collection[]) {
      const added = this.added[collection];
      if (added.length === 0) continue;
      const count = this.existing[collection].length + added.length;
      const section = sections.find((s) => s.name === collection);
      const p = this.prefix;
      if (section) {
        const open = withAttribute(section.open.replace(/\/>$/, '>'), 'count', String(count));
        const content = xml.slice(section.contentStart, section.closeStart);
        const close =
          section.closeStart === section.end
            ? `</${p}${collection}>`
            : xml.slice(section.closeStart, section.end);
        splices.push({
          at: section.start,
          end: section.end,
          text: `${open}${content}${added.join('')}${close}`,
        });
      } else {
        const at = insertionPoint(sections, STYLESHEET_ORDER, collection, root.closeStart);
        splices.push({
          at,
          end: at,
          text: `<${p}${collection} count="${count}">${added.join('')}</${p}${collection}>`,
        });
      }
    }
    splices.sort((a, b) => b.at - a.at);
    for (const splice of splices) xml = xml.slice(0, splice.at) + splice.text + xml.slice(splice.end);
    return xml;
  }

  private derive(base: number, change: StyleChange): number {
    const p = this.prefix;
    const baseXf =
      this.get('cellXfs', base) ??
      this.get('cellXfs', 0) ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = /^<[^>]*?\/?>/.exec(baseXf)?.[0] ?? baseXf;
    const selfClosing = open.endsWith('/>');
    if (selfClosing) open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
    let children = selfClosing ? '' : baseXf.slice(open.length, baseXf.lastIndexOf('</'));

    if (change.numberFormat !== undefined) {
      open = setId(open, 'numFmtId', 'applyNumberFormat', String(this.numberFormatId(change.numberFormat)));
    }
    if (change.bold !== undefined) {
      const font =
        this.get('fonts', Number(attribute(open, 'fontId') ?? 0)) ??
        `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
      open = setId(open, 'fontId', 'applyFont', String(this.entry('fonts', withBold(font, change.bold, p))));
    }
    if (change.fill !== undefined) {
      const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(change.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
      open = setId(open, 'fillId', 'applyFill', String(this.entry('fills', fill)));
    }
    if (change.border === 'thin') {
      const side = (name: string): string =>
        `<${p}${name} style="thin"><${p}color rgb="FF000000"/></${p}${name}>`;
      const border = `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
      open = setId(open, 'borderId', 'applyBorder', String(this.entry('borders', border)));
    }
    if (change.wrap !== undefined || change.align !== undefined) {
      const existing = /<(?:\w+:)?alignment\b[^>]*?\/?>(?:<\/(?:\w+:)?alignment>)?/.exec(children);
      let alignment = existing ? existing[0].replace(/><\/(?:\w+:)?alignment>$/, '/>') : `<${p}alignment/>`;
      if (change.wrap !== undefined)
        alignment = withAttribute(alignment, 'wrapText', change.wrap ? '1' : undefined);
      if (change.align?.horizontal)
        alignment = withAttribute(alignment, 'horizontal', change.align.horizontal);
      if (change.align?.vertical) alignment = withAttribute(alignment, 'vertical', change.align.vertical);
      // CT_Xf: alignment, then protection, then extLst.
      children = existing ? children.replace(existing[0], alignment) : alignment + children;
      open = withAttribute(open, 'applyAlignment', '1');
    }
    const xf = children === '' ? `${open.slice(0, -1)}/>` : `${open}${children}</${p}xf>`;
    return this.entry('cellXfs', xf);
  }

  private numberFormatId(code: string): number {
    const declared = this.numFmtIds.get(code);
    if (declared !== undefined) return declared;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const used = [...this.numFmtIds.values()];
    const id = Math.max(163, ...used) + 1;
    this.numFmtIds.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private get(collection: Collection, index: number): string | undefined {
    const existing = this.existing[collection];
    return index < existing.length ? existing[index] : this.added[collection][index - existing.length];
  }

  /** The index of an entry equal to `xml`, appended when there is none. */
  private entry(collection: Collection, xml: string): number {
    const existing = this.existing[collection];
    const found = existing.indexOf(xml);
    if (found >= 0) return found;
    const added = this.added[collection].indexOf(xml);
    if (added >= 0) return existing.length + added;
    this.added[collection].push(xml);
    return existing.length + this.added[collection].length - 1;
  }
}

/** The start tag with `id` set, and its `apply…` flag when that changes it. */
function setId(open: string, name: string, apply: string, id: string): string {
  if ((attribute(open, name) ?? '0') === id) return open;
  return withAttribute(withAttribute(open, name, id), apply, '1');
}

/** The font with `<b/>` set or cleared (CT_Font's children come in any order). */
function withBold(font: string, bold: boolean, prefix: string): string {
  const cleared = font.replace(/<(?:\w+:)?b(?:\s+val="[^"]*")?\s*\/>/g, '');
  if (!bold) return cleared;
  if (/^<[^>]*\/>$/.test(cleared))
    return `${cleared.slice(0, -2).replace(/\s+$/, '')}><${prefix}b/></${prefix}font>`;
  const openEnd = cleared.indexOf('>') + 1;
  return `${cleared.slice(0, openEnd)}<${prefix}b/>${cleared.slice(openEnd)}`;
}

/** `#FFC7CE` or `FFC7CE` → `FFFFC7CE` (opaque ARGB). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}
