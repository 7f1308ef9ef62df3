import { sortFindings } from '../engine';
import type { Finding, Severity, TableKind } from '../engine';

/** The order of the groups in the pane: the tables as they appear in the report, the workbook last. */
export const TABLE_ORDER: readonly TableKind[] = ['plan', 'progress', 'indicators', 'workbook'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface TableGroup {
  table: TableKind;
  total: number;
  counts: SeverityCounts;
  /** Non-empty severity groups, errors first. */
  severities: SeverityGroup[];
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Findings by table, then by severity, each in the engine's stable order; empty groups left out. */
export function groupFindings(findings: readonly Finding[]): TableGroup[] {
  const sorted = sortFindings([...findings]);
  return TABLE_ORDER.map((table) => {
    const inTable = sorted.filter((f) => f.table === table);
    return {
      table,
      total: inTable.length,
      counts: countBySeverity(inTable),
      severities: SEVERITIES.map((severity) => ({
        severity,
        findings: inTable.filter((f) => f.severity === severity),
      })).filter((group) => group.findings.length > 0),
    };
  }).filter((group) => group.total > 0);
}

/** `RAA 2022!E19`; sheet names with spaces stay unquoted, as people read them. */
export function placeOf(finding: Pick<Finding, 'sheet' | 'cell'>): string {
  return finding.sheet ? `${finding.sheet}!${finding.cell}` : finding.cell;
}
