/**
 * `xl/workbook.xml` and its relationships, patched: sheets added, replaced in place or deleted
 * (the defined names local to later sheets follow their sheet), print titles, recalculation on
 * load, the selected tab kept on a sheet that exists. Everything else in the part stays as it was.
 */
import type { OpcPackage } from './package';
import { attribute, childrenOf, escapeXml, insertionPoint, rootElement, withAttribute } from './xml';
import type { ElementSpan } from './xml';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET_TYPE = /\/worksheet$/;
const CALC_CHAIN_TYPE = /\/calcChain$/;
const STYLES_TYPE = /\/styles$/;
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const TRANSITIONAL_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Order of the children of `<workbook>` (CT_Workbook). */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

export interface SheetEntry {
  name: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`); `null` for a chart sheet or a broken relationship. */
  part: string | null;
  worksheet: boolean;
}

export class WorkbookPatch {
  readonly part: string;
  private readonly relsNamespace: string;

  constructor(private readonly pkg: OpcPackage) {
    const main = pkg.relationships('').find((rel) => OFFICE_DOCUMENT.test(rel.type) && rel.part !== null);
    this.part = pkg.resolve(main?.part ?? 'xl/workbook.xml') ?? 'xl/workbook.xml';
    const sheetRel = pkg.relationships(this.part).find((rel) => WORKSHEET_TYPE.test(rel.type));
    this.relsNamespace = sheetRel ? sheetRel.type.replace(/\/worksheet$/, '') : TRANSITIONAL_RELS;
  }

  private get xml(): string {
    const xml = this.pkg.text(this.part);
    if (xml === null) throw new Error('the package has no workbook part');
    return xml;
  }

  private children(): ElementSpan[] {
    const xml = this.xml;
    return childrenOf(xml, rootElement(xml));
  }

  private sheetElements(): ElementSpan[] {
    const sheets = this.children().find((child) => child.name === 'sheets');
    return sheets ? childrenOf(this.xml, sheets).filter((child) => child.name === 'sheet') : [];
  }

  /** The sheets, in tab order. */
  sheets(): SheetEntry[] {
    const rels = new Map(this.pkg.relationships(this.part).map((rel) => [rel.id, rel]));
    return this.sheetElements().map((sheet) => {
      const rel = rels.get(relationshipId(sheet.open) ?? '');
      const part = rel?.part ? this.pkg.resolve(rel.part) : null;
      return {
        name: attribute(sheet.open, 'name') ?? '',
        part,
        worksheet: rel ? WORKSHEET_TYPE.test(rel.type) : false,
      };
    });
  }

  /** The tab index of a sheet (names compared as Excel does, without case); -1 when absent. */
  indexOf(name: string): number {
    const key = name.toLowerCase();
    return this.sheets().findIndex((sheet) => sheet.name.toLowerCase() === key);
  }

  /** The styles part, created (with its relationship) when the package has none. */
  stylesPart(): { part: string; exists: boolean } {
    const rel = this.pkg.relationships(this.part).find((r) => STYLES_TYPE.test(r.type) && r.part !== null);
    const part = rel?.part ? this.pkg.resolve(rel.part) : null;
    if (part) return { part, exists: true };
    return { part: 'xl/styles.xml', exists: false };
  }

  addStylesPart(part: string): void {
    this.pkg.addRelationship(this.part, `${this.relsNamespace}/styles`, part);
    this.pkg.setContentType(part, STYLES_CONTENT_TYPE);
  }

  /** Deletes a sheet: its tab, the names local to it, its part; later sheets' local names move down one. */
  deleteSheet(index: number): string | null {
    const element = this.sheetElements()[index];
    const entry = this.sheets()[index];
    if (!element) return null;
    const id = relationshipId(element.open);
    this.edit([{ start: element.start, end: element.end, text: '' }]);
    this.shiftLocalNames(index, 'delete');
    this.pkg.removeRelationships(this.part, (rel) => rel.id === id);
    this.keepViewsInRange(index);
    return entry?.part ?? null;
  }

  /**
   * Puts a new worksheet part in the tab of sheet `index` (replacing it), or after the last tab
   * when `index` is -1. Returns the old sheet's part when one was replaced.
   */
  putSheet(name: string, xml: string, index: number): string | null {
    const part = this.newSheetPartName();
    this.pkg.setText(part, xml);
    this.pkg.setContentType(part, WORKSHEET_CONTENT_TYPE);
    const id = this.pkg.addRelationship(this.part, `${this.relsNamespace}/worksheet`, part);
    const elements = this.sheetElements();
    const ids = elements.map((sheet) => Number(attribute(sheet.open, 'sheetId')) || 0);
    const sheetId = Math.max(0, ...ids) + 1;
    const element = `<${this.prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${id}"/>`;
    const replaced = index >= 0 ? elements[index] : undefined;
    if (replaced) {
      const old = this.sheets()[index];
      const oldId = relationshipId(replaced.open);
      // The new sheet takes the old one's tab, state (hidden) kept.
      const state = attribute(replaced.open, 'state');
      const tag = state ? withAttribute(element, 'state', state) : element;
      this.edit([{ start: replaced.start, end: replaced.end, text: this.withRelationshipsPrefix(tag) }]);
      this.shiftLocalNames(index, 'replace');
      this.pkg.removeRelationships(this.part, (rel) => rel.id === oldId);
      return old?.part ?? null;
    }
    const sheets = this.children().find((child) => child.name === 'sheets');
    if (!sheets) throw new Error('the workbook part has no <sheets>');
    const tag = this.withRelationshipsPrefix(element);
    if (sheets.closeStart === sheets.end)
      this.edit([
        {
          start: sheets.start,
          end: sheets.end,
          text: `${sheets.open.replace(/\s*\/>$/, '>')}${tag}</${this.prefix}sheets>`,
        },
      ]);
    else this.edit([{ start: sheets.closeStart, end: sheets.closeStart, text: tag }]);
    return null;
  }

