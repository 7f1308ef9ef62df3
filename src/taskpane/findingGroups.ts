import { groupRepeated } from '../engine';
import type { Finding, FindingGroup, Severity, TableKind } from '../engine';

/** The order of the tables in the pane: as they appear in the report, the workbook last. */
export const TABLE_ORDER: readonly TableKind[] = ['plan', 'progress', 'indicators', 'workbook'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

export interface SeverityGroup {
  severity: Severity;
  /** Findings of this severity (each one counted, not each group). */
  count: number;
  /** Repeated findings of a rule as one group, in the engine's order (money before typed ratios). */
  groups: FindingGroup[];
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

/**
 * Findings by table, then by severity, then the engine's groups of repeated findings (one line for
 * 24 typed ratios over D16:J21); empty tables and severities left out.
 */
export function groupFindings(findings: readonly Finding[]): TableGroup[] {
  const repeated = groupRepeated(findings);
  return TABLE_ORDER.map((table) => {
    const inTable = repeated.filter((g) => g.table === table);
    const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
    for (const group of inTable) counts[group.severity] += group.count;
    return {
      table,
      total: counts.error + counts.warning + counts.info,
      counts,
      severities: SEVERITIES.map((severity) => ({
        severity,
        count: counts[severity],
        groups: inTable.filter((g) => g.severity === severity),
      })).filter((group) => group.count > 0),
    };
  }).filter((group) => group.total > 0);
}

/** `RAA 2022!E19`; sheet names with spaces stay unquoted, as people read them. */
export function placeOf(finding: Pick<Finding, 'sheet' | 'cell'>): string {
  return finding.sheet ? `${finding.sheet}!${finding.cell}` : finding.cell;
}

/** The roving-focus id of a table header, a group line and a finding row in the list. */
export const itemId = {
  table: (table: TableKind) => `t:${table}`,
  group: (group: FindingGroup) => `g:${group.key}`,
  finding: (group: FindingGroup, index: number) => `f:${group.key}:${index}`,
};

/**
 * The list's focusable rows in display order, for the roving tabindex: each table header, then
 * (when the table is open) each group line or lone finding, then (when the group is open) its findings.
 */
export function visibleItems(
  tables: readonly TableGroup[],
  closedTables: ReadonlySet<TableKind>,
  openGroups: ReadonlySet<string>,
): string[] {
  const ids: string[] = [];
  for (const table of tables) {
    ids.push(itemId.table(table.table));
    if (closedTables.has(table.table)) continue;
    for (const severity of table.severities) {
      for (const group of severity.groups) {
        if (group.count === 1) {
          ids.push(itemId.finding(group, 0));
          continue;
        }
        ids.push(itemId.group(group));
        if (openGroups.has(group.key)) group.findings.forEach((_, i) => ids.push(itemId.finding(group, i)));
      }
    }
  }
  return ids;
}
