/** `--json`: the contract of SPEC §6, exactly these keys, whatever else the engine's types carry. */
import type { Analysis, AxisResult, Finding, IndicatorResult } from '../engine';
import { rawValue, renderFinding, sortFindings } from '../engine';

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  sheet: string;
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
}

export interface JsonIndicator {
  axis: string;
  code: string;
  name: string;
  value: string | null;
  target: string | null;
  ratio: string | null;
  status: IndicatorResult['status'];
}

/** An axis's performance-framework verdict and the framework indicators it rests on. */
export interface JsonAxis {
  axis: string;
  verdict: AxisResult['verdict'];
  indicators: {
    code: string;
    priority: string;
    name: string;
    type: AxisResult['indicators'][number]['type'];
    value: string | null;
    target: string | null;
    ratio: string | null;
    level: AxisResult['indicators'][number]['level'];
  }[];
}

export interface JsonResult {
  findings: JsonFinding[];
  indicators: JsonIndicator[];
  axes: JsonAxis[];
  model: { id: string; version: string };
}

export function toJsonResult(analysis: Analysis): JsonResult {
  return {
    // One finding per cell; `message` in the run's language, `expected`/`actual` as raw decimals for machines.
    findings: sortFindings(analysis.findings).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: renderFinding(f, analysis.lang),
      expected: f.expected ? rawValue(f.expected) : null,
      actual: f.actual ? rawValue(f.actual) : null,
    })),
    indicators: analysis.indicators.map(({ axis, code, name, value, target, ratio, status }) => ({
      axis,
      code,
      name,
      value,
      target,
      ratio,
      status,
    })),
    axes: analysis.axes.map(({ axis, verdict, indicators }) => ({
      axis,
      verdict,
      indicators: indicators.map(({ code, priority, name, type, value, target, ratio, level }) => ({
        code,
        priority,
        name,
        type,
        value,
        target,
        ratio,
        level,
      })),
    })),
    model: { id: analysis.model.id, version: analysis.version.id },
  };
}

/** One file of `check` over several files: `{file, exit, findings, indicators, axes, model}`; a file not read has `error`. */
export interface JsonFileResult {
  file: string;
  exit: number;
  /** Why the file was not checked (exit 2); absent when it was. */
  error?: string;
  findings: JsonFinding[];
  indicators: JsonIndicator[];
  axes: JsonAxis[];
  model: JsonResult['model'] | null;
}

export function batchJsonEntry(outcome: {
  file: string;
  exit: number;
  error: string | null;
  json: JsonResult | null;
}): JsonFileResult {
  if (outcome.error !== null || !outcome.json)
    return {
      file: outcome.file,
      exit: outcome.exit,
      error: outcome.error ?? '',
      findings: [],
      indicators: [],
      axes: [],
      model: null,
    };
  return { file: outcome.file, exit: outcome.exit, ...outcome.json };
}
