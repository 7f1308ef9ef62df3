/**
 * Inline grids for engine tests: `grid(sheet('RAA', [[…], […]]))`, and `checkRule` to run the
 * engine and keep only one rule's findings, checked to be the same in Italian and English.
 */
import { a1, parseA1 } from '../../src/engine/address';
import { analyse } from '../../src/engine/analyse';
import type { Analysis } from '../../src/engine/analysis';
import type { Finding, Lang, Severity } from '../../src/engine/finding';
import type { CellError, CellValue, Grid, SheetGrid } from '../../src/engine/grid';
import type { Rule } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules';
import type { ProgrammeModel } from '../../src/model/types';

/** A cell: a constant, an Excel error, or a value with its formula and number format. */
export type CellSpec =
  number | string | boolean | null | undefined | CellError | { v?: CellValue; f?: string; fmt?: string };

export interface SheetOptions {
  /** 0-based row of the first row given (the used range's top); or use `at`. */
  top?: number;
  /** 0-based column of the first column given; or use `at`. */
  left?: number;
  /** The first cell's A1 address (`G30`): sets `top` and `left`. */
  at?: string;
  /** Number format of each column (relative to `left`) for cells that give none; `General` otherwise. */
  formats?: (string | null | undefined)[];
  /** Excel tables (ListObjects) on the sheet. */
  tables?: { name: string; range: string }[];
}

function isCellError(spec: CellSpec): spec is CellError {
  return typeof spec === 'object' && spec !== null && 'error' in spec;
}

/** A sheet whose used range starts at `top`/`left` (A1 by default); rows may be ragged, `null` is empty. */
export function sheet(name: string, rows: CellSpec[][], options: SheetOptions = {}): SheetGrid {
  let { top = 0, left = 0 } = options;
  if (options.at) {
    const ref = parseA1(options.at);
    if (!ref) throw new Error(`bad address ${options.at}`);
    top = ref.row;
    left = ref.col;
  }
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = 0; c < width; c++) {
      const spec = row[c];
      const columnFormat = options.formats?.[c] ?? 'General';
      if (spec === undefined || spec === null) {
        v.push(null);
        f.push(null);
        n.push('General');
      } else if (isCellError(spec)) {
        v.push({ error: spec.error });
        f.push(null);
        n.push('General');
      } else if (typeof spec === 'object') {
        v.push(spec.v === undefined ? null : spec.v);
        f.push(spec.f ?? null);
        n.push(spec.fmt ?? columnFormat);
      } else {
        v.push(spec);
        f.push(null);
        n.push(typeof spec === 'number' ? columnFormat : 'General');
      }
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    name,
    top,
    left,
    values,
    formulas,
    numberFormats,
    ...(options.tables ? { tables: options.tables } : {}),
  };
}

export function grid(...sheets: SheetGrid[]): Grid {
  return { sheets };
}

/** Sets cells of a sheet by absolute A1 address, growing the used range as needed (not above/left of it). */
export function setCells(target: SheetGrid, cells: Record<string, CellSpec>): SheetGrid {
  for (const [address, spec] of Object.entries(cells)) {
    const ref = parseA1(address);
    if (!ref) throw new Error(`bad address ${address}`);
    const r = ref.row - target.top;
    const c = ref.col - target.left;
    if (r < 0 || c < 0) throw new Error(`${address} is outside the sheet's used range`);
    while (target.values.length <= r) {
      target.values.push([]);
      target.formulas.push([]);
      target.numberFormats.push([]);
    }
    for (const rows of [target.values, target.formulas]) while (rows[r].length <= c) rows[r].push(null);
    while (target.numberFormats[r].length <= c) target.numberFormats[r].push('General');
    const one = sheet('x', [[spec]]);
    target.values[r][c] = one.values[0][0];
    target.formulas[r][c] = one.formulas[0][0];
    target.numberFormats[r][c] =
      spec !== null && typeof spec === 'object' && !isCellError(spec) && spec.fmt
        ? spec.fmt
        : typeof spec === 'number'
          ? target.numberFormats[r][c]
          : 'General';
  }
  return target;
}

export interface CheckOptions {
  model?: ProgrammeModel;
  versionId?: string;
}

