import { useCallback, useRef, useState } from 'react';
import {
  LOG_SHEET,
  MODEL_SHEET,
  analyse,
  chooseModel,
  modelFromWorkbook,
  findingsCsv,
  planFill,
  planFlag,
  planIndicatorTable,
  planReport,
  planSample,
  planUndo,
} from '../engine';
import { applyFailureOf } from '../engine';
import type { Analysis, AnalyseOptions, Finding, Grid, Lang, WritePlan } from '../engine';
import type { HostGrid, ReadNotice, WorkbookHost } from '../engine';
import { SAMPLE_SHEET } from './sampleSheet';
import { count, format } from './i18n';
import type { Strings } from './i18n';
import { conflictsRequest, replaceRequest, undoRequest, writeRequest } from './confirmation';
import type { ConfirmChoice, ConfirmRequest } from './confirmation';
import { countBySeverity, placeOf } from './findingGroups';
import { describeOutcome, describeParts, formatLogTime, undoneAction } from './outcome';
import { isEmptyPlan, summarizePlan, withReplace } from './planSummary';

export type PaneAction = 'check' | 'fill' | 'flag' | 'report' | 'undo' | 'sample' | 'indicators' | 'export';
export type StatusIntent = 'success' | 'info' | 'warning' | 'error';

export interface PaneStatus {
  intent: StatusIntent;
  text: string;
}

export interface PendingConfirm {
  request: ConfirmRequest;
  choose: (choice: ConfirmChoice) => void;
}

/**
 * Turns any thrown value into what the user reads: what happened and what to do next
 * (the Excel host's describer knows Office's error codes).
 */
export type ErrorDescriber = (error: unknown, lang: Lang) => string;

export interface PaneWorkflowOptions {
  host: WorkbookHost;
  lang: Lang;
  strings: Strings;
  describeError: ErrorDescriber;
  /** The model and version the user picked, if any (`{}` otherwise); read when an action starts. */
  analyseOptions: () => AnalyseOptions;
  /** Hands a file to the user (Esporta rilievi); a browser download by default. */
  download?: (fileName: string, text: string, type: string) => void;
}

