import type { Grid } from '../engine/grid';
import type { WritePlan } from '../engine/plan';
import type { ApplyResult, WorkbookHost } from '../engine';
import { planWrites, runSteps } from './apply-plan';
import { findConditionalFormats } from './conditional-formats';
import { officeErrorCode } from './office-errors';
import { supportsPrintSetup } from './office-environment';
import { readWorkbook, type WorkbookShape } from './read-workbook';

/**
 * The WorkbookHost over Office.js (real Excel, or the fake Excel of the playground and tests).
 * Sync counts per call, independent of the size of the tables:
 * - `read`: 1 (2 on the first read of a session, or after the user added a sheet or table);
 * - `apply`: 1 after a read (2 if no read came before), more only when Excel refuses a request for size;
 *   a plan that removes conditional formats (the undo of Segnala) takes 1 more to find them (2 more
 *   only when a format with the same rule also reaches outside the flagged range);
 * - `select`: 1.
 */
export interface ExcelHost extends WorkbookHost {
  /** The sheet and table names the host knows from its last request (for tests and diagnostics). */
  knownShape(): WorkbookShape | null;
}

export function createExcelHost(): ExcelHost {
  let shape: WorkbookShape | null = null;

  async function read(): Promise<Grid> {
    const result = await readWorkbook(shape);
    shape = result.shape;
    return result.grid;
  }

  async function apply(plan: WritePlan): Promise<ApplyResult> {
    if (isEmptyPlan(plan)) return { cellsWritten: 0, sheetsCreated: [], syncs: 0 };
    let syncs = 0;
    const printSetup = supportsPrintSetup();
    for (let attempt = 0; ; attempt++) {
      if (!shape) {
        shape = await listShape();
        syncs++;
      }
      const planned = planWrites(plan, shape, { printSetup });
      const removals = plan.removeConditionalFormats ?? [];
      const known = new Set(shape.sheets.map((name) => name.toLowerCase()));
      let done = 0;
      try {
        await Excel.run(async (context) => {
          // A format on a sheet deleted since is gone with it: nothing to find there.
          const found = await findConditionalFormats(
            context,
            removals,
            (name) => known.has(name.toLowerCase()),
            () => done++,
          );
          done += await runSteps(context, planned.steps, found.formats);
        });
        syncs += done;
      } catch (error) {
        // Counted: the refused request was a sync too.
        syncs += done + 1;
        const code = officeErrorCode(error);
        // The workbook changed since the last read (a sheet gone or added): the checks at the
        // head of the request failed before any write, so refresh the names and try once more.
        if (attempt === 0 && (code === 'ItemNotFound' || code === 'ItemAlreadyExists')) {
          shape = null;
          continue;
        }
        throw error;
      }
      shape = planned.shapeAfter;
      return { cellsWritten: planned.cellsWritten, sheetsCreated: planned.sheetsCreated, syncs };
    }
  }

  async function select(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  return { read, apply, select, knownShape: () => shape };
}

/** A plan with nothing to write (a second Compila): no request at all. */
function isEmptyPlan(plan: WritePlan): boolean {
  return (
    plan.cells.length === 0 &&
    plan.sheets.length === 0 &&
    plan.deleteSheets.length === 0 &&
    plan.conditionalFormats.length === 0 &&
    (plan.removeConditionalFormats?.length ?? 0) === 0 &&
    plan.log.length === 0
  );
}

async function listShape(): Promise<WorkbookShape> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name, items/worksheet/name');
    await context.sync();
    return {
      sheets: sheets.items.map((sheet) => sheet.name),
      tables: tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
    };
  });
}