/** A finding reduced to what a rule test asserts. */
export interface RuleHit {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  messageId: string;
  expected: string | null;
  actual: string | null;
}

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which of the rule's message templates produced a message (placeholders as wildcards). */
export function messageIdOf(rule: Rule, lang: Lang, message: string): string {
  const ids = Object.entries(rule.meta.messages[lang]).filter(([, template]) => {
    const pattern = template
      .split(/\{\{\s*\w+\s*\}\}/)
      .map(escapeRegExp)
      .join('[\\s\\S]*?');
    return new RegExp(`^${pattern}$`).test(message);
  });
  if (ids.length === 0) throw new Error(`${rule.meta.id}: no ${lang} template produces "${message}"`);
  // Several may match with wide placeholders: the most specific (most literal text) is the one.
  const literal = (template: string) => template.replace(/\{\{\s*\w+\s*\}\}/g, '').length;
  return ids.sort((a, b) => literal(b[1]) - literal(a[1]))[0][0];
}

function hitsOf(rule: Rule, analysis: Analysis, lang: Lang): RuleHit[] {
  return analysis.findings
    .filter((f: Finding) => f.rule === rule.meta.id)
    .map((f) => {
      for (const text of [f.message, f.expected ?? '', f.actual ?? '']) {
        if (/\{\{|\}\}|undefined|NaN|\[object/.test(text))
          throw new Error(`${rule.meta.id}: suspicious text "${text}"`);
      }
      return {
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        messageId: messageIdOf(rule, lang, f.message),
        expected: f.expected,
        actual: f.actual,
      };
    });
}

/** Runs `analyse` in both languages and returns one rule's findings (Italian run), asserting the two runs agree. */
export function checkRule(ruleId: string, g: Grid, options: CheckOptions = {}): RuleHit[] {
  const rule = ruleById(ruleId);
  const it = hitsOf(rule, analyse(g, { ...options, lang: 'it' }), 'it');
  const en = hitsOf(rule, analyse(g, { ...options, lang: 'en' }), 'en');
  expect(en).toEqual(it);
  return it;
}

/** The same reduced to `[cell, severity, messageId]` triples, for compact tables of expectations. */
export function hitsAt(ruleId: string, g: Grid, options: CheckOptions = {}): [string, Severity, string][] {
  return checkRule(ruleId, g, options).map((h) => [h.cell, h.severity, h.messageId]);
}

/** Every finding of a grid in Italian as `RULE cell severity`, for broad assertions. */
export function allFindings(g: Grid, options: CheckOptions = {}): string[] {
  return analyse(g, { ...options, lang: 'it' }).findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`);
}

/** An expected finding: `[cell, severity, messageId]`. */
export type Hit = [string, Severity, string];

export interface FiringCase {
  name: string;
  grid: Grid;
  options?: CheckOptions;
  /** Every finding of the rule, in the engine's order (severity, row, column). */
  hits: Hit[];
}

export interface QuietCase {
  name: string;
  grid: Grid;
  options?: CheckOptions;
}

/**
 * ESLint-style rule tests: a `fires` table whose cases name every finding they must produce and a
 * `does not fire` table. Weak tables are refused: a firing case with no finding, an unknown
 * message id, a duplicate case name.
 */
export function describeRule(ruleId: string, cases: { fires: FiringCase[]; doesNotFire: QuietCase[] }): void {
  const rule = ruleById(ruleId);
  describe(ruleId, () => {
    it('has well-formed cases', () => {
      const names = [...cases.fires, ...cases.doesNotFire].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(cases.fires.length).toBeGreaterThan(0);
      expect(cases.doesNotFire.length).toBeGreaterThan(0);
      for (const c of cases.fires) {
        expect(c.hits.length).toBeGreaterThan(0);
        for (const [, , messageId] of c.hits) expect(Object.keys(rule.meta.messages.it)).toContain(messageId);
      }
    });
    describe('fires', () => {
      it.each(cases.fires.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(hitsAt(ruleId, c.grid, c.options)).toEqual(c.hits);
      });
    });
    describe('does not fire', () => {
      it.each(cases.doesNotFire.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(hitsAt(ruleId, c.grid, c.options)).toEqual([]);
      });
    });
  });
}

/** The same spec (or one computed from the row and column) for every cell of an A1 range: `cellsIn('J14:J21', null)`. */
export function cellsIn(
  range: string,
  spec: CellSpec | ((row: number, col: number) => CellSpec),
): Record<string, CellSpec> {
  const [from, to = from] = range.split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`bad range ${range}`);
  const out: Record<string, CellSpec> = {};
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++)
      out[a1(row, col)] = typeof spec === 'function' ? spec(row + 1, col) : spec;
  }
  return out;
}
