import type { Grid, WritePlan } from '../engine';

/** What a plan would touch, in the words of the confirmation dialog. */
export interface PlanSummary {
  /** Cells written in existing sheets and in new ones. */
  cells: number;
  /** Existing sheets whose cells or formats change (the log sheet not counted). */
  changedSheets: string[];
  conditionalFormats: number;
  /** Conditional formats taken away (undo of Segnala). */
  removedConditionalFormats: number;
  /** Sheets created; `replacedSheets` lists those that already exist and will be replaced. */
  newSheets: string[];
  replacedSheets: string[];
  deletedSheets: string[];
  /** Cells left out because they hold a typed value or another formula. */
  conflicts: number;
  conflictCells: string[];
}

export function summarizePlan(plan: WritePlan, grid: Grid): PlanSummary {
  const existing = new Set(grid.sheets.map((s) => s.name.toLowerCase()));
  const changed = new Set<string>();
  for (const write of plan.cells) changed.add(write.sheet);
  for (const format of plan.conditionalFormats) changed.add(format.sheet);
  for (const format of plan.removeConditionalFormats ?? []) changed.add(format.sheet);
  const newSheets = plan.sheets.map((s) => s.name);
  return {
    cells: plan.cells.length + plan.sheets.reduce((sum, sheet) => sum + sheet.cells.length, 0),
    changedSheets: [...changed],
    conditionalFormats: plan.conditionalFormats.length,
    removedConditionalFormats: plan.removeConditionalFormats?.length ?? 0,
    newSheets,
    replacedSheets: newSheets.filter((name) => existing.has(name.toLowerCase())),
    deletedSheets: [...plan.deleteSheets],
    conflicts: plan.conflicts.length,
    conflictCells: plan.conflicts.map((c) => `${c.sheet}!${c.cell}`),
  };
}

/** True when applying the plan would change nothing in the workbook (log rows alone do not count). */
export function isEmptyPlan(plan: WritePlan): boolean {
  return (
    plan.cells.length === 0 &&
    plan.conditionalFormats.length === 0 &&
    (plan.removeConditionalFormats?.length ?? 0) === 0 &&
    plan.sheets.length === 0 &&
    plan.deleteSheets.length === 0
  );
}

/** The plan with every new sheet allowed to replace one of the same name (after the user said yes). */
export function withReplace(plan: WritePlan): WritePlan {
  return { ...plan, sheets: plan.sheets.map((sheet) => ({ ...sheet, replace: true })) };
}
