import type { OfficeEnvironment, WorkbookHost } from '../engine';

/** The environment of a plain browser page: no Excel; language and theme from the browser. */
export function browserEnvironment(): OfficeEnvironment {
  const dark =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return { inExcel: false, displayLanguage: navigator.language || 'it-IT', dark, supported: true };
}

/** A host for when there is no workbook: the pane shows its outside-Office notice and never calls it. */
export const detachedHost: WorkbookHost = {
  read: () => Promise.reject(new Error('No workbook: the pane is not running inside Excel.')),
  apply: () => Promise.reject(new Error('No workbook: the pane is not running inside Excel.')),
  select: () => Promise.reject(new Error('No workbook: the pane is not running inside Excel.')),
};
