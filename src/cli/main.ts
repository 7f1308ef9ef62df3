/**
 * `por-tables`: the engine over .xlsx files (SPEC §6). Exit code 0: no error findings; 1: error
 * findings; 2: the command could not run, said in one line on stderr, never with a stack trace.
 */
import { LOG_SHEET, analyse, chooseModel, modelFromWorkbook, planFill, planReport } from '../engine';
import type { Analysis, Grid, Lang, ModelChoiceProblem, WritePlan } from '../engine';
import { findPreset, nearestPresetIds, parseModel, presets } from '../model';
import type { ProgrammeModel } from '../model';
import { version as packageVersion } from '../../package.json';
import { parseArguments } from './args';
import type { RunOptions } from './args';
import { formatAnalysis, formatConflicts } from './human-output';
import { toJsonResult } from './json-output';
import { MESSAGES } from './messages';
import { formatProgrammes } from './programmes';
import type { CliMessages } from './messages';
import { messageOf, outputPathProblem, readLocalFile } from './local-file';
import type { ApplySummary, XlsxWorkbook } from './xlsx-host';

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_COULD_NOT_RUN = 2;

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Runs one command; `argv` without the `node` and script paths. Never throws, never exits the process. */
export async function main(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const parsed = parseArguments(argv);
  const messages = MESSAGES[parsed.kind === 'run' ? parsed.options.lang : parsed.lang];
  const fail = (line: string): number => {
    output.stderr(`por-tables: ${line}\n`);
    return EXIT_COULD_NOT_RUN;
  };
  try {
    switch (parsed.kind) {
      case 'help':
        output.stdout(`${messages.usage}\n`);
        return EXIT_OK;
      case 'programmes':
        output.stdout(formatProgrammes(presets(), parsed.lang, parsed.json));
        return EXIT_OK;
      case 'version':
        output.stdout(`por-tables ${packageVersion}\n`);
        return EXIT_OK;
      case 'error':
        return fail(messages.argumentError(parsed.error));
      case 'run':
        return await run(parsed.options, messages, output, fail);
    }
  } catch (error) {
    // An engine or library failure nobody planned for: its message, on one line, and nothing else.
    return fail(messageOf(error));
  }
}

async function run(
  options: RunOptions,
  messages: CliMessages,
  output: CliOutput,
  fail: (line: string) => number,
): Promise<number> {
  if (options.output !== null) {
    const problem = await outputPathProblem(options.input, options.output);
    if (problem) return fail(messages.fileProblem(problem));
  }
  const fileModel =
    options.modelPath === null ? null : await loadModel(options.modelPath, messages, options.lang);
  if (typeof fileModel === 'string') return fail(fileModel);
  // A mistyped --programme is said before the workbook is read (the engine would say it after).
  if (options.programme !== null && !findPreset(options.programme))
    return fail(messages.unknownProgramme(options.programme, nearestPresetIds(options.programme)));
  // Loaded only now: ExcelJS takes most of the start-up time, and help or a refused option need none of it.
  // `check` writes nothing: it reads the Grid alone (any format SheetJS reads: .xlsx, .xlsb, .ods).
  let workbook: XlsxWorkbook | null = null;
  let grid: Grid;
  if (options.command === 'check') {
    const { readGridFile } = await import('./xlsx-read');
    const read = await readGridFile(options.input);
    if (!read.ok) return fail(messages.fileProblem(read.problem));
    grid = read.grid;
  } else {
    const { XlsxWorkbook } = await import('./xlsx-host');
    const opened = await XlsxWorkbook.open(options.input);
    if (!opened.ok) return fail(messages.fileProblem(opened.problem));
    workbook = opened.workbook;
    grid = workbook.grid();
  }
  // --model, --programme, the stored model, a preset the allocations match, the default: the engine decides.
  const choice = chooseModel({
    explicit: fileModel ?? undefined,
    programme: options.programme ?? undefined,
    stored: modelFromWorkbook(grid, options.lang),
    grid,
    versionId: options.versionId ?? undefined,
  });
  // Batch work does not go on with something other than what was asked for or stored: exit 2.
  const [problem] = choice.problems;
  if (problem) return fail(describeModelProblem(problem, messages));
  const analysis = analyse(grid, {
    model: choice.model,
    versionId: choice.versionId,
    lang: options.lang,
    modelSource: choice.source,
  });
  const exitCode = analysis.findings.some((f) => f.severity === 'error') ? EXIT_ERROR_FINDINGS : EXIT_OK;
  if (options.command === 'check') {
    printAnalysis(analysis, options, messages, output);
    return exitCode;
  }

  if (!workbook) throw new Error(`${options.command} needs the workbook opened for writing`);
  const now = new Date().toISOString();
  const plan: WritePlan =
    options.command === 'fill'
      ? planFill(analysis, { force: options.force, now })
      : planReport(analysis, { now });
  const summary = workbook.apply(plan);
  const writeProblem = await workbook.write(options.output as string);
  if (writeProblem) return fail(messages.fileProblem(writeProblem));

  printAnalysis(analysis, options, messages, output);
  // With --json, stdout holds only the JSON: what was written goes to stderr.
  const notes = options.json ? (text: string) => output.stderr(prefixLines(text)) : output.stdout;
  if (options.command === 'fill') {
    // Under --force the plan holds no conflicts: plan once more without it to say what was overwritten.
    const overwritten = options.force ? planFill(analysis, { force: false, now }).conflicts : [];
    notes(describeFill(analysis, plan, summary, overwritten, options, messages));
  } else {
    notes(describeReport(summary, options, messages));
  }
  return exitCode;
}

