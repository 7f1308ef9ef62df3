import Decimal from 'decimal.js';
import { a1, sheetRef } from '../address';
import type { Analysis } from '../analysis';
import { SEVERITY_NAMES, TABLE_NAMES } from '../finding';
import type { AxisResult } from '../performance';
import type { NumberCell, TextCell } from '../cells';
import { evaluateIndicator } from '../indicators';
import type { CellWrite, PageFooter, SheetPlan, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import { FINDINGS_SHEET, REPORT_SHEET } from '../sheets';
import { RATIOS, type ProgressColumn } from '../tables';
import { EURO_FORMAT, PERCENT_FORMAT } from './fill';
import { INDICATOR_TABLE, ratioFormula, statusFormula, statusLabel } from './indicator-formulas';
import { SHEET_CREATED, SHEET_REPLACED } from './log-sheet';
import { rowHeight, sharedGrid, wrappedLines, type ColumnSpan, type TableColumns } from './report-layout';
import { formatValue, percentValue } from '../message-value';
import { renderFinding } from '../render';

const TEXT = {
  it: {
    title: (t: string) => `${t} — tabelle del rapporto`,
    generated: (d: string, s: string) =>
      `Generato il ${d} da POR Tables. Importi e valori sono collegati con formule al foglio "${s}"; rapporti e percentuali sono calcolati da formule.`,
    plan: 'TABELLA 1. – PIANO FINANZIARIO',
    progress: 'TABELLA 2. – AVANZAMENTO FINANZIARIO',
    indicators: INDICATOR_TABLE.it.caption,
    performance: 'QUADRO DI EFFICACIA – TARGET 2023 (REG. (UE) 215/2014, ART. 6)',
    performanceHeader: ['Asse', 'Esito', 'Indicatori del quadro di efficacia (% del target 2023)'],
    verdict: {
      achieved: 'Target raggiunti',
      not_achieved: 'Target non raggiunti',
      serious_failure: 'Grave carenza',
      not_assessed: 'Non valutato',
    },
    notAssessed: {
      'technical-assistance': 'Non valutato (assistenza tecnica)',
      'no-data': 'Non valutato (nessun dato)',
    },
    noData: 'nessun dato',
    performanceNote:
      "Target raggiunti: ogni indicatore almeno all'85% del target, o tutti tranne uno se sono almeno tre, con quello almeno al 75%. Grave carenza: due indicatori sotto il 65% (uno, se l'asse ne ha al più due). Esito calcolato da POR Tables alla generazione del report; percentuali troncate a due decimali.",
    planHeader: ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
    progressUpper: [
      'Asse',
      'Dotazione finanziaria',
      'Programmato',
      'Avanzamento programmato',
      'Impegni',
      'Avanzamento impegni',
      'Pagamenti ai beneficiari',
      'Avanzamento pagamenti',
      'Spesa certificata',
      'Avanzamento spesa certificata',
    ],
    indicatorHeader: INDICATOR_TABLE.it.header,
    total: 'TOTALE',
    axis: (id: string) => `Asse ${id}`,
    findingsTitle: 'Rilievi di POR Tables',
    findingsHeader: ['Gravità', 'Regola', 'Tabella', 'Foglio', 'Cella', 'Messaggio', 'Atteso', 'Rilevato'],
    severity: SEVERITY_NAMES.it,
    table: TABLE_NAMES.it,
    counts: (e: number, w: number, i: number) => `Errori: ${e} · Avvisi: ${w} · Info: ${i}`,
    none: 'Nessun rilievo.',
    missing: (what: string) => `${what}: tabella non trovata nella cartella.`,
    page: 'Pagina &P di &N',
  },
  en: {
    title: (t: string) => `${t} — report tables`,
    generated: (d: string, s: string) =>
      `Generated on ${d} by POR Tables. Amounts and values are linked by formula to sheet "${s}"; ratios and percentages are computed by formulas.`,
    plan: 'TABLE 1. – FINANCIAL PLAN',
    progress: 'TABLE 2. – FINANCIAL PROGRESS',
    indicators: INDICATOR_TABLE.en.caption,
    performance: 'PERFORMANCE FRAMEWORK – 2023 TARGETS (REG. (EU) 215/2014, ART. 6)',
    performanceHeader: ['Axis', 'Verdict', 'Performance-framework indicators (% of 2023 target)'],
    verdict: {
      achieved: 'Targets achieved',
      not_achieved: 'Targets not achieved',
      serious_failure: 'Serious failure',
      not_assessed: 'Not assessed',
    },
    notAssessed: {
      'technical-assistance': 'Not assessed (technical assistance)',
      'no-data': 'Not assessed (no data)',
    },
    noData: 'no data',
    performanceNote:
      'Targets achieved: every indicator at 85% of its target or more, or all but one when there are three or more, that one at 75% or more. Serious failure: two indicators below 65% (one, when the axis has at most two). Verdict computed by POR Tables when the report was generated; percentages cut to two decimals.',
    planHeader: ['TO', 'Axis', 'Name', 'Allocation', '%'],
    progressUpper: [
      'Axis',
      'Allocation',
      'Programmed',
      'Programming rate',
      'Commitments',
      'Commitment rate',
      'Payments to beneficiaries',
      'Payment rate',
      'Certified expenditure',
      'Certification rate',
    ],
    indicatorHeader: INDICATOR_TABLE.en.header,
    total: 'TOTAL',
    axis: (id: string) => `Axis ${id}`,
    findingsTitle: 'POR Tables findings',
    findingsHeader: ['Severity', 'Rule', 'Table', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual'],
    severity: SEVERITY_NAMES.en,
    table: TABLE_NAMES.en,
    counts: (e: number, w: number, i: number) => `Errors: ${e} · Warnings: ${w} · Info: ${i}`,
    none: 'No findings.',
    missing: (what: string) => `${what}: table not found in the workbook.`,
    page: 'Page &P of &N',
  },
} as const;

const LOWER_HEADER: ProgressColumn[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
const LETTER_LABEL: Record<ProgressColumn, string> = {
  A: 'A',
  B: 'B',
  C: 'C=B/A',
  D: 'D',
  E: 'E=D/B',
  F: 'F',
  G: 'G=F/D',
  H: 'H',
  I: 'I=H/F',
};

/** The RAA's look: thin borders on table cells, a light fill on header rows. */
const HEADER_FILL = '#DDEBF7';

/**
 * Printed widths of each table's columns, in characters; the flex column takes what the table
 * lacks of the page width: room for a total in bold (`971.067.817,19 €`) and for `Avanzamento`
 * unbroken in a header.
 */
const PLAN_COLUMNS: TableColumns = { widths: [10, 12, 60, 20, 13], min: [8, 10, 30, 19, 12], flex: 2 };
const PROGRESS_COLUMNS: TableColumns = {
  widths: [11, 20, 20, 13, 20, 13, 20, 13, 20, 13],
  min: [9, 19, 19, 12, 19, 12, 19, 12, 19, 12],
  flex: 0,
};
const INDICATOR_COLUMNS: TableColumns = {
  widths: [8, 10, 14, 49, 12, 13, 13, 13, 14, 17],
  min: [7, 9, 12, 30, 11, 12, 12, 12, 12, 15],
  flex: 3,
};
const FINDINGS_WIDTHS = [10, 26, 12, 14, 8, 80, 20, 20];

type CellStyle = Pick<CellWrite, 'bold' | 'wrap' | 'border' | 'fill' | 'align'>;
const HEADER: CellStyle = {
  bold: true,
  wrap: true,
  border: 'thin',
  fill: HEADER_FILL,
  align: { horizontal: 'center', vertical: 'center' },
};
const BODY_TEXT: CellStyle = { wrap: true, border: 'thin', align: { vertical: 'center' } };
const BODY_NUMBER: CellStyle = { border: 'thin', align: { vertical: 'center' } };
const bold = (style: CellStyle): CellStyle => ({ ...style, bold: true });

/**
 * Genera report: a report sheet with Tabella 1, 2 and the indicators in the RAA's layout and
 * formats, every amount linked by formula to its source cell and every ratio a formula; and a
 * findings sheet an auditor can file. Both replace sheets of the same name, and both print as the
 * RAA does: A4 landscape one page wide, bordered tables with a filled header, header rows
 * repeated on each page, a footer with the page, the model version and the date.
 */
export function planReport(analysis: Analysis, options: { now?: string } = {}): WritePlan {
  const plan = emptyPlan('report', analysis.version.id);
  const time = options.now ?? new Date().toISOString();
  const t = TEXT[analysis.lang];
  const footer = pageFooter(analysis, time, t.page);
  const report = reportSheet(analysis, time, footer);

  // Findings sheet
  const findings: SheetPlan = {
    name: FINDINGS_SHEET,
    replace: true,
    cells: [],
    columnWidths: FINDINGS_WIDTHS,
    merges: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    printTitleRows: '5:5',
    rowHeights: {},
    footer,
  };
  const findingLines = new Map<number, number>();
  const put = (r: number, c: number, value: string | number, style: CellStyle = {}) => {
    findings.cells.push({ sheet: FINDINGS_SHEET, cell: a1(r, c), value, ...style });
    const needed =
      style.wrap && typeof value === 'string' ? wrappedLines(value, FINDINGS_WIDTHS[c], style.bold) : 1;
    findingLines.set(r, Math.max(findingLines.get(r) ?? 1, needed));
  };
  const findingStyle = (c: number): CellStyle =>
    c >= 6 ? { ...BODY_TEXT, align: { vertical: 'center', horizontal: 'right' } } : BODY_TEXT;
  const count = (s: string) => analysis.findings.filter((x) => x.severity === s).length;
  put(0, 0, t.findingsTitle, { bold: true });
  put(1, 0, analysis.versionNote, { wrap: true, align: { vertical: 'top' } });
  put(
    2,
    0,
    `${dateOf(time, analysis.lang)} ${time.slice(11, 16)} UTC — ${t.counts(count('error'), count('warning'), count('info'))}`,
  );
  t.findingsHeader.forEach((h, c) => put(4, c, h, HEADER));
  analysis.findings.forEach((x, i) => {
    const r = 5 + i;
    const f = (row: number, c: number, v: string | number) => put(row, c, v, findingStyle(c));
    [
      t.severity[x.severity],
      x.rule,
      t.table[x.table],
      x.sheet,
      x.cell,
      renderFinding(x, analysis.lang),
      x.expected ? formatValue(x.expected, analysis.lang) : '',
      x.actual ? formatValue(x.actual, analysis.lang) : '',
    ].forEach((v, c) => f(r, c, v));
  });
  if (analysis.findings.length === 0) put(5, 0, t.none);
  // The notes above the table are sentences as wide as the table.
  for (const r of [1, 2])
    (findings.merges as string[]).push(`A${r + 1}:${a1(r, FINDINGS_WIDTHS.length - 1)}`);
  findingLines.set(
    1,
    wrappedLines(
      analysis.versionNote,
      FINDINGS_WIDTHS.reduce((a, b) => a + b, 0),
    ),
  );
  for (const [r, n] of findingLines)
    if (n > 1) (findings.rowHeights as Record<number, number>)[r] = rowHeight(n);

  plan.sheets.push(report, findings);
  for (const sheet of [REPORT_SHEET, FINDINGS_SHEET]) {
    plan.log.push({
      time,
      action: 'report',
      modelVersion: analysis.version.id,
      sheet,
      cell: '',
      old: analysis.grid.sheets.some((s) => s.name === sheet) ? SHEET_REPLACED : null,
      oldFormat: '',
      new: SHEET_CREATED,
    });
  }
  return plan;
}

/**
 * The report sheet. The three tables are stacked, each over its own span of the sheet's columns
 * (`sharedGrid`): a table's column covering several sheet columns is one merged cell per row.
 */
function reportSheet(analysis: Analysis, time: string, footer: PageFooter): SheetPlan {
  const t = TEXT[analysis.lang];
  const grid = sharedGrid([PROGRESS_COLUMNS, PLAN_COLUMNS, INDICATOR_COLUMNS]);
  const [progressSpans, planSpans, indicatorSpans] = grid.spans;
  const report: SheetPlan = {
    name: REPORT_SHEET,
    replace: true,
    cells: [],
    columnWidths: grid.widths,
    merges: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    rowHeights: {},
    footer,
  };
  const cells = report.cells;
  const merges = report.merges as string[];
  const lines = new Map<number, number>();
  const spanWidth = (span: ColumnSpan) =>
    grid.widths.slice(span.first, span.last + 1).reduce((a, b) => a + b, 0);
  /** Writes a cell over `span` (merged when it covers several columns or `rows` rows). */
  const place = (row: number, span: ColumnSpan, w: Omit<CellWrite, 'sheet' | 'cell'>, rows = 1) => {
    cells.push({ sheet: REPORT_SHEET, cell: a1(row, span.first), ...w });
    if (span.last > span.first || rows > 1)
      merges.push(`${a1(row, span.first)}:${a1(row + rows - 1, span.last)}`);
    const shown = typeof w.value === 'string' ? w.value : '';
    const needed = w.wrap && shown ? Math.ceil(wrappedLines(shown, spanWidth(span), w.bold) / rows) : 1;
    for (let r = row; r < row + rows; r++) lines.set(r, Math.max(lines.get(r) ?? 1, needed));
  };
  const wide: ColumnSpan = { first: 0, last: grid.widths.length - 1 };
  const line = (row: number, value: string, isBold = false) =>
    place(row, wide, { value, wrap: true, align: { vertical: 'top' }, ...(isBold ? { bold: true } : {}) });

  /** One table's cells: `col` is the table's own column, laid over its span of sheet columns. */
  const tableWriter = (spans: ColumnSpan[]) => {
    const text = (row: number, col: number, value: string, style: CellStyle = BODY_TEXT) =>
      place(row, spans[col], { value, ...style });
    const formula = (
      row: number,
      col: number,
      w: Omit<CellWrite, 'sheet' | 'cell'>,
      style: CellStyle = BODY_NUMBER,
    ) => place(row, spans[col], { ...w, ...style });
    const link = (
      row: number,
      col: number,
      source: NumberCell | null | undefined,
      numberFormat: string,
      style: CellStyle = BODY_NUMBER,
    ) => {
      if (!source || source.kind === 'empty') return text(row, col, '', style);
      const cached = source.value
        ? source.value.toNumber()
        : typeof source.raw === 'number' || typeof source.raw === 'string'
          ? source.raw
          : null;
      formula(
        row,
        col,
        {
          formula: `=${sheetRef(source.sheet, source.address)}`,
          value: cached,
          numberFormat:
            source.kind === 'number' ? preferredFormat(source.numberFormat, numberFormat) : numberFormat,
        },
        style,
      );
    };
    const address = (row: number, col: number, absolute = false) => {
      const ref = a1(row, spans[col].first);
      return absolute ? ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2') : ref;
    };
    return { text, formula, link, address };
  };
  const labelOf = (cell: TextCell | null) => cell?.text ?? '';
  const sourceSheet =
    analysis.tables.plan?.sheet ?? analysis.tables.progress?.sheet ?? analysis.tables.indicators?.sheet ?? '';

  let row = 0;
  line(row++, t.title(analysis.model.title), true);
  line(row++, analysis.versionNote);
  line(row++, t.generated(dateOf(time, analysis.lang), sourceSheet));
  row++;

  // Tabella 1
  const plan1 = analysis.tables.plan;
  line(row++, t.plan, true);
  if (plan1) {
    const w = tableWriter(planSpans);
    t.planHeader.forEach((h, c) => w.text(row, c, h, HEADER));
    row++;
    const first = row;
    const totalRow = first + plan1.rows.length;
    const share = (r: number) =>
      `=IF(${w.address(totalRow, 3, true)}=0,"",${w.address(r, 3)}/${w.address(totalRow, 3, true)})`;
    for (const r of plan1.rows) {
      const axis = analysis.version.axes.find((a) => a.id === r.axisId);
      w.text(row, 0, labelOf(r.ot));
      w.text(row, 1, r.axisId ? t.axis(r.axisId) : labelOf(r.label));
      w.text(row, 2, labelOf(r.name) || axis?.name || '');
      w.link(row, 3, r.allocation, EURO_FORMAT);
      w.formula(row, 4, {
        formula: share(row),
        value: shareOf(r.allocation, plan1.total?.allocation),
        numberFormat: PERCENT_FORMAT,
      });
      row++;
    }
    w.text(row, 0, '', bold(BODY_TEXT));
    w.text(row, 1, t.total, bold(BODY_TEXT));
    w.text(row, 2, '', bold(BODY_TEXT));
    if (plan1.total?.allocation && plan1.total.allocation.kind !== 'empty')
      w.link(row, 3, plan1.total.allocation, EURO_FORMAT, bold(BODY_NUMBER));
    else
      w.formula(
        row,
        3,
        {
          formula: `=SUM(${w.address(first, 3)}:${w.address(row - 1, 3)})`,
          value: sumOf(plan1.rows.map((r) => r.allocation)),
          numberFormat: EURO_FORMAT,
        },
        bold(BODY_NUMBER),
      );
    w.formula(row, 4, { formula: share(row), value: 1, numberFormat: PERCENT_FORMAT }, bold(BODY_NUMBER));
    row++;
  } else {
    line(row++, t.missing(t.plan));
  }
  row++;

  // Tabella 2
  const progress = analysis.tables.progress;
  line(row++, t.progress, true);
  let titleRows = '';
  if (progress) {
    const w = tableWriter(progressSpans);
    // `Asse` spans both header rows; every other column has its letter below its name.
    place(row, progressSpans[0], { value: t.progressUpper[0], ...HEADER }, 2);
    t.progressUpper.slice(1).forEach((h, c) => w.text(row, c + 1, h, HEADER));
    LOWER_HEADER.forEach((letter, i) => w.text(row + 1, i + 1, LETTER_LABEL[letter], HEADER));
    titleRows = `${row + 1}:${row + 2}`;
    row += 2;
    for (const r of [...progress.rows, ...(progress.total ? [progress.total] : [])]) {
      const isTotal = r === progress.total;
      const numberStyle = isTotal ? bold(BODY_NUMBER) : BODY_NUMBER;
      w.text(
        row,
        0,
        isTotal ? t.total : r.axisId ? t.axis(r.axisId) : r.label.text,
        isTotal ? bold(BODY_TEXT) : BODY_TEXT,
      );
      LOWER_HEADER.forEach((letter, i) => {
        const pair = RATIOS.find((x) => x.ratio === letter);
        if (!pair) return w.link(row, i + 1, r.cells[letter], EURO_FORMAT, numberStyle);
        const num = w.address(row, LOWER_HEADER.indexOf(pair.numerator) + 1);
        const den = w.address(row, LOWER_HEADER.indexOf(pair.denominator) + 1);
        const n = r.cells[pair.numerator]?.value;
        const d = r.cells[pair.denominator]?.value;
        w.formula(
          row,
          i + 1,
          {
            formula: `=IF(${den}=0,"",${num}/${den})`,
            value: n && d && !d.isZero() ? n.dividedBy(d).toNumber() : '',
            numberFormat: PERCENT_FORMAT,
          },
          numberStyle,
        );
      });
      row++;
    }
  } else {
    line(row++, t.missing(t.progress));
  }
  row++;

  // Quadro di efficacia: per axis, beside Tabella 2 and over its columns, before the long indicator table.
  if (analysis.axes.some((a) => a.verdict !== 'not_assessed')) {
    const axisSpan = progressSpans[0];
    const verdictSpan = { first: progressSpans[1].first, last: progressSpans[2].last };
    const listSpan = { first: progressSpans[3].first, last: progressSpans[progressSpans.length - 1].last };
    line(row++, t.performance, true);
    [axisSpan, verdictSpan, listSpan].forEach((span, c) =>
      place(row, span, { value: t.performanceHeader[c], ...HEADER }),
    );
    row++;
    for (const axis of analysis.axes) {
      place(row, axisSpan, { value: t.axis(axis.axis), ...BODY_TEXT });
      place(row, verdictSpan, { value: verdictText(axis, analysis.lang), ...bold(BODY_TEXT) });
      place(row, listSpan, { value: frameworkList(axis, analysis.lang), ...BODY_TEXT });
      row++;
    }
    line(row++, t.performanceNote);
    row++;
  }

  // Indicators
  const indicators = analysis.tables.indicators;
  if (indicators) {
    const w = tableWriter(indicatorSpans);
    line(row++, t.indicators, true);
    t.indicatorHeader.forEach((h, c) => w.text(row, c, h, HEADER));
    // The longest table: its header is the one repeated on the pages it runs over.
    titleRows = `${row + 1}:${row + 1}`;
    row++;
    for (const r of indicators.rows) {
      const e = evaluateIndicator(r, analysis.model);
      w.text(row, 0, labelOf(r.axis) || e.indicator?.axis || '');
      w.text(row, 1, labelOf(r.priority) || e.indicator?.priority || '');
      w.text(row, 2, labelOf(r.code) || e.indicator?.code || '');
      w.text(row, 3, labelOf(r.name) || e.indicator?.name || '');
      w.text(row, 4, labelOf(r.type));
      w.text(row, 5, labelOf(r.unit));
      w.link(row, 6, r.value, '#,##0');
      w.link(row, 7, r.target, '#,##0');
      const ratioAddress = w.address(row, 8);
      w.formula(row, 8, {
        formula: ratioFormula(w.address(row, 6), w.address(row, 7), e.direction),
        value: e.ratio ? e.ratio.toNumber() : '',
        numberFormat: PERCENT_FORMAT,
      });
      w.formula(
        row,
        9,
        {
          formula: statusFormula(ratioAddress, analysis.model.thresholds, analysis.lang),
          value: statusLabel(e.status, analysis.lang),
        },
        BODY_TEXT,
      );
      row++;
    }
  }
  if (titleRows) report.printTitleRows = titleRows;
  for (const [r, n] of lines) (report.rowHeights as Record<number, number>)[r] = rowHeight(n);
  return report;
}

/** An axis's verdict in words: `Target raggiunti`, `Non valutato (assistenza tecnica)`. */
function verdictText(axis: AxisResult, lang: 'it' | 'en'): string {
  const t = TEXT[lang];
  return axis.verdict === 'not_assessed' && axis.reason
    ? t.notAssessed[axis.reason]
    : t.verdict[axis.verdict];
}

/** The axis's framework indicators and how far each is towards its target: `CO09 91,98% · CO10 237,74%`. */
function frameworkList(axis: AxisResult, lang: 'it' | 'en'): string {
  return axis.indicators
    .map((i) => {
      const label = [i.code, i.priority].filter(Boolean).join(' ');
      const shown = i.ratio ? formatValue(percentValue(new Decimal(i.ratio), 2), lang) : TEXT[lang].noData;
      return `${label} ${shown}`;
    })
    .join(' · ');
}

/** The model and its version on the left, `Pagina 2 di 3` in the centre, the generation date on the right. */
function pageFooter(analysis: Analysis, time: string, page: string): PageFooter {
  const code = (text: string) => text.replace(/&/g, '&&');
  return {
    left: code(`${analysis.model.title} — ${analysis.version.id}`),
    center: page,
    right: code(`POR Tables — ${dateOf(time, analysis.lang)}`),
  };
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

/** The day of an ISO time as its reader writes it: `01/12/2026` in Italian, `2026-12-01` in English. */
function dateOf(time: string, lang: 'it' | 'en'): string {
  const [year, month, day] = time.slice(0, 10).split('-');
  return lang === 'it' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}
