import { LOG_SHEET } from '../engine';
import type { Grid, Lang, WritePlan } from '../engine';
import { count, format, listFew } from './i18n';
import type { Strings } from './i18n';
import { formatLogTime, placesList, undoneAction } from './outcome';
import { rangeNames } from './places';
import { summarizePlan } from './planSummary';

/** Which confirmation the pane asks for; it decides the buttons. */
export type ConfirmKind = 'write' | 'conflicts' | 'replace' | 'undo';
/** `ok`: proceed (overwrite, for conflicts); `only-empty`: conflicts only, write without overwriting. */
export type ConfirmChoice = 'ok' | 'only-empty' | 'cancel';

export interface ConfirmRequest {
  kind: ConfirmKind;
  title: string;
  paragraphs: string[];
  okLabel: string;
  /** Present for `conflicts` only. */
  onlyEmptyLabel?: string;
}

/** Sentences that say what a plan touches: cells and sheets, formats, new and deleted sheets, the log. */
export function describeTouch(plan: WritePlan, grid: Grid, strings: Strings): string[] {
  const summary = summarizePlan(plan, grid);
  const sheets = (names: string[]): string => count(names.length, strings.sheetOne, strings.sheetMany);
  const paragraphs: string[] = [];
  const cellsInExisting = plan.cells.length;
  if (cellsInExisting > 0) {
    const names = [...new Set(plan.cells.map((c) => c.sheet))];
    paragraphs.push(
      format(strings.confirmCells, {
        cells: count(cellsInExisting, strings.cellOne, strings.cellMany),
        sheets: sheets(names),
        names: listFew(names, strings, 3),
      }),
    );
  }
  if (summary.conditionalFormats > 0) {
    const names = [...new Set(plan.conditionalFormats.map((c) => c.sheet))];
    paragraphs.push(
      format(strings.confirmFormats, {
        formats: count(summary.conditionalFormats, strings.formatOne, strings.formatMany),
        sheets: sheets(names),
        names: listFew(names, strings, 3),
      }),
    );
  }
  if (summary.removedConditionalFormats > 0) {
    const names = [...new Set((plan.removeConditionalFormats ?? []).map((c) => c.sheet))];
    paragraphs.push(
      format(strings.confirmRemoveFormats, {
        formats: count(summary.removedConditionalFormats, strings.formatOne, strings.formatMany),
        sheets: sheets(names),
        names: listFew(names, strings, 3),
      }),
    );
  }
  // Sheets that exist already are replaced, not created: the replace dialog names those.
  const created = summary.newSheets.filter((name) => !summary.replacedSheets.includes(name));
  if (created.length > 0) {
    paragraphs.push(
      format(strings.confirmNewSheets, {
        sheets: sheets(created),
        names: created.join(', '),
      }),
    );
  }
  if (summary.deletedSheets.length > 0) {
    paragraphs.push(
      format(strings.confirmDeleteSheets, {
        sheets: sheets(summary.deletedSheets),
        names: summary.deletedSheets.join(', '),
      }),
    );
  }
  paragraphs.push(format(strings.confirmLog, { log: LOG_SHEET }));
  return paragraphs;
}

export function writeRequest(
  actionLabel: string,
  plan: WritePlan,
  grid: Grid,
  strings: Strings,
): ConfirmRequest {
  return {
    kind: 'write',
    title: format(strings.confirmWriteTitle, { action: actionLabel }),
    paragraphs: describeTouch(plan, grid, strings),
    okLabel: strings.confirmOk,
  };
}

/** Fill found cells it would overwrite: how many, the first few, and what each choice writes. */
export function conflictsRequest(
  plan: WritePlan,
  forced: WritePlan,
  grid: Grid,
  strings: Strings,
): ConfirmRequest {
  const cells = plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
  const written = (p: WritePlan): string =>
    count(summarizePlan(p, grid).cells, strings.cellOne, strings.cellMany);
  const conflicts =
    cells.length === 1
      ? format(strings.confirmConflictsOne, { cells: cells[0] })
      : format(strings.confirmConflicts, { n: cells.length, cells: listFew(cells, strings) });
  return {
    kind: 'conflicts',
    title: strings.confirmConflictsTitle,
    paragraphs: [
      conflicts,
      format(strings.confirmConflictsChoice, { forced: written(forced), cells: written(plan) }),
      format(strings.confirmLog, { log: LOG_SHEET }),
    ],
    okLabel: strings.confirmOverwrite,
    onlyEmptyLabel: strings.confirmOnlyEmpty,
  };
}

/** The report sheets exist already: replace them? Says which it replaces and which it creates. */
export function replaceRequest(plan: WritePlan, grid: Grid, strings: Strings): ConfirmRequest {
  const replaced = summarizePlan(plan, grid).replacedSheets;
  return {
    kind: 'replace',
    title: strings.confirmReplaceTitle,
    paragraphs: [
      format(replaced.length === 1 ? strings.confirmReplaceOne : strings.confirmReplaceMany, {
        names: replaced.join(', '),
      }),
      // Not "si può annullare con Annulla": the replaced content does not come back.
      ...describeTouch(plan, grid, strings).slice(0, -1),
      format(strings.confirmLogReplace, { log: LOG_SHEET }),
    ],
    okLabel: strings.confirmReplaceOk,
  };
}

/**
 * Annulla: names the action it reverses and when it ran (`Annullare «Compila» del 01/12/2026 10:32?`),
 * then what it restores, removes and deletes. Its button says *Ripristina*: next to *Indietro*,
 * a button labelled *Annulla* would read as Cancel.
 */
export function undoRequest(
  plan: WritePlan,
  strings: Strings,
  lang: Lang,
  labelOf: (action: string) => string,
): ConfirmRequest {
  const undone = undoneAction(plan);
  const paragraphs: string[] = [];
  if (plan.cells.length > 0) {
    const names = [...new Set(plan.cells.map((c) => c.sheet))];
    paragraphs.push(
      format(strings.confirmUndoCells, {
        cells: count(plan.cells.length, strings.cellOne, strings.cellMany),
        names: listFew(names, strings, 3),
        places: placesList(plan.cells, strings, false),
      }),
    );
  }
  const removed = plan.removeConditionalFormats ?? [];
  if (removed.length > 0) {
    paragraphs.push(
      format(strings.confirmUndoFormats, {
        formats: count(removed.length, strings.formatOne, strings.formatMany),
        places: listFew(rangeNames(removed), strings, 4),
      }),
    );
  }
  if (plan.deleteSheets.length > 0) {
    paragraphs.push(
      format(strings.confirmUndoSheets, {
        sheets: count(plan.deleteSheets.length, strings.sheetOne, strings.sheetMany),
        names: plan.deleteSheets.join(', '),
      }),
    );
  }
  if (paragraphs.length === 0) paragraphs.push(strings.confirmUndoNothing);
  return {
    kind: 'undo',
    title: undone
      ? format(strings.confirmUndoTitle, {
          action: labelOf(undone.action),
          time: formatLogTime(undone.time, lang),
        })
      : strings.actionUndo,
    paragraphs,
    okLabel: strings.confirmUndoOk,
  };
}
