import { join } from 'node:path';
import { readGrid } from '../../../src/cli/xlsx-host';
import { analyse, planReport } from '../../../src/engine';
import type { CellWrite, SheetPlan, WritePlan } from '../../../src/engine';
import { parseA1 } from '../../../src/engine/address';
import { sharedGrid, wrappedLines } from '../../../src/engine/plans/report-layout';

/** The report of the RAA 2022 sample prints like the RAA: its own columns per table, wrapped headers, borders, fill, print titles, footer. */

const NOW = '2026-11-22T10:00:00.000Z';
const SAMPLE = join(__dirname, '..', '..', '..', 'assets', 'sample-raa-2022.xlsx');
let plan: WritePlan;
let report: SheetPlan;
let findings: SheetPlan;
beforeAll(async () => {
  plan = planReport(analyse(await readGrid(SAMPLE), { lang: 'it' }), { now: NOW });
  [report, findings] = plan.sheets;
});

function cellWith(sheet: SheetPlan, value: string): CellWrite {
  const found = sheet.cells.find((c) => c.value === value);
  if (!found) throw new Error(`no cell "${value}" on ${sheet.name}`);
  return found;
}

function rowOf(write: CellWrite): number {
  return (parseA1(write.cell) as { row: number }).row;
}

/** Width in characters of the cell at `address`: its merge's columns, or its own. */
function printedWidth(sheet: SheetPlan, address: string): number {
  const { row, col } = parseA1(address) as { row: number; col: number };
  const merge = (sheet.merges ?? [])
    .map((m) => m.split(':').map((a) => parseA1(a) as { row: number; col: number }))
    .find(([s, e]) => s.row === row && s.col === col && e);
  const last = merge ? merge[1].col : col;
  return (sheet.columnWidths ?? []).slice(col, last + 1).reduce((a, b) => a + b, 0);
}

