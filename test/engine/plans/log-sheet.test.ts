import { LOG_HEADER, LOG_SHEET, logRowValues, planUndo } from '../../../src/engine';
import type { CellValue, Grid, LogEntry } from '../../../src/engine';
import { LOG_ACTION_LABELS } from '../../../src/engine/plan';
import { SHEET_CREATED, actionFromLog, readLog } from '../../../src/engine/plans/log-sheet';
import { sheetFromRows } from '../../taskpane/memory-host';

/** The log sheet speaks Italian, and is read back whether an older version wrote it in ids or we wrote it in labels. */

const FILL_TIME = '2026-11-20T09:00:00.000Z';
const REPORT_TIME = '2026-11-21T09:00:00.000Z';
const UNDO_TIME = '2026-11-22T09:00:00.000Z';

function withLog(rows: CellValue[][]): Grid {
  const data = sheetFromRows('Dati', [
    ['A', 'B', 'C'],
    [1, 2, 0.5],
  ]);
  data.formulas[1][2] = '=IF(A2=0,"",B2/A2)';
  return {
    sheets: [
      data,
      sheetFromRows('Report POR', [['x']]),
      sheetFromRows(LOG_SHEET, [[...LOG_HEADER], ...rows]),
    ],
  };
}

/** As versions before the Italian log wrote it: action ids, `sheet-created`. */
const OLD_LOG: CellValue[][] = [
  [FILL_TIME, 'fill', '2022-12', 'Dati', 'C2', 0.5, 'General', '=IF(A2=0,"",B2/A2)'],
  [REPORT_TIME, 'report', '2022-12', 'Report POR', '', null, '', 'sheet-created'],
];

describe('the log sheet', () => {
  it('writes the action as an Italian verb in the Azione column', () => {
    const entry: LogEntry = {
      time: FILL_TIME,
      action: 'fill',
      modelVersion: '2022-12',
      sheet: 'Dati',
      cell: 'C2',
      old: null,
      oldFormat: '',
      new: '=1',
    };
    expect(logRowValues(entry)[LOG_HEADER.indexOf('Azione')]).toBe('Compila');
    expect(Object.values(LOG_ACTION_LABELS)).toEqual([
      'Compila',
      'Segnala',
      'Genera report',
      'Annulla',
      'Esempio',
      'Crea tabella indicatori',
    ]);
  });

  it.each([
    ['fill', 'fill'],
    ['Compila', 'fill'],
    [' genera report ', 'report'],
    ['Annulla', 'undo'],
    ['undo', 'undo'],
    ['Esempio', 'sample'],
    ['Segnala', 'flag'],
    ['Verifica', null],
    ['', null],
  ])('reads the action %j as %j', (text, action) => {
    expect(actionFromLog(text)).toBe(action);
  });

  it('reads a log an older version wrote (ids, English sheet markers) as ours', () => {
    const entries = readLog(withLog(OLD_LOG));
    expect(entries.map((e) => [e.action, e.new])).toEqual([
      ['fill', '=IF(A2=0,"",B2/A2)'],
      ['report', SHEET_CREATED],
    ]);
  });

  it('undoes the last action of an old log, and the one before once the undo is logged in Italian', () => {
    const grid = withLog(OLD_LOG);
    const undoReport = planUndo(grid, { now: UNDO_TIME });
    expect(undoReport?.deleteSheets).toEqual(['Report POR']);
    const logged = undoReport?.log.map(logRowValues) ?? [];
    expect(logged.map((row) => row[1])).toEqual(['Annulla']);
    expect(logged[0][5]).toBe('Genera report');

    // The undo row appended as a host does: Italian label, machine marker.
    const after = withLog([...OLD_LOG, ...logged]);
    const undoFill = planUndo(after, { now: '2026-11-23T09:00:00.000Z' });
    expect(undoFill?.cells).toEqual([expect.objectContaining({ sheet: 'Dati', cell: 'C2', value: 0.5 })]);
  });

  it('with everything undone, there is nothing left to undo', () => {
    const once = planUndo(withLog(OLD_LOG), { now: UNDO_TIME });
    const twice = planUndo(withLog([...OLD_LOG, ...(once?.log.map(logRowValues) ?? [])]), { now: UNDO_TIME });
    const rows = [
      ...OLD_LOG,
      ...(once?.log.map(logRowValues) ?? []),
      ...(twice?.log.map(logRowValues) ?? []),
    ];
    expect(planUndo(withLog(rows))).toBeNull();
  });
});
