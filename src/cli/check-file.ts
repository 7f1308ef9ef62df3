/**
 * One workbook's check, as `check` runs it on each file of a batch (in the main thread or in a
 * worker): read the Grid, choose the model, analyse, and keep what the chosen format prints. A file
 * that cannot be read, or whose stored model or version is refused, is an outcome with exit 2 and
 * its one-line reason, never an exception.
 */
import { analyse, chooseModel, modelFromWorkbook } from '../engine';
import type { Analysis, Finding, Grid, Lang, ModelChoiceProblem, Severity } from '../engine';
import { parseModel } from '../model';
import type { ProgrammeModel } from '../model';
import type { OutputFormat } from './args';
import { formatAnalysis } from './human-output';
import { toJsonResult } from './json-output';
import type { JsonResult } from './json-output';
import { MESSAGES } from './messages';
import type { CliMessages } from './messages';
import { messageOf, readLocalFile } from './local-file';

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_COULD_NOT_RUN = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_ERROR_FINDINGS | typeof EXIT_COULD_NOT_RUN;

/** What a check needs besides the file: the options of the command line, all plain data (a worker gets a copy). */
export interface CheckRequest {
  modelPath: string | null;
  programme: string | null;
  versionId: string | null;
  lang: Lang;
  format: OutputFormat;
}

/** One file's result, plain data (it crosses from a worker to the main thread). */
export interface FileOutcome {
  /** The path as the user gave it (or as found under the folder given). */
  file: string;
  exit: ExitCode;
  /** Why the file was not checked, one line; null when it was. */
  error: string | null;
  counts: Record<Severity, number>;
  /** `text`: what `check` prints for this file alone. */
  text: string;
  /** `json`: the result of SPEC §6 for this file. */
  json: JsonResult | null;
  /** `csv`: the findings. */
  findings: Finding[];
}

/** The model of `--model`; a sentence when it cannot be used. */
export async function loadModel(
  path: string,
  messages: CliMessages,
  lang: Lang,
): Promise<ProgrammeModel | string> {
  const bytes = await readLocalFile(path);
  if (!Buffer.isBuffer(bytes)) return messages.modelFileProblem(bytes);
  const result = parseModel(bytes.toString('utf8'), lang);
  return result.ok ? result.model : messages.invalidModel(path, result.error);
}

export function describeModelProblem(problem: ModelChoiceProblem, messages: CliMessages): string {
  if (problem.kind === 'stored-invalid') return messages.invalidStoredModel(problem.sheet, problem.error);
  if (problem.kind === 'unknown-programme')
    return messages.unknownProgramme(problem.programme, problem.nearest);
  return messages.unknownVersion(problem.versionId, problem.available);
}

/**
 * --model, --programme, the stored model, a preset the allocations match, the default: the engine
 * decides. Batch work does not go on with something other than what was asked for or stored: a
 * refused choice comes back as its sentence (exit 2).
 */
export function analyseGrid(
  grid: Grid,
  fileModel: ProgrammeModel | null,
  request: Omit<CheckRequest, 'format' | 'modelPath'>,
  messages: CliMessages,
): Analysis | string {
  const choice = chooseModel({
    explicit: fileModel ?? undefined,
    programme: request.programme ?? undefined,
    stored: modelFromWorkbook(grid, request.lang),
    grid,
    versionId: request.versionId ?? undefined,
  });
  const [problem] = choice.problems;
  if (problem) return describeModelProblem(problem, messages);
  return analyse(grid, {
    model: choice.model,
    versionId: choice.versionId,
    lang: request.lang,
    modelSource: choice.source,
  });
}

export function exitOf(analysis: Analysis): ExitCode {
  return analysis.findings.some((f) => f.severity === 'error') ? EXIT_ERROR_FINDINGS : EXIT_OK;
}

export function countsOf(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function failedOutcome(file: string, error: string): FileOutcome {
  return {
    file,
    exit: EXIT_COULD_NOT_RUN,
    error,
    counts: { error: 0, warning: 0, info: 0 },
    text: '',
    json: null,
    findings: [],
  };
}

/**
 * Checks the file at `file` against `fileModel` (the `--model` already loaded, or null). Never throws:
 * whatever goes wrong is the file's outcome, so that one file does not stop the others.
 */
export async function checkFile(
  file: string,
  fileModel: ProgrammeModel | null,
  request: CheckRequest,
): Promise<FileOutcome> {
  const messages = MESSAGES[request.lang];
  try {
    const { readGridFile } = await import('./xlsx-read');
    const read = await readGridFile(file);
    if (!read.ok) return failedOutcome(file, messages.fileProblem(read.problem));
    const analysis = analyseGrid(read.grid, fileModel, request, messages);
    if (typeof analysis === 'string') return failedOutcome(file, analysis);
    return {
      file,
      exit: exitOf(analysis),
      error: null,
      counts: countsOf(analysis.findings),
      text: request.format === 'text' ? formatAnalysis(analysis, messages) : '',
      json: request.format === 'json' ? toJsonResult(analysis) : null,
      findings: request.format === 'csv' ? analysis.findings : [],
    };
  } catch (error) {
    return failedOutcome(file, messageOf(error));
  }
}