  /** Sets a defined name local to sheet `index` (`_xlnm.Print_Titles`), replacing one of the same name. */
  setLocalName(name: string, index: number, formula: string): void {
    this.removeNames((n, local) => n === name && local === index);
    const p = this.prefix;
    const element = `<${p}definedName name="${escapeXml(name)}" localSheetId="${index}">${escapeXml(formula)}</${p}definedName>`;
    const children = this.children();
    const names = children.find((child) => child.name === 'definedNames');
    if (names && names.closeStart !== names.end)
      this.edit([{ start: names.closeStart, end: names.closeStart, text: element }]);
    else if (names)
      this.edit([
        { start: names.start, end: names.end, text: `<${p}definedNames>${element}</${p}definedNames>` },
      ]);
    else {
      const at = insertionPoint(children, WORKBOOK_ORDER, 'definedNames', rootElement(this.xml).closeStart);
      this.edit([{ start: at, end: at, text: `<${p}definedNames>${element}</${p}definedNames>` }]);
    }
  }

  /** Asks the application to recalculate every formula on load: the cached results are ours. */
  setFullCalcOnLoad(): void {
    const children = this.children();
    const calcPr = children.find((child) => child.name === 'calcPr');
    if (calcPr) {
      const open = withAttribute(calcPr.open, 'fullCalcOnLoad', '1');
      this.edit([{ start: calcPr.start, end: calcPr.start + calcPr.open.length, text: open }]);
    } else {
      const at = insertionPoint(children, WORKBOOK_ORDER, 'calcPr', rootElement(this.xml).closeStart);
      this.edit([{ start: at, end: at, text: `<${this.prefix}calcPr fullCalcOnLoad="1"/>` }]);
    }
  }

