/**
 * A WritePlan applied to an .xlsx package in place: only the parts the plan writes to are edited
 * (the sheets it writes, the workbook, its relationships and content types, the styles), and in
 * those only what it writes. Charts, pivot tables, macros, images, notes and every other sheet
 * stay byte for byte as they were.
 */
import { LOG_HEADER, LOG_SHEET, logRowValues } from '../../engine/plan';
import type { CellWrite, PageFooter, SheetPlan, WritePlan } from '../../engine/plan';
import { columnLetter, parseRange, sheetRef } from '../../engine/address';
import type { OpcPackage } from './package';
import { SheetPatch } from './sheet';
import type { CellContent } from './sheet';
import { StylesPatch } from './styles';
import type { StyleChange } from './styles';
import { WorkbookPatch } from './workbook';
import { escapeCellText, rootElement } from './xml';

export interface ApplySummary {
  /** Cells written into existing sheets. */
  cellsWritten: number;
  /** Cells written into new (or replaced) sheets. */
  sheetCellsWritten: number;
  sheetsCreated: string[];
  sheetsReplaced: string[];
  sheetsDeleted: string[];
  conditionalFormatsAdded: number;
  /** Conditional formats removed (the undo of a flag). */
  conditionalFormatsRemoved: number;
  logRowsAppended: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const LOG_COLUMN_WIDTHS = [22, 10, 16, 20, 8, 24, 18, 40];

/** Applies `plan` to the package; the parts it does not need are left as they are. */
export function applyPlanToPackage(pkg: OpcPackage, plan: WritePlan): ApplySummary {
  const summary: ApplySummary = {
    cellsWritten: 0,
    sheetCellsWritten: 0,
    sheetsCreated: [],
    sheetsReplaced: [],
    sheetsDeleted: [],
    conditionalFormatsAdded: 0,
    conditionalFormatsRemoved: 0,
    logRowsAppended: 0,
  };
  const reachableBefore = pkg.reachableParts();
  const book = new WorkbookPatch(pkg);
  const stylesPart = book.stylesPart();
  const styles = new StylesPatch(stylesPart.exists ? pkg.text(stylesPart.part) : null);
  const patches = new Map<string, SheetPatch>();
  const namespace = /\sxmlns="([^"]*)"/.exec(rootElement(pkg.text(book.part) ?? '<x/>').open)?.[1] ?? MAIN_NS;
  let sheetsChanged = false;

  const byName = new Map<string, SheetPatch>();
  const sheetPatch = (name: string, required: boolean): SheetPatch | null => {
    const known = byName.get(name);
    if (known) return known;
    const index = book.indexOf(name);
    const part = index >= 0 ? book.sheets()[index].part : null;
    if (part === null || !book.sheets()[index].worksheet) {
      // The engine plans cells only in sheets of the Grid it was given, or in sheets the plan creates.
      if (required) throw new Error(`the plan writes into sheet "${name}", which the workbook does not have`);
      return null;
    }
    let patch = patches.get(part);
    if (!patch) {
      patch = new SheetPatch(pkg.text(part) ?? '');
      patches.set(part, patch);
    }
    byName.set(name, patch);
    return patch;
  };
  const flushSheet = (name: string): void => {
    // A sheet about to be replaced or deleted: whatever was patched in it goes with it.
    const index = book.indexOf(name);
    const part = index >= 0 ? book.sheets()[index].part : null;
    if (part) patches.delete(part);
    byName.clear();
  };

  for (const name of plan.deleteSheets) {
    const index = book.indexOf(name);
    if (index < 0) continue;
    flushSheet(name);
    book.deleteSheet(index);
    summary.sheetsDeleted.push(name);
    sheetsChanged = true;
  }
  for (const sheetPlan of plan.sheets) {
    const index = book.indexOf(sheetPlan.name);
    flushSheet(sheetPlan.name);
    book.putSheet(sheetPlan.name, buildSheet(sheetPlan, styles, namespace), index);
    (index >= 0 ? summary.sheetsReplaced : summary.sheetsCreated).push(sheetPlan.name);
    summary.sheetCellsWritten += sheetPlan.cells.length;
    if (sheetPlan.printTitleRows) {
      const [first, last] = sheetPlan.printTitleRows.split(':');
      book.setLocalName(
        '_xlnm.Print_Titles',
        book.indexOf(sheetPlan.name),
        sheetRef(sheetPlan.name, `$${first}:$${last ?? first}`),
      );
    }
    sheetsChanged = true;
  }
  for (const write of plan.cells) {
    (sheetPatch(write.sheet, true) as SheetPatch).write(
      write.cell,
      contentOf(write),
      changeOf(write),
      styles,
    );
    summary.cellsWritten++;
  }
  for (const removal of plan.removeConditionalFormats ?? []) {
    // A sheet deleted since the flag took its formats with it.
    const patch = sheetPatch(removal.sheet, false);
    if (patch)
      summary.conditionalFormatsRemoved += patch.removeConditionalFormat(removal.range, removal.formula);
  }
  for (const format of plan.conditionalFormats) {
    const patch = sheetPatch(format.sheet, true) as SheetPatch;
    if (patch.hasConditionalFormat(format.range, format.formula)) continue;
    const dxf = styles.differentialFormat(format.fill, format.fontColor);
    if (patch.addConditionalFormat(format.range, format.formula, dxf)) summary.conditionalFormatsAdded++;
  }
  if (plan.log.length > 0) {
    if (book.indexOf(LOG_SHEET) < 0) {
      book.putSheet(LOG_SHEET, buildSheet(logSheetPlan(), styles, namespace), -1);
      sheetsChanged = true;
    }
    const log = sheetPatch(LOG_SHEET, true) as SheetPatch;
    const last = log.lastUsedRow();
    plan.log.forEach((entry, i) => {
      logRowValues(entry).forEach((value, c) => {
        // Plain values only: an old or new formula is logged as its text.
        if (value !== null) log.write(`${columnLetter(c)}${last + 1 + i}`, { value }, {}, styles);
      });
    });
    summary.logRowsAppended = plan.log.length;
  }

  let formulasChanged = sheetsChanged;
  for (const [part, patch] of patches) {
    if (!patch.changed) continue;
    pkg.setText(part, patch.toXml());
    formulasChanged ||= patch.formulasChanged;
  }
  if (styles.changed) {
    pkg.setText(stylesPart.part, styles.toXml());
    if (!stylesPart.exists) book.addStylesPart(stylesPart.part);
  }
  const wroteAnything = sheetsChanged || [...patches.values()].some((patch) => patch.changed);
  if (formulasChanged) book.dropCalcChain();
  if (wroteAnything) book.setFullCalcOnLoad();
  // Parts only the deleted or replaced sheets used (their drawings, comments, tables) go with them.
  const reachableAfter = pkg.reachableParts();
  for (const part of reachableBefore) if (!reachableAfter.has(part)) pkg.removePart(part);
  return summary;
}