/** A download from the pane's own page: no request leaves it (a Blob URL is local). */
export function browserDownload(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface PaneWorkflow {
  analysis: Analysis | null;
  busy: PaneAction | null;
  status: PaneStatus | null;
  confirm: PendingConfirm | null;
  run: (action: PaneAction) => Promise<void>;
  select: (finding: Finding) => Promise<void>;
  setStatus: (status: PaneStatus | null) => void;
}

/** The button's verb for an action; a log's action id (`fill`) too. */
export function actionLabel(action: PaneAction | string, strings: Strings): string {
  const labels: Record<string, string> = {
    check: strings.actionCheck,
    fill: strings.actionFill,
    flag: strings.actionFlag,
    report: strings.actionReport,
    undo: strings.actionUndo,
    sample: strings.actionSample,
    indicators: strings.actionIndicators,
    export: strings.actionExport,
  };
  return labels[action] ?? action;
}

/** Neither Tabella 2 nor an indicator table: Compila and Segnala have nothing to work on. */
function hasNoComputedTables(analysis: Analysis): boolean {
  return analysis.tables.progress === null && analysis.tables.indicators === null;
}

/** Lets React paint the Spinner before the engine's synchronous work blocks the thread. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The pane's actions: read the workbook, run the engine, ask before writing, apply, re-check.
 * One action at a time; every failure ends as a status message, never as an exception.
 */
export function usePaneWorkflow(options: PaneWorkflowOptions): PaneWorkflow {
  const { host, lang, strings, describeError, analyseOptions } = options;
  const download = options.download ?? browserDownload;
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [busy, setBusy] = useState<PaneAction | null>(null);
  const [status, setStatus] = useState<PaneStatus | null>(null);
  const [confirm, setConfirm] = useState<PendingConfirm | null>(null);
  const running = useRef(false);

  const ask = useCallback(
    (request: ConfirmRequest): Promise<ConfirmChoice> =>
      new Promise((resolve) => {
        setConfirm({
          request,
          choose: (choice) => {
            setConfirm(null);
            resolve(choice);
          },
        });
      }),
    [],
  );

  const reason = useCallback(
    (error: unknown): string => describeError(error, lang) || strings.unknownError,
    [describeError, lang, strings],
  );

  /** What the last read had to do (a sheet read in blocks, or left out), said after the action. */
  const readNotices = useRef<ReadNotice[]>([]);
  const readGrid = useCallback(async (): Promise<HostGrid> => {
    const grid = await host.read();
    readNotices.current = grid.notices ?? [];
    return grid;
  }, [host]);
  /** The status text, with what the read had to do after it. */
  const withNotices = useCallback(
    (text: string): string => {
      const notes = readNotices.current.map((notice) =>
        format(notice.kind === 'blocks' ? strings.readInBlocks : strings.readTooLarge, {
          sheet: notice.sheet,
          cells: notice.cells.toLocaleString(lang === 'it' ? 'it-IT' : 'en-US'),
        }),
      );
      return [text, ...notes].join(' ');
    },
    [lang, strings],
  );

  /** Reads the whole workbook in one batch and analyses it; the list shows the result. */
  const storedModelProblem = useRef<string | null>(null);
  const checkWorkbook = useCallback(async (): Promise<Analysis> => {
    const grid = await readGrid();
    await nextTick();
    // The user's pick, else the model stored in the workbook, else a preset the allocations match,
    // else the embedded one: the engine decides.
    const picked = analyseOptions();
    const choice = chooseModel({
      explicit: picked.model,
      stored: modelFromWorkbook(grid, lang),
      grid,
      versionId: picked.versionId,
    });
    const storedProblem = choice.problems.find((p) => p.kind === 'stored-invalid');
    storedModelProblem.current = storedProblem?.kind === 'stored-invalid' ? storedProblem.error : null;
    const result = analyse(grid, {
      model: choice.model,
      versionId: choice.versionId,
      lang,
      modelSource: choice.source,
    });
    setAnalysis(result);
    return result;
  }, [readGrid, lang, analyseOptions]);

  /** Applies the plan, re-checks, and says what changed and where (from the plan that was applied). */
  const applyAndRecheck = useCallback(
    async (action: PaneAction, plan: WritePlan, before: Grid): Promise<void> => {
      let result;
      try {
        result = await host.apply(plan);
      } catch (error) {
        const failure = applyFailureOf(error);
        if (failure?.code !== 'WorkbookChanged' && failure?.code !== 'WriteInterrupted') throw error;
        // Nothing written (the workbook changed after the check), or part of it: the list shows the
        // workbook as it is now.
        const label = actionLabel(action, strings);
        const text =
          failure.code === 'WorkbookChanged'
            ? format(strings.writeChanged, { reason: reason(error), action: label })
            : format(strings.writeInterrupted, {
                action: label,
                reason: reason(error),
                written: describeParts(failure.written, before, strings),
                notWritten: describeParts(failure.notWritten, before, strings),
              });
        try {
          await nextTick();
          await checkWorkbook();
        } catch (recheckError) {
          return setStatus({
            intent: 'error',
            text: `${text} ${format(strings.recheckFailed, { reason: reason(recheckError) })}`,
          });
        }
        return setStatus({ intent: failure.code === 'WorkbookChanged' ? 'warning' : 'error', text });
      }
      const what = describeOutcome(plan, result, before, strings);
      const undone = action === 'undo' ? undoneAction(plan) : null;
      const done = undone
        ? format(strings.doneUndo, {
            action: actionLabel(undone.action, strings),
            time: formatLogTime(undone.time, lang),
            what,
          })
        : format(strings.doneWrite, { action: actionLabel(action, strings), what });
      try {
        await nextTick();
        await checkWorkbook();
      } catch (error) {
        setStatus({ intent: 'warning', text: format(strings.recheckFailed, { reason: reason(error) }) });
        return;
      }
      setStatus({ intent: 'success', text: withNotices(done) });
    },
    [host, lang, strings, checkWorkbook, reason, withNotices],
  );

  const cancelled = useCallback(() => setStatus({ intent: 'info', text: strings.cancelled }), [strings]);

  const steps: Record<PaneAction, () => Promise<void>> = {
    check: async () => {
      const result = await checkWorkbook();
      const counts = countBySeverity(result.findings);
      if (storedModelProblem.current) {
        return setStatus({
          intent: 'warning',
          text: format(strings.storedModelInvalid, {
            sheet: MODEL_SHEET,
            reason: storedModelProblem.current,
          }),
        });
      }
      setStatus({
        intent: counts.error > 0 || readNotices.current.length > 0 ? 'warning' : 'success',
        text: withNotices(
          format(strings.checkDone, {
            errors: count(counts.error, strings.countErrorOne, strings.countErrorMany),
            warnings: count(counts.warning, strings.countWarningOne, strings.countWarningMany),
            infos: count(counts.info, strings.countInfoOne, strings.countInfoMany),
          }),
        ),
      });
    },
    fill: async () => {
      const current = await checkWorkbook();
      const plan = planFill(current);
      if (plan.conflicts.length === 0) {
        if (isEmptyPlan(plan)) {
          const text = hasNoComputedTables(current) ? strings.nothingFillNoTables : strings.nothingFill;
          return setStatus({ intent: 'info', text });
        }
        const choice = await ask(writeRequest(strings.actionFill, plan, current.grid, strings));
        return choice === 'ok' ? applyAndRecheck('fill', plan, current.grid) : cancelled();
      }
      const forced = planFill(current, { force: true });
      const choice = await ask(conflictsRequest(plan, forced, current.grid, strings));
      if (choice === 'cancel') return cancelled();
      if (choice === 'ok') return applyAndRecheck('fill', forced, current.grid);
      if (isEmptyPlan(plan)) return setStatus({ intent: 'info', text: strings.nothingFillOnlyEmpty });
      return applyAndRecheck('fill', plan, current.grid);
    },
    flag: async () => {
      const current = await checkWorkbook();
      const plan = planFlag(current);
      if (isEmptyPlan(plan)) {
        const text = hasNoComputedTables(current) ? strings.nothingFlagNoTables : strings.nothingFlag;
        return setStatus({ intent: 'info', text });
      }
      const choice = await ask(writeRequest(strings.actionFlag, plan, current.grid, strings));
      return choice === 'ok' ? applyAndRecheck('flag', plan, current.grid) : cancelled();
    },
    report: async () => {
      const current = await checkWorkbook();
      const plan = planReport(current);
      if (isEmptyPlan(plan)) return setStatus({ intent: 'info', text: strings.nothingReport });
      const replacing = summarizePlan(plan, current.grid).replacedSheets.length > 0;
      const request = replacing
        ? replaceRequest(plan, current.grid, strings)
        : writeRequest(strings.actionReport, plan, current.grid, strings);
      const choice = await ask(request);
      if (choice !== 'ok') return cancelled();
      return applyAndRecheck('report', replacing ? withReplace(plan) : plan, current.grid);
    },
    indicators: async () => {
      const current = await checkWorkbook();
      const { plan, refused } = planIndicatorTable(current);
      if (refused === 'exists') return setStatus({ intent: 'info', text: strings.nothingIndicatorsExists });
      if (refused === 'no-indicators') {
        return setStatus({
          intent: 'info',
          text: format(strings.nothingIndicatorsModel, { model: current.model.title }),
        });
      }
      const choice = await ask(writeRequest(strings.actionIndicators, plan, current.grid, strings));
      return choice === 'ok' ? applyAndRecheck('indicators', plan, current.grid) : cancelled();
    },
    export: async () => {
      // What the list shows, as the list shows it: the last check's findings, in the pane's language.
      const current = analysis ?? (await checkWorkbook());
      if (current.findings.length === 0) return setStatus({ intent: 'info', text: strings.exportNothing });
      const day = new Date().toISOString().slice(0, 10);
      const file = `${lang === 'it' ? 'rilievi' : 'findings'}-por-tables-${day}.csv`;
      download(file, findingsCsv([{ findings: current.findings }], lang), 'text/csv;charset=utf-8');
      setStatus({
        intent: 'success',
        text: format(strings.exportDone, {
          count: count(current.findings.length, strings.groupCountOne, strings.groupCount),
          file,
        }),
      });
    },
    sample: async () => {
      const grid = await readGrid();
      await nextTick();
      const plan = planSample(grid, SAMPLE_SHEET);
      const choice = await ask(writeRequest(strings.actionSample, plan, grid, strings));
      return choice === 'ok' ? applyAndRecheck('sample', plan, grid) : cancelled();
    },
    undo: async () => {
      const grid = await readGrid();
      await nextTick();
      const plan = planUndo(grid, { lang });
      if (plan === null) {
        return setStatus({ intent: 'info', text: format(strings.nothingUndo, { log: LOG_SHEET }) });
      }
      // Even with nothing to restore (a report that replaced sheets) the undo is logged, so the next
      // Annulla reaches the action before.
      const choice = await ask(undoRequest(plan, strings, lang, (action) => actionLabel(action, strings)));
      return choice === 'ok' ? applyAndRecheck('undo', plan, grid) : cancelled();
    },
  };

  const run = async (action: PaneAction): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(action);
    setStatus(null);
    try {
      await nextTick();
      await steps[action]();
    } catch (error) {
      setStatus({
        intent: 'error',
        text: format(strings.failed, { action: actionLabel(action, strings), reason: reason(error) }),
      });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const select = async (finding: Finding): Promise<void> => {
    // A finding about the whole workbook (a table found on no sheet) has no cell to go to.
    if (!finding.sheet) return;
    try {
      await host.select(finding.sheet, finding.cell);
    } catch (error) {
      setStatus({
        intent: 'error',
        text: format(strings.failed, { action: placeOf(finding), reason: reason(error) }),
      });
    }
  };

  return { analysis, busy, status, confirm, run, select, setStatus };
}
