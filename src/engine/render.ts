/**
 * Findings into sentences, at the edge: the pane, the CLI's text and the findings sheet call these
 * with the reader's language; the engine itself only produces data.
 */
import { a1, parseA1 } from './address';
import {
  SEVERITY_ORDER,
  sortFindings,
  type Finding,
  type Lang,
  type Severity,
  type TableKind,
} from './finding';
import { formatValue } from './message-value';
import { formatMessage, type Rule } from './rule';
import { RULES } from './rules';

const RULES_BY_ID = new Map<string, Rule>(RULES.map((r) => [r.meta.id, r]));

export function ruleOf(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

/** The finding's message in `lang`, its amounts and ratios in the locale's format. */
export function renderFinding(finding: Finding, lang: Lang): string {
  const rule = RULES_BY_ID.get(finding.rule);
  const template = rule?.meta.messages[lang][finding.messageId];
  if (template === undefined) throw new Error(`no ${lang} message ${finding.rule}/${finding.messageId}`);
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(finding.data)) data[key] = formatValue(value, lang);
  return formatMessage(template, data);
}

/** Several findings of one rule and message over a run of cells, shown to people as one line. */
export interface FindingGroup {
  /** Stable key (rule, message, sheet, first cell), for lists. */
  key: string;
  rule: string;
  messageId: string;
  severity: Severity;
  sheet: string;
  table: TableKind;
  /** The cells' bounding range (`D16:J21`), or the cell when there is one. */
  range: string;
  /** The first cell, where a click goes. */
  cell: string;
  count: number;
  findings: Finding[];
}

/**
 * Findings as groups: those of a rule with a `group` line, the same message, severity, sheet and
 * table make one group; every other finding is a group of one. Ordered by severity, then by the
 * rule's weight (money before typed ratios), then by place.
 */
export function groupRepeated(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of sortFindings([...findings])) {
    const groupable = RULES_BY_ID.get(f.rule)?.meta.group !== undefined;
    const key = groupable
      ? `${f.rule}|${f.messageId}|${f.severity}|${f.sheet}|${f.table}`
      : `${f.rule}|${f.messageId}|${f.severity}|${f.sheet}|${f.table}|${f.cell}|${groups.size}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: FindingGroup[] = [];
  const keys = new Map<string, number>();
  for (const list of groups.values()) {
    const first = list[0];
    // Several findings of one rule may point at one cell (AXIS_MISSING at the header): keys stay unique.
    const base = `${first.rule}|${first.messageId}|${first.sheet}|${first.cell}`;
    const seen = keys.get(base) ?? 0;
    keys.set(base, seen + 1);
    out.push({
      key: seen === 0 ? base : `${base}|${seen}`,
      rule: first.rule,
      messageId: first.messageId,
      severity: first.severity,
      sheet: first.sheet,
      table: first.table,
      range: rangeOf(list.map((f) => f.cell)),
      cell: first.cell,
      count: list.length,
      findings: list,
    });
  }
  const weight = (g: FindingGroup) => RULES_BY_ID.get(g.rule)?.meta.weight ?? 0;
  // Array.prototype.sort is stable: groups of equal weight keep the findings' order (sheet, row, column).
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || weight(b) - weight(a));
}

/** The group's line in `lang`: the finding's message for one, the rule's group line for several. */
export function renderGroup(group: FindingGroup, lang: Lang): string {
  const template = RULES_BY_ID.get(group.rule)?.meta.group?.[lang];
  if (group.count === 1 || template === undefined) return renderFinding(group.findings[0], lang);
  return formatMessage(template, { count: String(group.count) });
}

/** `D16:J21 — 24 rapporti digitati: Compila li sostituisce con formule`, with the sheet when asked. */
export function renderGroupLine(group: FindingGroup, lang: Lang): string {
  return `${group.range} — ${renderGroup(group, lang)}`;
}

function rangeOf(cells: readonly string[]): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const cell of cells) {
    const p = parseA1(cell);
    if (!p) continue;
    top = Math.min(top, p.row);
    bottom = Math.max(bottom, p.row);
    left = Math.min(left, p.col);
    right = Math.max(right, p.col);
  }
  if (top === Infinity) return cells[0] ?? '';
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}