function printAnalysis(
  analysis: Analysis,
  options: RunOptions,
  messages: CliMessages,
  output: CliOutput,
): void {
  if (options.json) output.stdout(`${JSON.stringify(toJsonResult(analysis), null, 2)}\n`);
  else output.stdout(formatAnalysis(analysis, messages));
}

function describeFill(
  analysis: Analysis,
  plan: WritePlan,
  summary: ApplySummary,
  overwritten: WritePlan['conflicts'],
  options: RunOptions,
  messages: CliMessages,
): string {
  const written = summary.cellsWritten + summary.sheetCellsWritten;
  const path = options.output as string;
  const lines = [''];
  if (written === 0 && plan.conflicts.length === 0) {
    const tables = analysis.tables;
    lines.push(
      !tables.progress && !tables.indicators ? messages.nothingToFill(path) : messages.alreadyFilled(path),
    );
  } else {
    lines.push(messages.cellsWritten(written, path));
  }
  if (plan.conflicts.length > 0) {
    lines.push(
      messages.conflictsLeft(plan.conflicts.length),
      ...formatConflicts(plan.conflicts, messages, options.lang),
      messages.useForce,
    );
  }
  if (overwritten.length > 0)
    lines.push(
      messages.conflictsOverwritten(overwritten.length),
      ...formatConflicts(overwritten, messages, options.lang),
    );
  if (summary.logRowsAppended > 0) lines.push(messages.logAppended(summary.logRowsAppended, LOG_SHEET));
  return `${lines.join('\n')}\n`;
}

function describeReport(summary: ApplySummary, options: RunOptions, messages: CliMessages): string {
  const sheets = [...summary.sheetsCreated, ...summary.sheetsReplaced];
  const lines = ['', messages.reportWritten(options.output as string, sheets)];
  if (summary.logRowsAppended > 0) lines.push(messages.logAppended(summary.logRowsAppended, LOG_SHEET));
  return `${lines.join('\n')}\n`;
}

/** The model of `--model`; a sentence when it cannot be used. */
async function loadModel(path: string, messages: CliMessages, lang: Lang): Promise<ProgrammeModel | string> {
  const bytes = await readLocalFile(path);
  if (!Buffer.isBuffer(bytes)) return messages.modelFileProblem(bytes);
  const result = parseModel(bytes.toString('utf8'), lang);
  return result.ok ? result.model : messages.invalidModel(path, result.error);
}

function describeModelProblem(problem: ModelChoiceProblem, messages: CliMessages): string {
  if (problem.kind === 'stored-invalid') return messages.invalidStoredModel(problem.sheet, problem.error);
  if (problem.kind === 'unknown-programme')
    return messages.unknownProgramme(problem.programme, problem.nearest);
  return messages.unknownVersion(problem.versionId, problem.available);
}

function prefixLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `por-tables: ${line}\n`)
    .join('');
}
