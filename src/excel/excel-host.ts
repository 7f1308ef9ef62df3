import type { ApplyResult, HostGrid, WorkbookHost } from '../engine';
import type { WritePlan } from '../engine/plan';
import { planWrites, runSteps, stepsCost } from './apply-plan';
import { HostWriteError, isSizeRefusal, officeErrorCode } from './office-errors';
import { supportsAreas, supportsPrintSetup } from './office-environment';
import { DEFAULT_BUDGET, halvePlan, joinParts, splitPlan, type RequestBudget } from './plan-parts';
import { readWorkbook, type WorkbookShape } from './read-workbook';
import { checkBeforeWrite, type FirstTry } from './write-check';

/**
 * The WorkbookHost over Office.js (real Excel, or the fake Excel of the playground and tests).
 * Sync counts per call, independent of the size of the tables:
 * - `read`: 1 (2 on the first read of a session, or after the user added a sheet or table); a sheet
 *   of more than 5 million cells is read in blocks, a few requests more, and the read says so;
 * - `apply`: 2 after a read — one that checks the workbook is still as read (protection, the cells
 *   the plan overwrites, the formats it adds or removes), one that writes (3 if no read came before);
 *   1 more when a conditional format leaves a doubt; more only for a plan over Excel's 5 MB request
 *   limit, cut in parts that each carry the log rows of what they write;
 * - `select`: 1.
 */
export interface ExcelHost extends WorkbookHost {
  /** The sheet and table names the host knows from its last request (for tests and diagnostics). */
  knownShape(): WorkbookShape | null;
}

export interface ExcelHostOptions {
  /** What one write request may carry (by the host's estimate); Excel on the web's limits by default. */
  budget?: Partial<RequestBudget>;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const budget: RequestBudget = { ...DEFAULT_BUDGET, ...options.budget };
  let shape: WorkbookShape | null = null;
  // Plans applied before, for a retry of the same plan: where their log rows began.
  const firstTries = new WeakMap<WritePlan, FirstTry>();

  async function read(): Promise<HostGrid> {
    const result = await readWorkbook(shape);
    shape = result.shape;
    return result.notices.length > 0 ? { ...result.grid, notices: result.notices } : result.grid;
  }

  async function apply(plan: WritePlan): Promise<ApplyResult> {
    if (isEmptyPlan(plan)) return { cellsWritten: 0, sheetsCreated: [], syncs: 0 };
    let syncs = 0;
    const counted = (): void => {
      syncs++;
    };
    const printSetup = supportsPrintSetup();
    for (let attempt = 0; ; attempt++) {
      if (!shape) {
        shape = await listShape();
        syncs++;
      }
      const known: WorkbookShape = shape;
      const written: WritePlan[] = [];
      let checked = false;
      try {
        const result = await Excel.run(async (context) => {
          const check = await checkBeforeWrite(context, plan, known, {
            ranges: supportsAreas(),
            firstTry: firstTries.get(plan) ?? null,
            readCells: budget.readCells,
            onSync: counted,
          });
          checked = true;
          if (!firstTries.has(plan)) firstTries.set(plan, { logRowsBefore: check.logRows });
          let now = check.shape;
          let cellsWritten = 0;
          const sheetsCreated: string[] = [];
          const queue = splitPlan(check.plan, budget);
          while (queue.length > 0) {
            const part = queue.shift() as WritePlan;
            const planned = planWrites(part, now, { printSetup });
            const cost = stepsCost(planned.steps);
            const halves =
              cost.bytes > budget.bytes || cost.operations > budget.operations ? halvePlan(part) : null;
            if (halves) {
              queue.unshift(...halves);
              continue;
            }
            try {
              // The parts go one after the other: each needs the one before it applied.
              await runSteps(context, planned.steps, check.formatsToDelete, counted, !halvePlan(part));
            } catch (error) {
              const smaller = isSizeRefusal(error) ? halvePlan(part) : null;
              if (smaller) {
                queue.unshift(...smaller);
                continue;
              }
              if (written.length === 0) throw error;
              throw new HostWriteError('WriteInterrupted', {
                written: joinParts(written, plan),
                notWritten: joinParts([part, ...queue], plan),
                cause: error,
              });
            }
            written.push(part);
            now = planned.shapeAfter;
            cellsWritten += planned.cellsWritten;
            for (const name of planned.sheetsCreated)
              if (!sheetsCreated.includes(name)) sheetsCreated.push(name);
          }
          return { cellsWritten, sheetsCreated, shapeAfter: now };
        });
        shape = result.shapeAfter;
        return { cellsWritten: result.cellsWritten, sheetsCreated: result.sheetsCreated, syncs };
      } catch (error) {
        if (written.length > 0) shape = null;
        const code = officeErrorCode(error);
        // The workbook changed since the last read (a sheet gone or renamed): the check failed
        // before any write, so refresh the names and try once more.
        if (!checked && attempt === 0 && (code === 'ItemNotFound' || code === 'InvalidObjectPath')) {
          shape = null;
          continue;
        }
        throw error;
      }
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
