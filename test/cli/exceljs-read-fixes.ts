/**
 * Two reading bugs of ExcelJS 4.4.0 (pinned) that would lose data, fixed where they happen.
 *
 * 1. A formula whose cached result is the empty string (`=IF(A7=0,"",B7/A7)` on a zero row) is
 *    stored as `<c t="str"><f>…</f><v></v></c>`; ExcelJS only keeps a result when `<v>` has text,
 *    so the cached "" came back as "no cached value".
 * 2. A table (ListObject) without a `headerRowCount` attribute has one header row (the default
 *    of the file format, and what Excel writes); ExcelJS read it as "no header row", and wrote
 *    `headerRowCount="0"` into every copy, turning the header into a data row.
 *    (Reported as fslaborg/FsSpreadsheet#69 against the same line of table-xform.js.)
 */

interface XformNode {
  name: string;
  attributes: Record<string, string | undefined>;
}

interface CellXformInternals {
  t?: string;
  model: { formula?: string; shareType?: string; value?: unknown; result?: unknown };
  parseClose(name: string): boolean;
}

interface TableXformInternals {
  tag: string;
  model: { headerRow?: boolean };
  parser?: unknown;
  parseOpen(node: XformNode): boolean;
}

interface Patchable<T> {
  prototype: T & { porTablesFixed?: boolean };
}

let applied = false;

export function applyExcelJsReadFixes(): void {
  if (applied) return;
  applied = true;
  // ExcelJS's internal xforms have no ES entry point; they are loaded only when a workbook is opened.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform') as Patchable<CellXformInternals>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const TableXform = require('exceljs/lib/xlsx/xform/table/table-xform') as Patchable<TableXformInternals>;

  const cell = CellXform.prototype;
  if (!cell.porTablesFixed) {
    cell.porTablesFixed = true;
    const parseClose = cell.parseClose;
    cell.parseClose = function parseCloseKeepingEmptyResult(this: CellXformInternals, name: string): boolean {
      const emptyStringResult =
        name === 'c' &&
        this.t === 'str' &&
        (this.model.formula !== undefined || this.model.shareType !== undefined) &&
        !this.model.value;
      const result = parseClose.call(this, name);
      if (emptyStringResult) this.model.result = '';
      return result;
    };
  }

  const table = TableXform.prototype;
  if (!table.porTablesFixed) {
    table.porTablesFixed = true;
    const parseOpen = table.parseOpen;
    table.parseOpen = function parseOpenWithHeaderDefault(
      this: TableXformInternals,
      node: XformNode,
    ): boolean {
      const isTableElement = !this.parser && node.name === this.tag;
      const result = parseOpen.call(this, node);
      if (isTableElement) this.model.headerRow = node.attributes.headerRowCount !== '0';
      return result;
    };
  }
}
