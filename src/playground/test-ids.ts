/**
 * Test ids of the playground page, for the browser tests (Playwright). The pane's own ids are in
 * `src/taskpane/test-ids.ts`. Use them as `[data-testid="…"]`; each entry says where it appears.
 */
export const PLAYGROUND_TEST_IDS = {
  /** The drawn workbook (left side); `data-active-sheet` = the sheet shown. */
  workbook: 'playground-workbook',
  /** The grid of the sheet shown; `data-sheet` = its name. */
  sheetGrid: 'sheet-grid',
  /** One cell of the grid: `data-address` (`D16`), `data-selected` (`true`/`false`); its text is the formatted value. */
  cell: 'sheet-cell',
  /** The name box: the selected cell's address (`A18`), `data-sheet` = its sheet. */
  nameBox: 'name-box',
  /** The formula bar: the selected cell's formula, or its value. */
  formulaBar: 'formula-bar',
  /** One sheet tab at the bottom: `data-sheet` = its name, `data-active` = `true` for the sheet shown. */
  sheetTab: 'sheet-tab',
  /** The count of `context.sync()` calls so far; the number is also in `data-count`. */
  syncCount: 'sync-count',
  /** Reloads the sample workbook (drops every change). */
  resetWorkbook: 'reset-workbook',
  /** The element the task pane is mounted into (right side). */
  paneHost: 'pane-host',
} as const;

export type PlaygroundTestId = (typeof PLAYGROUND_TEST_IDS)[keyof typeof PLAYGROUND_TEST_IDS];
