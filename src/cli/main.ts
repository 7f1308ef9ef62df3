/**
 * `por-tables`: the engine over .xlsx files (SPEC §6). Exit code 0: no error findings; 1: error
 * findings; 2: the command could not run, said in one line on stderr, never with a stack trace.
 * `check` over several files or a folder prints a section per file and a summary, and exits with
 * the worst file's code.
 */
import { isMainThread } from 'node:worker_threads';
import { LOG_SHEET, findingsCsv, planFill, planIndicatorTable, planReport } from '../engine';
import type { Analysis, WritePlan } from '../engine';
import { a1, parseA1 } from '../engine/address';
import { findPreset, nearestPresetIds, presets } from '../model';
import type { ProgrammeModel } from '../model';
import { version as packageVersion } from '../../package.json';
import { parseArguments } from './args';
import type { RunOptions } from './args';
import { checkFiles, expandInputs, isCheckWorker, serveChecks } from './batch';
import { EXIT_COULD_NOT_RUN, EXIT_OK, analyseGrid, exitOf, loadModel } from './check-file';
import type { CheckRequest, FileOutcome } from './check-file';
import { formatAnalysis, formatBatchSection, formatBatchSummary, formatConflicts } from './human-output';
import { batchJsonEntry, toJsonResult } from './json-output';
import { MESSAGES } from './messages';
import { formatProgrammes } from './programmes';
import type { CliMessages } from './messages';
import { messageOf, outputPathProblem } from './local-file';
import type { ApplySummary } from './xlsx-host';

export { EXIT_COULD_NOT_RUN, EXIT_ERROR_FINDINGS, EXIT_OK } from './check-file';

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

// A thread started by `check` on a batch runs this same bundle: it serves checks, it reads no argv.
if (!isMainThread && isCheckWorker()) serveChecks();

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
  if (options.command === 'check') {
    const expanded = await expandInputs(options.inputs);
    if (expanded.files.length === 0) return fail(messages.noWorkbooks(options.inputs));
    if (expanded.files.length > 1 || expanded.folders)
      return checkBatch(expanded.files, options, messages, output);
    return checkOne(expanded.files[0], fileModel, options, messages, output, fail);
  }

  // Loaded only now: the patcher is needed by fill and report alone.
  const { XlsxWorkbook } = await import('./xlsx-host');
  const opened = await XlsxWorkbook.open(options.input);
  if (!opened.ok) return fail(messages.fileProblem(opened.problem));
  const workbook = opened.workbook;
  const analysis = analyseGrid(workbook.grid(), fileModel, options, messages);
  if (typeof analysis === 'string') return fail(analysis);
  const exitCode = exitOf(analysis);
  const now = new Date().toISOString();
  const plan: WritePlan =
    options.command === 'fill'
      ? planFill(analysis, { force: options.force, now })
      : planReport(analysis, { now });
  // fill --indicators: Tabella 3 from the model's indicators, when the workbook has none.
  const table =
    options.command === 'fill' && options.indicators ? planIndicatorTable(analysis, { now }) : null;
  const summary = workbook.apply(plan);
  const tableSummary = table && table.refused === null ? workbook.apply(table.plan) : null;
  const writeProblem = await workbook.write(options.output as string);
  if (writeProblem) return fail(messages.fileProblem(writeProblem));

  printAnalysis(analysis, options, messages, output);
  // With --json or --format csv, stdout holds only the findings: what was written goes to stderr.
  const notes =
    options.format !== 'text' ? (text: string) => output.stderr(prefixLines(text)) : output.stdout;
  if (options.command === 'fill') {
    // Under --force the plan holds no conflicts: plan once more without it to say what was overwritten.
    const overwritten = options.force ? planFill(analysis, { force: false, now }).conflicts : [];
    const created = table ? describeIndicatorTable(analysis, table, tableSummary, messages) : null;
    notes(describeFill(analysis, plan, summary, overwritten, created, tableSummary, options, messages));
  } else {
    notes(describeReport(summary, options, messages));
  }
  return exitCode;
}

/** `check` on one file: today's output, its exit code; a file that cannot be read exits 2. */
async function checkOne(
  file: string,
  fileModel: ProgrammeModel | null,
  options: RunOptions,
  messages: CliMessages,
  output: CliOutput,
  fail: (line: string) => number,
): Promise<number> {
  // `check` writes nothing: it reads the Grid alone (any format SheetJS reads: .xlsx, .xlsb, .ods).
  const { readGridFile } = await import('./xlsx-read');
  const read = await readGridFile(file);
  if (!read.ok) return fail(messages.fileProblem(read.problem));
  const analysis = analyseGrid(read.grid, fileModel, options, messages);
  if (typeof analysis === 'string') return fail(analysis);
  printAnalysis(analysis, options, messages, output);
  return exitOf(analysis);
}

