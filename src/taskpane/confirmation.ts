import { LOG_SHEET } from '../engine';
import type { Grid, WritePlan } from '../engine';
import { count, format, listFew } from './i18n';
import type { Strings } from './i18n';
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
  if (summary.newSheets.length > 0) {
    paragraphs.push(
      format(strings.confirmNewSheets, {
        sheets: sheets(summary.newSheets),
        names: summary.newSheets.join(', '),
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

/** The report sheets exist already: replace them? */
export function replaceRequest(plan: WritePlan, grid: Grid, strings: Strings): ConfirmRequest {
  const replaced = summarizePlan(plan, grid).replacedSheets;
  return {
    kind: 'replace',
    title: strings.confirmReplaceTitle,
    paragraphs: [
      format(strings.confirmReplace, { names: replaced.join(', ') }),
      ...describeTouch(plan, grid, strings),
    ],
    okLabel: strings.confirmReplaceOk,
  };
}

export function undoRequest(plan: WritePlan, grid: Grid, strings: Strings): ConfirmRequest {
  return {
    kind: 'undo',
    title: strings.confirmUndoTitle,
    // Without the last sentence: "it can be undone" would read oddly on Undo itself.
    paragraphs: describeTouch(plan, grid, strings).slice(0, -1),
    okLabel: strings.actionUndo,
  };
}
