/**
 * An in-memory WorkbookHost for the pane's component tests: it holds a Grid, applies plans to it
 * in the simplest faithful way (cell writes, new/deleted sheets) and records every call.
 * Not the fake Excel of the playground: the pane must work with any WorkbookHost.
 */
import { LOG_HEADER, LOG_SHEET, logRowValues } from '../../src/engine';
import type { CellValue, Grid, LogEntry, SheetGrid, WritePlan } from '../../src/engine';
import type { ApplyResult, WorkbookHost } from '../../src/engine';

export interface MemoryHost extends WorkbookHost {
  grid: Grid;
  applied: WritePlan[];
  selections: { sheet: string; cell: string }[];
  reads: number;
}

/** A sheet from rows of values starting at A1: numbers stay numbers, strings stay text. */
export function sheetFromRows(name: string, rows: CellValue[][]): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    name,
    top: 0,
    left: 0,
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => 'General')),
  };
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function writeCell(
  sheet: SheetGrid,
  address: string,
  value: CellValue,
  formula: string | null,
  format?: string,
) {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(`bad address ${address}`);
  const r = Number(match[2]) - 1 - sheet.top;
  const c = columnIndex(match[1]) - sheet.left;
  while (sheet.values.length <= r) {
    sheet.values.push([]);
    sheet.formulas.push([]);
    sheet.numberFormats.push([]);
  }
  for (const rows of [sheet.values, sheet.formulas, sheet.numberFormats]) {
    for (const row of rows as unknown[][])
      while (row.length <= c) row.push(rows === sheet.numberFormats ? 'General' : null);
  }
  sheet.values[r][c] = value;
  sheet.formulas[r][c] = formula;
  if (format) sheet.numberFormats[r][c] = format;
}

/** Appends log rows below the last used row of the log sheet, creating it with its header, as hosts do. */
function appendLog(grid: Grid, entries: LogEntry[]) {
  if (entries.length === 0) return;
  let sheet = grid.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) {
    sheet = sheetFromRows(LOG_SHEET, [[...LOG_HEADER]]);
    grid.sheets.push(sheet);
  }
  for (const entry of entries) {
    const row: CellValue[] = logRowValues(entry);
    sheet.values.push(row);
    sheet.formulas.push(row.map(() => null));
    sheet.numberFormats.push(row.map(() => 'General'));
  }
}

export function createMemoryHost(grid: Grid): MemoryHost {
  const host: MemoryHost = {
    grid,
    applied: [],
    selections: [],
    reads: 0,
    async read() {
      host.reads += 1;
      return JSON.parse(JSON.stringify(host.grid)) as Grid;
    },
    async apply(plan: WritePlan): Promise<ApplyResult> {
      host.applied.push(plan);
      const byName = (name: string) =>
        host.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      host.grid.sheets = host.grid.sheets.filter((s) => !plan.deleteSheets.includes(s.name));
      const created: string[] = [];
      for (const sheetPlan of plan.sheets) {
        host.grid.sheets = host.grid.sheets.filter((s) => s !== byName(sheetPlan.name));
        const sheet = sheetFromRows(sheetPlan.name, [[]]);
        host.grid.sheets.push(sheet);
        created.push(sheetPlan.name);
        for (const write of sheetPlan.cells) {
          writeCell(
            sheet,
            write.cell,
            (write.value ?? null) as CellValue,
            write.formula ?? null,
            write.numberFormat,
          );
        }
      }
      for (const write of plan.cells) {
        const sheet = byName(write.sheet);
        if (!sheet) throw new Error(`no sheet ${write.sheet}`);
        writeCell(
          sheet,
          write.cell,
          (write.value ?? null) as CellValue,
          write.formula ?? null,
          write.numberFormat,
        );
      }
      appendLog(host.grid, plan.log);
      const cellsWritten = plan.cells.length + plan.sheets.reduce((n, s) => n + s.cells.length, 0);
      return { cellsWritten, sheetsCreated: created, syncs: 2 };
    },
    async select(sheet: string, cell: string) {
      host.selections.push({ sheet, cell });
    },
  };
  return host;
}
