import type { Lang } from '../finding';
import type { Grid } from '../grid';
import type { CellWrite, WritePlan } from '../plan';
import { LOG_ACTION_LABELS, emptyPlan } from '../plan';
import { cellState, loggedValue } from './cell-state';
import { actionKey, readLog, SHEET_CREATED, UNDO_MARKER } from './log-sheet';

/**
 * Annulla: reverses the last action on the log sheet that has not been undone — cells get back
 * their old value or formula and format, created sheets are deleted, flags removed. The undo is
 * logged too, so the log stays a complete record and a second undo reaches the action before.
 */
export function planUndo(grid: Grid, options: { now?: string; lang?: Lang } = {}): WritePlan | null {
  const log = readLog(grid);
  const candidates = log.filter((e) => e.action !== 'undo' && !e.undone);
  const last = candidates.at(-1);
  if (!last) return null;
  const group = candidates.filter((e) => e.time === last.time && e.action === last.action);
  const time = options.now ?? new Date().toISOString();
  const plan = emptyPlan('undo', last.modelVersion);
  const restored = new Set<string>();
  // Newest first, so a cell written twice in one action gets its oldest value back.
  for (const entry of [...group].reverse()) {
    if (entry.cell === '') {
      if (entry.new === SHEET_CREATED && entry.old === null) plan.deleteSheets.push(entry.sheet);
      continue;
    }
    if (entry.action === 'flag') {
      (plan.removeConditionalFormats ??= []).push({
        sheet: entry.sheet,
        range: entry.cell,
        formula: String(entry.new),
      });
      continue;
    }
    const write: CellWrite = {
      sheet: entry.sheet,
      cell: entry.cell,
      numberFormat: entry.oldFormat || 'General',
    };
    if (typeof entry.old === 'string' && entry.old.startsWith('=')) write.formula = entry.old;
    else write.value = entry.old;
    // The text fill writes into an empty cell is a header it added (bold): the cell goes back to plain.
    if (
      entry.action === 'fill' &&
      entry.old === null &&
      typeof entry.new === 'string' &&
      !entry.new.startsWith('=')
    )
      write.bold = false;
    const previous = cellState(grid, entry.sheet, entry.cell);
    plan.cells = plan.cells.filter((c) => !(c.sheet === write.sheet && c.cell === write.cell));
    plan.cells.push({ ...write, previous });
    restored.add(`${entry.sheet}!${entry.cell}`);
  }
  for (const c of plan.cells) {
    plan.log.push({
      time,
      action: 'undo',
      modelVersion: last.modelVersion,
      sheet: c.sheet,
      cell: c.cell,
      old: c.previous ? loggedValue(c.previous) : null,
      oldFormat: c.previous?.numberFormat ?? '',
      new: c.formula ?? c.value ?? null,
    });
  }
  plan.log.push({
    time,
    action: 'undo',
    modelVersion: last.modelVersion,
    sheet: '',
    cell: '',
    old: LOG_ACTION_LABELS[last.action],
    oldFormat: '',
    new: `${UNDO_MARKER}${actionKey(last.time, last.action)}`,
  });
  return plan;
}
