import type { ActionId, LogEntry } from '../plan';
import { LOG_SHEET } from '../plan';
import type { Grid } from '../grid';
import { isCellError } from '../grid';

/** A row of the log sheet as read back, and whether a later undo reversed its action. */
export interface LoggedWrite extends LogEntry {
  undone: boolean;
}

/** The marker an undo writes in its log entry (`cell` empty): `undo:<time> <action>` of the undone action. */
export const UNDO_MARKER = 'undo:';

/** One action on the log: its time and its name (two actions may share a time stamp). */
export function actionKey(time: string, action: string): string {
  return `${time} ${action}`;
}
/** What a sheet-level entry's `new` says for a created sheet. */
export const SHEET_CREATED = 'sheet-created';

/** The log sheet's rows (below its header), oldest first; empty when there is no log yet. */
export function readLog(grid: Grid): LoggedWrite[] {
  const sheet = grid.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) return [];
  const entries: LoggedWrite[] = [];
  // The header is on the sheet's row 1; the used range may start lower if rows were deleted.
  const startRow = Math.max(0, 1 - sheet.top);
  for (let r = startRow; r < sheet.values.length; r++) {
    const cells = sheet.values[r] ?? [];
    const at = (c: number) => {
      const v = cells[c - sheet.left];
      if (v === undefined || v === null || isCellError(v)) return null;
      return v;
    };
    const time = at(0);
    const action = at(1);
    if (typeof time !== 'string' || typeof action !== 'string') continue;
    entries.push({
      time,
      action: action as ActionId,
      modelVersion: String(at(2) ?? ''),
      sheet: String(at(3) ?? ''),
      cell: String(at(4) ?? ''),
      old: at(5),
      oldFormat: String(at(6) ?? 'General'),
      new: at(7),
      undone: false,
    });
  }
  const undone = new Set(
    entries
      .filter((e) => e.action === 'undo' && e.cell === '' && typeof e.new === 'string' && e.new.startsWith(UNDO_MARKER))
      .map((e) => (e.new as string).slice(UNDO_MARKER.length)),
  );
  for (const e of entries) if (e.action !== 'undo' && undone.has(actionKey(e.time, e.action))) e.undone = true;
  return entries;
}
