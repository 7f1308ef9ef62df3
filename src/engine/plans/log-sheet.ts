import type { ActionId, LogEntry } from '../plan';
import { LOG_ACTION_LABELS, LOG_SHEET } from '../plan';
import type { Grid } from '../grid';
import { isCellError } from '../grid';

/** A row of the log sheet as read back, and whether a later undo reversed its action. */
export interface LoggedWrite extends LogEntry {
  undone: boolean;
}

/**
 * The marker an undo writes in its log entry (`cell` empty): `undo:<time> <action id>` of the undone
 * action. Machine data kept as older versions wrote it, so that their logs and ours read alike.
 */
export const UNDO_MARKER = 'undo:';

/** One action on the log: its time and its name (two actions may share a time stamp). */
export function actionKey(time: string, action: string): string {
  return `${time} ${action}`;
}
/** What a sheet-level entry's `new` says for a created sheet (`old`: for a replaced one). */
export const SHEET_CREATED = 'foglio creato';
export const SHEET_REPLACED = 'foglio sostituito';
/** The same, as versions before the Italian log wrote them. */
const LEGACY_SHEET_MARKERS: Record<string, string> = {
  'sheet-created': SHEET_CREATED,
  'sheet-replaced': SHEET_REPLACED,
};

const ACTION_BY_LOG_TEXT = new Map<string, ActionId>(
  (Object.entries(LOG_ACTION_LABELS) as [ActionId, string][]).flatMap(([id, label]) => [
    [id, id],
    [label.toLowerCase(), id],
  ]),
);

/** The action a log row's `Azione` names: the Italian label, or the id older versions wrote; else `null`. */
export function actionFromLog(text: string): ActionId | null {
  return ACTION_BY_LOG_TEXT.get(text.trim().toLowerCase()) ?? null;
}

function sheetMarker(value: number | string | boolean | null): number | string | boolean | null {
  return typeof value === 'string' ? (LEGACY_SHEET_MARKERS[value] ?? value) : value;
}

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
    const label = at(1);
    const action = typeof label === 'string' ? actionFromLog(label) : null;
    if (typeof time !== 'string' || action === null) continue;
    const cell = String(at(4) ?? '');
    entries.push({
      time,
      action,
      modelVersion: String(at(2) ?? ''),
      sheet: String(at(3) ?? ''),
      cell,
      old: cell === '' ? sheetMarker(at(5)) : at(5),
      oldFormat: String(at(6) ?? 'General'),
      new: cell === '' ? sheetMarker(at(7)) : at(7),
      undone: false,
    });
  }
  const undone = new Set(
    entries
      .filter(
        (e) =>
          e.action === 'undo' && e.cell === '' && typeof e.new === 'string' && e.new.startsWith(UNDO_MARKER),
      )
      .map((e) => (e.new as string).slice(UNDO_MARKER.length)),
  );
  for (const e of entries)
    if (e.action !== 'undo' && undone.has(actionKey(e.time, e.action))) e.undone = true;
  return entries;
}