/**
 * `check` on several files or a folder: text as a section per file then the summary table, CSV as
 * one document with a file column, JSON as `{ files: [...] }`; a file that cannot be read says so on
 * stderr and in its place, and the others go on. The exit code is the worst file's.
 */
async function checkBatch(
  files: string[],
  options: RunOptions,
  messages: CliMessages,
  output: CliOutput,
): Promise<number> {
  const request: CheckRequest = {
    modelPath: options.modelPath,
    programme: options.programme,
    versionId: options.versionId,
    lang: options.lang,
    format: options.format,
  };
  // Text goes out file by file, in order, as the checks come in; JSON and CSV are one document each.
  const outcomes = await checkFiles(files, request, (outcome, index) => {
    if (outcome.error !== null) output.stderr(`por-tables: ${outcome.error}\n`);
    if (options.format === 'text')
      output.stdout(`${index > 0 ? '\n' : ''}${formatBatchSection(outcome, messages)}`);
  });
  if (options.format === 'text') output.stdout(`\n${formatBatchSummary(outcomes, messages)}`);
  else if (options.format === 'json')
    output.stdout(`${JSON.stringify({ files: outcomes.map(batchJsonEntry) }, null, 2)}\n`);
  else
    output.stdout(
      findingsCsv(
        outcomes.map((o: FileOutcome) => ({ file: o.file, findings: o.findings })),
        options.lang,
      ),
    );
  return Math.max(EXIT_OK, ...outcomes.map((o) => o.exit));
}

function printAnalysis(
  analysis: Analysis,
  options: RunOptions,
  messages: CliMessages,
  output: CliOutput,
): void {
  if (options.format === 'json') output.stdout(`${JSON.stringify(toJsonResult(analysis), null, 2)}\n`);
  else if (options.format === 'csv')
    output.stdout(findingsCsv([{ findings: analysis.findings }], options.lang));
  else output.stdout(formatAnalysis(analysis, messages));
}

/** What `fill --indicators` did about Tabella 3: created (sheet, range, indicators), or why not. */
function describeIndicatorTable(
  analysis: Analysis,
  table: ReturnType<typeof planIndicatorTable>,
  summary: ApplySummary | null,
  messages: CliMessages,
): string {
  if (table.refused === 'exists') {
    const found = analysis.tables.indicators;
    return messages.indicatorTableExists(found?.sheet ?? '', found ? a1(found.headerTop, found.left) : '');
  }
  if (table.refused === 'no-indicators') return messages.noModelIndicators(analysis.model.id);
  const cells = table.plan.cells.length > 0 ? table.plan.cells : (table.plan.sheets[0]?.cells ?? []);
  const refs = cells.map((c) => parseA1(c.cell)).filter((r) => r !== null);
  const top = Math.min(...refs.map((r) => r.row));
  const bottom = Math.max(...refs.map((r) => r.row));
  const left = Math.min(...refs.map((r) => r.col));
  const right = Math.max(...refs.map((r) => r.col));
  const sheet = cells[0]?.sheet ?? '';
  const values = `${a1(top + 2, left + 6)}:${a1(bottom, left + 6)}`;
  const created = summary?.sheetsCreated.includes(sheet) ?? false;
  return messages.indicatorTableCreated({
    sheet,
    range: `${a1(top, left)}:${a1(bottom, right)}`,
    indicators: analysis.model.indicators.length,
    values,
    newSheet: created,
  });
}

function describeFill(
  analysis: Analysis,
  plan: WritePlan,
  summary: ApplySummary,
  overwritten: WritePlan['conflicts'],
  indicatorTable: string | null,
  tableSummary: ApplySummary | null,
  options: RunOptions,
  messages: CliMessages,
): string {
  // The cells of a Tabella 3 created by --indicators count too: they are written like the others.
  const written =
    summary.cellsWritten +
    summary.sheetCellsWritten +
    (tableSummary ? tableSummary.cellsWritten + tableSummary.sheetCellsWritten : 0);
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
  if (indicatorTable) lines.push(indicatorTable);
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
  const logRows = summary.logRowsAppended + (tableSummary?.logRowsAppended ?? 0);
  if (logRows > 0) lines.push(messages.logAppended(logRows, LOG_SHEET));
  return `${lines.join('\n')}\n`;
}

function describeReport(summary: ApplySummary, options: RunOptions, messages: CliMessages): string {
  const sheets = [...summary.sheetsCreated, ...summary.sheetsReplaced];
  const lines = ['', messages.reportWritten(options.output as string, sheets)];
  if (summary.logRowsAppended > 0) lines.push(messages.logAppended(summary.logRowsAppended, LOG_SHEET));
  return `${lines.join('\n')}\n`;
}

function prefixLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `por-tables: ${line}\n`)
    .join('');
}
