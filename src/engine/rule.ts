import type { Finding, Lang, Severity, TableKind } from './finding';
import { toMessageValue, type MessageValue } from './message-value';
import type { Grid } from './grid';
import type { LocatedTables } from './tables';
import type { ProgrammeModel, ProgrammeVersion } from '../model/types';

/** Everything a rule may look at. Rules only read; they never change the grid. */
export interface RuleContext {
  grid: Grid;
  model: ProgrammeModel;
  /** The model version the workbook is checked against (chosen, or inferred from the allocations). */
  version: ProgrammeVersion;
  /** How the version was picked, so rules can say when the workbook matches another one. */
  versionChoice: VersionChoice;
  tables: LocatedTables;
}

export interface VersionChoice {
  /** `chosen`: by the user; `matched`: the workbook's allocations match it; `newest`: none matched. */
  how: 'chosen' | 'matched' | 'newest';
  /** Versions whose allocations the workbook matches exactly (may differ from the one used). */
  matching: string[];
}

/** What a rule reports: data, never a finished sentence (a string is a text value). */
export interface Report<M extends string> {
  sheet: string;
  cell: string;
  messageId: M;
  data?: Record<string, MessageValue | string>;
  expected?: MessageValue | string | null;
  actual?: MessageValue | string | null;
  /** Overrides the rule's default severity (e.g. a 1-cent total difference is only a warning). */
  severity?: Severity;
  table: TableKind;
}

export type Messages<M extends string> = Record<Lang, Record<M, string>>;

export interface RuleMeta<M extends string> {
  id: string;
  /** Default severity of the rule's findings. */
  severity: Severity;
  docs: Record<Lang, string>;
  /** Message templates keyed by id, with `{{placeholder}}`s; the same keys and placeholders in both languages. */
  messages: Messages<M>;
  /**
   * How much a finding of this rule matters within its severity (0–100): a difference in money comes
   * before a typed ratio. Groups of findings are listed by severity, then by weight.
   */
  weight: number;
  /**
   * One line for several findings of the rule with the same message over a run of cells, with
   * `{{count}}` and the fix (`{{count}} rapporti digitati: Compila li sostituisce con formule`).
   * Without it, the findings are listed one by one.
   */
  group?: Record<Lang, string>;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext, report: (r: Report<M>) => void): void;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills `{{name}}` placeholders; an unfilled placeholder is a programming error. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message placeholder {{${key}}} has no value`);
    return data[key];
  });
}

/** Runs rules over a context and returns their findings, as data. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check(ctx, (r) => {
      const data: Record<string, MessageValue> = {};
      for (const [key, value] of Object.entries(r.data ?? {})) data[key] = toMessageValue(value);
      findings.push({
        rule: rule.meta.id,
        severity: r.severity ?? rule.meta.severity,
        sheet: r.sheet,
        cell: r.cell,
        messageId: r.messageId,
        data,
        expected: r.expected === undefined || r.expected === null ? null : toMessageValue(r.expected),
        actual: r.actual === undefined || r.actual === null ? null : toMessageValue(r.actual),
        table: r.table,
      });
    });
  }
  return findings;
}
