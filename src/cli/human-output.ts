/** What `check`, `fill` and `report` print for people: the findings as an aligned table, by severity. */
import type { Analysis, Conflict, Lang, Severity } from '../engine';
import { formatCellValue, groupRepeated, renderGroup } from '../engine';
import { sheetRef } from '../engine/address';
import type { CliMessages } from './messages';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const INDENT = '  ';
const GAP = '  ';

/**
 * The model line, the findings by severity, the summary; one string ending with a newline. Repeated
 * findings of a rule over a run of cells read as one line (`D16:J21 … 24 rapporti digitati: …`);
 * `--json` still lists them one by one.
 */
export function formatAnalysis(analysis: Analysis, messages: CliMessages): string {
  const lang = analysis.lang;
  const lines: string[] = [analysis.versionNote, ''];
  const groups = groupRepeated(analysis.findings);
  const rows = groups.map((g) => ({ group: g, location: sheetRef(g.sheet, g.range) }));
  const locationWidth = Math.max(0, ...rows.map((r) => r.location.length));
  const ruleWidth = Math.max(0, ...rows.map((r) => r.group.rule.length));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  for (const severity of SEVERITIES) {
    const inSeverity = rows.filter((r) => r.group.severity === severity);
    if (inSeverity.length === 0) continue;
    lines.push(`${messages.severityHeading[severity]} (${counts[severity]})`);
    for (const { group, location } of inSeverity) {
      lines.push(
        `${INDENT}${location.padEnd(locationWidth)}${GAP}${group.rule.padEnd(ruleWidth)}${GAP}${renderGroup(group, lang)}`,
      );
    }
    lines.push('');
  }
  lines.push(analysis.findings.length === 0 ? messages.noFindings : messages.summary(counts));
  if (analysis.indicators.length > 0) {
    const achieved = analysis.indicators.filter((i) => i.status === 'achieved').length;
    const below = analysis.indicators.filter(
      (i) => i.status === 'tolerance' || i.status === 'shortfall' || i.status === 'serious',
    ).length;
    lines.push(messages.indicatorsSummary(analysis.indicators.length, achieved, below));
  }
  return `${lines.join('\n')}\n`;
}

/** Conflicts as an aligned list: where, what is there now, what the fill would write. */
export function formatConflicts(conflicts: Conflict[], messages: CliMessages, lang: Lang): string[] {
  const rows = conflicts.map((c) => ({
    location: sheetRef(c.sheet, c.cell),
    reason: messages.conflictReason[c.reason],
    current: c.current.formula ?? formatCellValue(c.current.value, c.current.numberFormat, lang),
    proposed: c.proposed,
  }));
  const locationWidth = Math.max(0, ...rows.map((r) => r.location.length));
  const reasonWidth = Math.max(0, ...rows.map((r) => r.reason.length));
  return rows.map(
    (r) =>
      `${INDENT}${r.location.padEnd(locationWidth)}${GAP}${r.reason.padEnd(reasonWidth)}${GAP}${r.current} → ${r.proposed}`,
  );
}

/** One file's section of a batch: a heading line with the file, then what `check` prints for it alone. */
export function formatBatchSection(
  outcome: { file: string; error: string | null; text: string },
  messages: CliMessages,
): string {
  const heading = `=== ${outcome.file} ===`;
  if (outcome.error !== null) return `${heading}\n${messages.notChecked(outcome.error)}\n`;
  return `${heading}\n${outcome.text}`;
}

/**
 * The summary of a batch: file, exit code, errors, warnings, info, as aligned columns (numbers to
 * the right), then the totals; a file that was not checked shows its exit code and dashes.
 */
export function formatBatchSummary(
  outcomes: readonly { file: string; exit: number; error: string | null; counts: Record<Severity, number> }[],
  messages: CliMessages,
): string {
  const header = messages.batchColumns;
  const rows = outcomes.map((o) => [
    o.file,
    String(o.exit),
    ...SEVERITIES.map((s) => (o.error !== null ? '-' : String(o.counts[s]))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    `${INDENT}${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(GAP)}`.trimEnd();
  const worst = Math.max(0, ...outcomes.map((o) => o.exit));
  return [
    messages.batchHeading(outcomes.length),
    line(header),
    ...rows.map(line),
    '',
    messages.batchTotals({
      files: outcomes.length,
      withErrors: outcomes.filter((o) => o.exit === 1).length,
      notChecked: outcomes.filter((o) => o.error !== null).length,
      exit: worst,
    }),
    '',
  ].join('\n');
}
