/** What `check`, `fill` and `report` print for people: the findings as an aligned table, by severity. */
import type { Analysis, Conflict, Finding, Severity } from '../engine';
import { sortFindings } from '../engine';
import { sheetRef } from '../engine/address';
import type { CliMessages } from './messages';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const INDENT = '  ';
const GAP = '  ';

/** The model line, the findings grouped by severity, the summary; one string ending with a newline. */
export function formatAnalysis(analysis: Analysis, messages: CliMessages): string {
  const lines: string[] = [analysis.versionNote, ''];
  const findings = sortFindings(analysis.findings);
  const rows = findings.map((f) => ({ finding: f, location: sheetRef(f.sheet, f.cell) }));
  const locationWidth = Math.max(0, ...rows.map((r) => r.location.length));
  const ruleWidth = Math.max(0, ...rows.map((r) => r.finding.rule.length));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  for (const severity of SEVERITIES) {
    const group = rows.filter((r) => r.finding.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${messages.severityHeading[severity]} (${group.length})`);
    for (const { finding, location } of group) {
      lines.push(`${INDENT}${location.padEnd(locationWidth)}${GAP}${finding.rule.padEnd(ruleWidth)}${GAP}${finding.message}${valuesNote(finding, messages)}`);
    }
    lines.push('');
  }
  lines.push(findings.length === 0 ? messages.noFindings : messages.summary(counts));
  if (analysis.indicators.length > 0) {
    const achieved = analysis.indicators.filter((i) => i.status === 'achieved').length;
    const below = analysis.indicators.filter((i) => i.status === 'tolerance' || i.status === 'shortfall' || i.status === 'serious').length;
    lines.push(messages.indicatorsSummary(analysis.indicators.length, achieved, below));
  }
  return `${lines.join('\n')}\n`;
}

function valuesNote(finding: Finding, messages: CliMessages): string {
  const parts: string[] = [];
  if (finding.expected !== null) parts.push(`${messages.expected}: ${finding.expected}`);
  if (finding.actual !== null) parts.push(`${messages.actual}: ${finding.actual}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Conflicts as an aligned list: where, what is there now, what the fill would write. */
export function formatConflicts(conflicts: Conflict[], messages: CliMessages): string[] {
  const rows = conflicts.map((c) => ({
    location: sheetRef(c.sheet, c.cell),
    reason: messages.conflictReason[c.reason],
    current: c.current.formula ?? displayValue(c.current.value),
    proposed: c.proposed,
  }));
  const locationWidth = Math.max(0, ...rows.map((r) => r.location.length));
  const reasonWidth = Math.max(0, ...rows.map((r) => r.reason.length));
  return rows.map((r) => `${INDENT}${r.location.padEnd(locationWidth)}${GAP}${r.reason.padEnd(reasonWidth)}${GAP}${r.current} → ${r.proposed}`);
}

function displayValue(value: Conflict['current']['value']): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return String(value);
}