  /** Drops the calculation chain (a cache Excel rebuilds), which names cells whose formulas changed. */
  dropCalcChain(): void {
    const rels = this.pkg.relationships(this.part).filter((rel) => CALC_CHAIN_TYPE.test(rel.type));
    for (const rel of rels) if (rel.part) this.pkg.removePart(rel.part);
    if (rels.length > 0) this.pkg.removeRelationships(this.part, (rel) => CALC_CHAIN_TYPE.test(rel.type));
  }

  private get prefix(): string {
    return rootElement(this.xml).prefix;
  }

  /** `r:id` with the prefix the workbook binds to the relationships namespace. */
  private withRelationshipsPrefix(element: string): string {
    const root = rootElement(this.xml).open;
    const m = new RegExp(
      `xmlns:([\\w.-]+)="${this.relsNamespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`,
    ).exec(root);
    if (m && m[1] !== 'r') return element.replace(' r:id=', ` ${m[1]}:id=`);
    if (!m) {
      // No prefix bound in the root: bind one on the element itself.
      return element.replace(' r:id=', ` xmlns:r="${this.relsNamespace}" r:id=`);
    }
    return element;
  }

  private newSheetPartName(): string {
    const folder = this.part.slice(0, this.part.lastIndexOf('/') + 1);
    for (let n = 1; ; n++) {
      const candidate = `${folder}worksheets/sheet${n}.xml`;
      if (!this.pkg.has(candidate)) return candidate;
    }
  }

  private definedNames(): { span: ElementSpan; name: string; local: number | null }[] {
    const names = this.children().find((child) => child.name === 'definedNames');
    if (!names) return [];
    return childrenOf(this.xml, names)
      .filter((child) => child.name === 'definedName')
      .map((span) => {
        const local = attribute(span.open, 'localSheetId');
        return {
          span,
          name: attribute(span.open, 'name') ?? '',
          local: local === undefined ? null : Number(local),
        };
      });
  }

  private removeNames(drop: (name: string, local: number | null) => boolean): void {
    const edits = this.definedNames()
      .filter((n) => drop(n.name, n.local))
      .map((n) => ({ start: n.span.start, end: n.span.end, text: '' }));
    if (edits.length > 0) this.edit(edits);
  }

  /**
   * The names local to sheet `index` go with it; when the sheet is deleted, the names of the sheets
   * after it move down one, so each stays with its sheet.
   */
  private shiftLocalNames(index: number, change: 'delete' | 'replace'): void {
    this.removeNames((_, local) => local === index);
    if (change === 'replace') return;
    const edits = this.definedNames()
      .filter((n) => n.local !== null && n.local > index)
      .map((n) => ({
        start: n.span.start,
        end: n.span.start + n.span.open.length,
        text: withAttribute(n.span.open, 'localSheetId', String((n.local as number) - 1)),
      }));
    if (edits.length > 0) this.edit(edits);
  }

  /** After deleting tab `index`: the selected and first visible tabs stay on sheets that exist. */
  private keepViewsInRange(index: number): void {
    const count = this.sheetElements().length;
    const views = this.children().find((child) => child.name === 'bookViews');
    if (!views) return;
    const edits = childrenOf(this.xml, views)
      .filter((view) => view.name === 'workbookView')
      .map((view) => {
        let open = view.open;
        for (const name of ['activeTab', 'firstSheet']) {
          const value = Number(attribute(open, name) ?? 0);
          let next = value > index ? value - 1 : value;
          if (next >= count) next = 0;
          if (next !== value) open = withAttribute(open, name, String(next));
        }
        return { start: view.start, end: view.start + view.open.length, text: open };
      });
    this.edit(edits);
  }

  private edit(edits: { start: number; end: number; text: string }[]): void {
    let xml = this.xml;
    for (const e of [...edits].sort((a, b) => b.start - a.start))
      xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
    this.pkg.setText(this.part, xml);
  }
}

/** The `r:id` of a `<sheet>` element, whatever prefix binds the relationships namespace. */
function relationshipId(open: string): string | undefined {
  return /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(open)?.[1];
}
