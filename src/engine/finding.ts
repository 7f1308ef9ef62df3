/**
 * Findings: what the checks report, one per rule hit, tied to a sheet and a cell. A finding is data:
 * its message id and values; `renderFinding` (render.ts) turns it into a sentence in a language.
 */
import type { MessageValue } from './message-value';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'it' | 'en';

/** Which table a finding is about, for grouping in the pane and the findings sheet. */
export type TableKind = 'plan' | 'progress' | 'indicators' | 'workbook';

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell (or the top-left cell of the table when the finding is about a table). */
  cell: string;
  /** Key of the rule's message template. */
  messageId: string;
  /** The template's placeholders, as values to format in the reader's language. */
  data: Record<string, MessageValue>;
  expected: MessageValue | null;
  actual: MessageValue | null;
  table: TableKind;
}

/** What a severity and a table are called where people read findings (the findings sheet, the CSV). */
export const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  it: { error: 'Errore', warning: 'Avviso', info: 'Info' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const TABLE_NAMES: Record<Lang, Record<TableKind, string>> = {
  it: { plan: 'Tabella 1', progress: 'Tabella 2', indicators: 'Indicatori', workbook: 'Cartella' },
  en: { plan: 'Table 1', progress: 'Table 2', indicators: 'Indicators', workbook: 'Workbook' },
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: severity, then sheet, then row, then column, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (bySeverity !== 0) return bySeverity;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const ra = cellOrder(a.cell);
    const rb = cellOrder(b.cell);
    if (ra[0] !== rb[0]) return ra[0] - rb[0];
    if (ra[1] !== rb[1]) return ra[1] - rb[1];
    return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  });
}

function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}