function contentOf(write: CellWrite): CellContent {
  if (write.formula !== undefined) return { formula: write.formula, value: write.value ?? null };
  if (write.value !== undefined) return { value: write.value };
  return {};
}

function changeOf(write: CellWrite): StyleChange {
  const change: StyleChange = {};
  if (write.numberFormat !== undefined) change.numberFormat = write.numberFormat;
  if (write.bold !== undefined) change.bold = write.bold;
  if (write.wrap !== undefined) change.wrap = write.wrap;
  if (write.border !== undefined) change.border = write.border;
  if (write.fill !== undefined) change.fill = write.fill;
  if (write.align !== undefined) change.align = write.align;
  return change;
}

function logSheetPlan(): SheetPlan {
  return {
    name: LOG_SHEET,
    replace: false,
    cells: LOG_HEADER.map((title, c) => ({
      sheet: LOG_SHEET,
      cell: `${columnLetter(c)}1`,
      value: title,
      bold: true,
    })),
    columnWidths: LOG_COLUMN_WIDTHS,
  };
}

/** A new worksheet part for a sheet of the plan: cells, widths, merges, row heights, print setup, footer. */
function buildSheet(plan: SheetPlan, styles: StylesPatch, namespace: string): string {
  const fit = plan.print?.fitToWidth === true;
  const cols = (plan.columnWidths ?? [])
    .map((width, c) =>
      width > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>` : '',
    )
    .join('');
  const merges = plan.merges ?? [];
  const skeleton =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${namespace}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData/>' +
    (merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>`
      : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (plan.print
      ? `<pageSetup paperSize="9" orientation="${plan.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`
      : '') +
    (plan.footer
      ? `<headerFooter><oddFooter>${escapeCellText(footerText(plan.footer))}</oddFooter></headerFooter>`
      : '') +
    '</worksheet>';
  const sheet = new SheetPatch(skeleton);
  for (const write of plan.cells) sheet.write(write.cell, contentOf(write), changeOf(write), styles);
  // A merged range prints the borders and fill of all its cells: they take the style of its first one.
  for (const range of merges) {
    const area = parseRange(range);
    if (!area) continue;
    const style = sheet.styleOf(`${columnLetter(area.left)}${area.top + 1}`);
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++)
        if (row !== area.top || col !== area.left) sheet.setStyle(`${columnLetter(col)}${row + 1}`, style);
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    sheet.setRowHeight(Number(row) + 1, height);
  return sheet.toXml();
}

/** Excel's header/footer section codes: `&L…&C…&R…`. */
function footerText(footer: PageFooter): string {
  return `${footer.left ? `&L${footer.left}` : ''}${footer.center ? `&C${footer.center}` : ''}${footer.right ? `&R${footer.right}` : ''}`;
}
