import type { Finding, Lang, Severity, TableKind } from './finding';
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
  /** The language of the messages, so rules can format numbers in it. */
  lang: Lang;
}

export interface VersionChoice {
  /** `chosen`: by the user; `matched`: the workbook's allocations match it; `newest`: none matched. */
  how: 'chosen' | 'matched' | 'newest';
  /** Versions whose allocations the workbook matches exactly (may differ from the one used). */
  matching: string[];
}

/** What a rule reports; the framework turns it into a Finding in the user's language. */
export interface Report<M extends string> {
  sheet: string;
  cell: string;
  messageId: M;
  data?: Record<string, string>;
  expected?: string | null;
  actual?: string | null;
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

/** Runs rules over a context and returns their findings in the given language. */
export function runRules(rules: readonly Rule[], ctx: RuleContext, lang: Lang): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check(ctx, (r) => {
      findings.push({
        rule: rule.meta.id,
        severity: r.severity ?? rule.meta.severity,
        sheet: r.sheet,
        cell: r.cell,
        message: formatMessage(rule.meta.messages[lang][r.messageId], r.data),
        expected: r.expected ?? null,
        actual: r.actual ?? null,
        table: r.table,
      });
    });
  }
  return findings;
}
