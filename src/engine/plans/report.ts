import Decimal from 'decimal.js';
import { a1, sheetRef } from '../address';
import type { Analysis } from '../analysis';
import type { NumberCell, TextCell } from '../cells';
import { evaluateIndicator } from '../indicators';
import type { CellWrite, SheetPlan, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import { FINDINGS_SHEET, REPORT_SHEET } from '../sheets';
import { RATIOS, type ProgressColumn } from '../tables';
import { EURO_FORMAT, PERCENT_FORMAT } from './fill';
import { ratioFormula, statusFormula, statusLabel } from './indicator-formulas';
import { SHEET_CREATED } from './log-sheet';

const TEXT = {
  it: {
    title: (t: string) => `${t} — tabelle del rapporto`,
    generated: (d: string, s: string) => `Generato il ${d} da POR Tables. Importi e valori sono collegati con formule al foglio "${s}"; rapporti e percentuali sono calcolati da formule.`,
    plan: 'TABELLA 1. – PIANO FINANZIARIO',
    progress: 'TABELLA 2. – AVANZAMENTO FINANZIARIO',
    indicators: 'TABELLA 3. – INDICATORI DI OUTPUT E DI RISULTATO',
    planHeader: ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
    progressUpper: ['Asse', 'Dotazione finanziaria', 'Programmato', 'Avanzamento programmato', 'Impegni', 'Avanzamento impegni', 'Pagamenti ai beneficiari', 'Avanzamento pagamenti', 'Spesa certificata', 'Avanzamento spesa certificata'],
    indicatorHeader: ['Asse', 'Priorità', 'Codice', 'Indicatore', 'Tipo', 'Unità', 'Valore', 'Target 2023', '% del target', 'Stato'],
    total: 'TOTALE',
    axis: (id: string) => `Asse ${id}`,
    findingsTitle: 'Rilievi di POR Tables',
    findingsHeader: ['Gravità', 'Regola', 'Tabella', 'Foglio', 'Cella', 'Messaggio', 'Atteso', 'Rilevato'],
    severity: { error: 'Errore', warning: 'Avviso', info: 'Info' },
    table: { plan: 'Tabella 1', progress: 'Tabella 2', indicators: 'Indicatori', workbook: 'Cartella' },
    counts: (e: number, w: number, i: number) => `Errori: ${e} · Avvisi: ${w} · Info: ${i}`,
    none: 'Nessun rilievo.',
    missing: (what: string) => `${what}: tabella non trovata nella cartella.`,
  },
  en: {
    title: (t: string) => `${t} — report tables`,
    generated: (d: string, s: string) => `Generated on ${d} by POR Tables. Amounts and values are linked by formula to sheet "${s}"; ratios and percentages are computed by formulas.`,
    plan: 'TABLE 1. – FINANCIAL PLAN',
    progress: 'TABLE 2. – FINANCIAL PROGRESS',
    indicators: 'TABLE 3. – OUTPUT AND RESULT INDICATORS',
    planHeader: ['TO', 'Axis', 'Name', 'Allocation', '%'],
    progressUpper: ['Axis', 'Allocation', 'Programmed', 'Programming rate', 'Commitments', 'Commitment rate', 'Payments to beneficiaries', 'Payment rate', 'Certified expenditure', 'Certification rate'],
    indicatorHeader: ['Axis', 'Priority', 'Code', 'Indicator', 'Type', 'Unit', 'Value', 'Target 2023', '% of target', 'Status'],
    total: 'TOTAL',
    axis: (id: string) => `Axis ${id}`,
    findingsTitle: 'POR Tables findings',
    findingsHeader: ['Severity', 'Rule', 'Table', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual'],
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    table: { plan: 'Table 1', progress: 'Table 2', indicators: 'Indicators', workbook: 'Workbook' },
    counts: (e: number, w: number, i: number) => `Errors: ${e} · Warnings: ${w} · Info: ${i}`,
    none: 'No findings.',
    missing: (what: string) => `${what}: table not found in the workbook.`,
  },
} as const;

const LOWER_HEADER: ProgressColumn[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
const LETTER_LABEL: Record<ProgressColumn, string> = { A: 'A', B: 'B', C: 'C=B/A', D: 'D', E: 'E=D/B', F: 'F', G: 'G=F/D', H: 'H', I: 'I=H/F' };

/**
 * Genera report: a report sheet with Tabella 1, 2 and the indicators in the RAA's layout and
 * formats, every amount linked by formula to its source cell and every ratio a formula; and a
 * findings sheet an auditor can file. Both replace sheets of the same name.
 */
export function planReport(analysis: Analysis, options: { now?: string } = {}): WritePlan {
  const plan = emptyPlan('report', analysis.version.id);
  const time = options.now ?? new Date().toISOString();
  const t = TEXT[analysis.lang];
  const report: SheetPlan = {
    name: REPORT_SHEET,
    replace: true,
    cells: [],
    columnWidths: [12, 16, 34, 20, 16, 20, 16, 20, 16, 20],
    merges: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  };
  const cells = report.cells;
  const put = (row: number, col: number, w: Omit<CellWrite, 'sheet' | 'cell'>) => cells.push({ sheet: REPORT_SHEET, cell: a1(row, col), ...w });
  const text = (row: number, col: number, value: string, bold = false) => put(row, col, { value, ...(bold ? { bold } : {}) });
  const link = (row: number, col: number, source: NumberCell | null | undefined, numberFormat: string) => {
    if (!source || source.kind === 'empty') return text(row, col, '');
    const cached = source.value ? source.value.toNumber() : typeof source.raw === 'number' || typeof source.raw === 'string' ? source.raw : null;
    put(row, col, { formula: `=${sheetRef(source.sheet, source.address)}`, value: cached, numberFormat: source.kind === 'number' ? preferredFormat(source.numberFormat, numberFormat) : numberFormat });
  };
  const labelOf = (cell: TextCell | null) => cell?.text ?? '';
  const sourceSheet = analysis.tables.plan?.sheet ?? analysis.tables.progress?.sheet ?? analysis.tables.indicators?.sheet ?? '';

  let row = 0;
  text(row++, 0, t.title(analysis.model.title), true);
  text(row++, 0, analysis.versionNote);
  text(row++, 0, t.generated(time.slice(0, 10), sourceSheet));
  row++;

  // Tabella 1
  const plan1 = analysis.tables.plan;
  text(row++, 0, t.plan, true);
  if (plan1) {
    t.planHeader.forEach((h, c) => text(row, c, h, true));
    row++;
    const first = row;
    const totalRow = first + plan1.rows.length;
    for (const r of plan1.rows) {
      const axis = analysis.version.axes.find((a) => a.id === r.axisId);
      text(row, 0, labelOf(r.ot));
      text(row, 1, r.axisId ? t.axis(r.axisId) : labelOf(r.label));
      text(row, 2, labelOf(r.name) || axis?.name || '');
      link(row, 3, r.allocation, EURO_FORMAT);
      put(row, 4, { formula: `=IF($D$${totalRow + 1}=0,"",D${row + 1}/$D$${totalRow + 1})`, value: shareOf(r.allocation, plan1.total?.allocation), numberFormat: PERCENT_FORMAT });
      row++;
    }
    text(row, 1, t.total, true);
    if (plan1.total?.allocation && plan1.total.allocation.kind !== 'empty') link(row, 3, plan1.total.allocation, EURO_FORMAT);
    else put(row, 3, { formula: `=SUM(D${first + 1}:D${row})`, value: sumOf(plan1.rows.map((r) => r.allocation)), numberFormat: EURO_FORMAT, bold: true });
    put(row, 4, { formula: `=IF($D$${totalRow + 1}=0,"",D${row + 1}/$D$${totalRow + 1})`, value: 1, numberFormat: PERCENT_FORMAT });
    row++;
  } else {
    text(row++, 0, t.missing(t.plan));
  }
  row++;

  // Tabella 2
  const progress = analysis.tables.progress;
  text(row++, 0, t.progress, true);
  if (progress) {
    t.progressUpper.forEach((h, c) => text(row, c, h, true));
    row++;
    LOWER_HEADER.forEach((letter, i) => text(row, i + 1, LETTER_LABEL[letter], true));
    row++;
    for (const r of [...progress.rows, ...(progress.total ? [progress.total] : [])]) {
      const isTotal = r === progress.total;
      text(row, 0, isTotal ? t.total : r.axisId ? t.axis(r.axisId) : r.label.text, isTotal);
      LOWER_HEADER.forEach((letter, i) => {
        const pair = RATIOS.find((x) => x.ratio === letter);
        if (!pair) return link(row, i + 1, r.cells[letter], EURO_FORMAT);
        const num = a1(row, LOWER_HEADER.indexOf(pair.numerator) + 1);
        const den = a1(row, LOWER_HEADER.indexOf(pair.denominator) + 1);
        const n = r.cells[pair.numerator]?.value;
        const d = r.cells[pair.denominator]?.value;
        put(row, i + 1, { formula: `=IF(${den}=0,"",${num}/${den})`, value: n && d && !d.isZero() ? n.dividedBy(d).toNumber() : '', numberFormat: PERCENT_FORMAT });
      });
      row++;
    }
  } else {
    text(row++, 0, t.missing(t.progress));
  }
  row++;

  // Indicators
  const indicators = analysis.tables.indicators;
  if (indicators) {
    text(row++, 0, t.indicators, true);
    t.indicatorHeader.forEach((h, c) => text(row, c, h, true));
    row++;
    for (const r of indicators.rows) {
      const e = evaluateIndicator(r, analysis.model);
      text(row, 0, labelOf(r.axis) || e.indicator?.axis || '');
      text(row, 1, labelOf(r.priority) || e.indicator?.priority || '');
      text(row, 2, labelOf(r.code) || e.indicator?.code || '');
      text(row, 3, labelOf(r.name) || e.indicator?.name || '');
      text(row, 4, labelOf(r.type));
      text(row, 5, labelOf(r.unit));
      link(row, 6, r.value, '#,##0');
      link(row, 7, r.target, '#,##0');
      const ratioAddress = a1(row, 8);
      put(row, 8, { formula: ratioFormula(a1(row, 6), a1(row, 7), e.direction), value: e.ratio ? e.ratio.toNumber() : '', numberFormat: PERCENT_FORMAT });
      put(row, 9, { formula: statusFormula(ratioAddress, analysis.model.thresholds, analysis.lang), value: statusLabel(e.status, analysis.lang) });
      row++;
    }
  }
  report.printTitleRows = '1:1';

  // Findings sheet
  const findings: SheetPlan = {
    name: FINDINGS_SHEET,
    replace: true,
    cells: [],
    columnWidths: [10, 26, 12, 14, 8, 90, 18, 18],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    printTitleRows: '5:5',
  };
  const f = (r: number, c: number, value: string | number, bold = false) => findings.cells.push({ sheet: FINDINGS_SHEET, cell: a1(r, c), value, ...(bold ? { bold } : {}) });
  const count = (s: string) => analysis.findings.filter((x) => x.severity === s).length;
  f(0, 0, t.findingsTitle, true);
  f(1, 0, analysis.versionNote);
  f(2, 0, `${time.slice(0, 19).replace('T', ' ')} UTC — ${t.counts(count('error'), count('warning'), count('info'))}`);
  t.findingsHeader.forEach((h, c) => f(4, c, h, true));
  analysis.findings.forEach((x, i) => {
    const r = 5 + i;
    [t.severity[x.severity], x.rule, t.table[x.table], x.sheet, x.cell, x.message, x.expected ?? '', x.actual ?? ''].forEach((v, c) => f(r, c, v));
  });
  if (analysis.findings.length === 0) f(5, 0, t.none);

  plan.sheets.push(report, findings);
  for (const sheet of [REPORT_SHEET, FINDINGS_SHEET]) {
    plan.log.push({ time, action: 'report', modelVersion: analysis.version.id, sheet, cell: '', old: analysis.grid.sheets.some((s) => s.name === sheet) ? 'sheet-replaced' : null, oldFormat: '', new: SHEET_CREATED });
  }
  return plan;
}

/** Keep the source's own format when it is a euro or number format; otherwise the RAA's. */
function preferredFormat(source: string, fallback: string): string {
  return source && source !== 'General' ? source : fallback;
}

function sumOf(cells: (NumberCell | null)[]): number {
  return cells.reduce((acc, c) => (c?.value ? acc.plus(c.value) : acc), new Decimal(0)).toNumber();
}

function shareOf(allocation: NumberCell | null, total: NumberCell | null | undefined): number | string {
  if (!allocation?.value || !total?.value || total.value.isZero()) return '';
  return allocation.value.dividedBy(total.value).toNumber();
}
