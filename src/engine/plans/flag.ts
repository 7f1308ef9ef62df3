import { a1 } from '../address';
import type { Analysis } from '../analysis';
import { evaluateIndicator } from '../indicators';
import type { ConditionalFormat, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import { readLog } from './log-sheet';

/** Colours of Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text". */
const ERROR_STYLE = { fill: '#FFC7CE', fontColor: '#9C0006' };
const WARNING_STYLE = { fill: '#FFEB9C', fontColor: '#9C5700' };
const INFO_STYLE = { fill: '#DDEBF7', fontColor: '#1F4E79' };

const LABELS = {
  it: {
    shortfall: (t: string) => `indicatore sotto la soglia del ${t} del target`,
    below: 'indicatore sotto il target, entro la tolleranza',
    stage: (big: string, small: string) => `${big} supera ${small}`,
    over: 'programmato oltre la dotazione',
  },
  en: {
    shortfall: (t: string) => `indicator below ${t} of target`,
    below: 'indicator below target, within tolerance',
    stage: (big: string, small: string) => `${big} exceeds ${small}`,
    over: 'programmed above the allocation',
  },
} as const;

/**
 * Segnala: conditional formats that follow the numbers when the user edits them, without running
 * the add-in again — indicators under target (error below the tolerance, warning within it) and
 * spending stages out of order in Tabella 2. A flag already placed (per the log) is not added twice.
 */
export function planFlag(analysis: Analysis, options: { now?: string } = {}): WritePlan {
  const plan = emptyPlan('flag', analysis.version.id);
  const time = options.now ?? new Date().toISOString();
  const labels = LABELS[analysis.lang];
  const placed = new Set(
    readLog(analysis.grid)
      .filter((e) => e.action === 'flag' && !e.undone)
      .map((e) => `${e.sheet}!${e.cell}!${String(e.new)}`),
  );
  const add = (cf: ConditionalFormat) => {
    if (placed.has(`${cf.sheet}!${cf.range}!${cf.formula}`)) return;
    plan.conditionalFormats.push(cf);
    plan.log.push({
      time,
      action: 'flag',
      modelVersion: analysis.version.id,
      sheet: cf.sheet,
      cell: cf.range,
      old: null,
      oldFormat: '',
      new: cf.formula,
    });
  };

  const indicators = analysis.tables.indicators;
  const { value: valueCol, target: targetCol } = indicators?.columns ?? {};
  if (indicators && valueCol !== undefined && targetCol !== undefined && indicators.rows.length > 0) {
    const tolerance = analysis.model.thresholds.tolerance;
    const percent = `${Number(tolerance) * 100}%`;
    // One format per run of rows with the same direction, relative to the run's first row.
    let start = 0;
    const rows = indicators.rows;
    for (let i = 1; i <= rows.length; i++) {
      const direction = evaluateIndicator(rows[start], analysis.model).direction;
      if (i < rows.length && evaluateIndicator(rows[i], analysis.model).direction === direction) continue;
      const first = rows[start].row;
      const last = rows[i - 1].row;
      const v = a1(first, valueCol);
      const t = a1(first, targetCol);
      const range = `${v}:${a1(last, valueCol)}`;
      const ratio = direction === 'higher' ? `${v}/${t}` : `${t}/${v}`;
      const guard = direction === 'higher' ? `${t}<>0` : `${v}<>0`;
      add({
        sheet: indicators.sheet,
        range,
        formula: `=AND(ISNUMBER(${v}),ISNUMBER(${t}),${guard},${ratio}<${tolerance})`,
        ...ERROR_STYLE,
        label: labels.shortfall(percent),
      });
      add({
        sheet: indicators.sheet,
        range,
        formula: `=AND(ISNUMBER(${v}),ISNUMBER(${t}),${guard},${ratio}>=${tolerance},${ratio}<1)`,
        ...WARNING_STYLE,
        label: labels.below,
      });
      start = i;
    }
  }

  const progress = analysis.tables.progress;
  if (progress && progress.rows.length > 0) {
    const first = progress.rows[0].row;
    const last = progress.rows[progress.rows.length - 1].row;
    const stages = [
      { big: 'D', small: 'B', style: WARNING_STYLE },
      { big: 'F', small: 'D', style: WARNING_STYLE },
      { big: 'H', small: 'F', style: WARNING_STYLE },
      { big: 'B', small: 'A', style: INFO_STYLE },
    ] as const;
    for (const { big, small, style } of stages) {
      const bigCol = progress.columns[big];
      const smallCol = progress.columns[small];
      if (bigCol === undefined || smallCol === undefined) continue;
      const b = a1(first, bigCol);
      const s = a1(first, smallCol);
      add({
        sheet: progress.sheet,
        range: `${b}:${a1(last, bigCol)}`,
        formula: `=AND(ISNUMBER(${b}),ISNUMBER(${s}),${b}>${s})`,
        ...style,
        label: big === 'B' ? labels.over : labels.stage(big, small),
      });
    }
  }
  return plan;
}