describe('the report sheet prints like the RAA', () => {
  it('gives each table columns of its own width: Tabella 2 ratios narrow, indicator names and denominations wide', () => {
    const ratio = cellWith(report, 'C=B/A');
    const name = cellWith(report, 'Indicatore');
    const denomination = cellWith(report, 'Denominazione');
    // The same sheet column holds a narrow ratio of Tabella 2 and part of a wide column of another table.
    expect(printedWidth(report, ratio.cell)).toBeLessThanOrEqual(16);
    expect(printedWidth(report, name.cell)).toBeGreaterThanOrEqual(45);
    expect(printedWidth(report, denomination.cell)).toBeGreaterThanOrEqual(45);
    // Every amount column fits a bold total such as 971.067.817,19 €.
    for (const header of ['Dotazione finanziaria', 'Impegni', 'Spesa certificata']) {
      for (const write of report.cells.filter((c) => c.value === header))
        expect(printedWidth(report, write.cell)).toBeGreaterThanOrEqual(19);
    }
  });

  it('puts a thin border on every table cell, a light fill and wrapped bold text on header rows', () => {
    for (const header of ['OT', 'Avanzamento spesa certificata', 'I=H/F', 'Indicatore', '% del target']) {
      expect(cellWith(report, header)).toMatchObject({
        bold: true,
        wrap: true,
        border: 'thin',
        fill: '#DDEBF7',
        align: { horizontal: 'center' },
      });
    }
    const linked = report.cells.filter((c) => c.formula?.startsWith("='RAA 2022'!"));
    expect(linked.length).toBeGreaterThan(40);
    for (const write of linked) expect(write.border).toBe('thin');
    // Indicator names wrap, and their rows are tall enough for the lines they take.
    const longName = report.cells.find(
      (c) => typeof c.value === 'string' && c.value.startsWith('Partecipanti svantaggiati'),
    ) as CellWrite;
    expect(longName).toMatchObject({ wrap: true, border: 'thin' });
    const lines = wrappedLines(longName.value as string, printedWidth(report, longName.cell));
    expect(lines).toBeGreaterThan(1);
    expect(report.rowHeights?.[rowOf(longName)]).toBeGreaterThanOrEqual(lines * 15);
    // A header of three words in a narrow column gets a row of several lines.
    expect(
      report.rowHeights?.[rowOf(cellWith(report, 'Avanzamento spesa certificata'))],
    ).toBeGreaterThanOrEqual(30);
  });

  it('prints totals in bold', () => {
    const totals = report.cells.filter((c) => c.value === 'TOTALE');
    expect(totals).toHaveLength(2);
    for (const total of totals) {
      const row = rowOf(total);
      const inRow = report.cells.filter((c) => rowOf(c) === row && c.formula);
      expect(inRow.length).toBeGreaterThanOrEqual(2);
      for (const write of [total, ...inRow]) expect(write.bold).toBe(true);
    }
  });

  it('merges nothing twice and keeps formulas pointing at the cells that hold the amounts', () => {
    const covered = new Set<string>();
    for (const merge of report.merges ?? []) {
      const [start, end] = merge.split(':').map((a) => parseA1(a) as { row: number; col: number });
      for (let r = start.row; r <= end.row; r++)
        for (let c = start.col; c <= end.col; c++) {
          expect(covered.has(`${r}:${c}`)).toBe(false);
          covered.add(`${r}:${c}`);
        }
    }
    const anchors = new Set(report.cells.map((c) => c.cell));
    for (const write of report.cells.filter((c) => c.formula?.startsWith('=IF('))) {
      for (const ref of write.formula?.match(/\$?[A-Z]+\$?\d+/g) ?? [])
        expect(anchors.has(ref.replace(/\$/g, ''))).toBe(true);
    }
  });

  it('is set up for print: A4 landscape one page wide, the indicator header repeated, a footer with page, model version and date', () => {
    expect(report.print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
    const header = rowOf(cellWith(report, 'Indicatore')) + 1;
    expect(report.printTitleRows).toBe(`${header}:${header}`);
    expect(report.footer).toEqual({
      left: 'POR FSE 2014-2020 Regione Lombardia — 2022-12',
      center: 'Pagina &P di &N',
      right: 'POR Tables — 22/11/2026',
    });
  });
});

describe('the findings sheet prints as a filed list', () => {
  it('wraps messages, borders every cell, fills the header, repeats it and has the footer', () => {
    const header = findings.cells.filter((c) => /^[A-H]5$/.test(c.cell));
    expect(header.map((c) => c.value)).toEqual([
      'Gravità',
      'Regola',
      'Tabella',
      'Foglio',
      'Cella',
      'Messaggio',
      'Atteso',
      'Rilevato',
    ]);
    for (const write of header) expect(write).toMatchObject({ bold: true, border: 'thin', fill: '#DDEBF7' });
    const rows = findings.cells.filter((c) => rowOf(c) >= 5);
    expect(rows.length).toBe(
      8 * plan.sheets[1].cells.filter((c) => /^A\d+$/.test(c.cell) && rowOf(c) >= 5).length,
    );
    for (const write of rows) expect(write).toMatchObject({ border: 'thin', wrap: true });
    const long = rows.find(
      (c) => c.cell.startsWith('F') && typeof c.value === 'string' && c.value.length > 90,
    );
    if (long) expect(findings.rowHeights?.[rowOf(long)]).toBeGreaterThanOrEqual(2 * 15);
    expect(findings).toMatchObject({
      printTitleRows: '5:5',
      print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    });
    expect(findings.footer?.center).toBe('Pagina &P di &N');
  });
});

describe('sharedGrid', () => {
  it('lays tables of different columns over one set of sheet columns, each spanning the page', () => {
    const grid = sharedGrid([
      { widths: [10, 10], min: [5, 5], flex: 0 },
      { widths: [4, 30], min: [3, 10], flex: 1 },
    ]);
    expect(grid.widths).toEqual([4, 20, 10]);
    expect(grid.spans).toEqual([
      [
        { first: 0, last: 1 },
        { first: 2, last: 2 },
      ],
      [
        { first: 0, last: 0 },
        { first: 1, last: 2 },
      ],
    ]);
  });

  it('moves an edge onto a near one instead of leaving a sliver column', () => {
    const grid = sharedGrid([
      { widths: [10, 10], min: [5, 5], flex: 0 },
      { widths: [12, 8], min: [5, 5], flex: 1 },
    ]);
    expect(grid.widths).toEqual([10, 10]);
  });
});

describe('wrappedLines', () => {
  it('counts the lines of wrapped words, and breaks a word longer than the line', () => {
    expect(wrappedLines('Asse', 10)).toBe(1);
    expect(wrappedLines('Avanzamento spesa certificata', 13, true)).toBe(3);
    expect(wrappedLines('x'.repeat(30), 11)).toBe(3);
  });
});
