import { join } from 'node:path';
import { readGrid } from '../../../src/cli/xlsx-host';
import { analyse, planReport } from '../../../src/engine';
import type { CellWrite, SheetPlan } from '../../../src/engine';
import { parseA1 } from '../../../src/engine/address';
import { defaultModel, parseModel } from '../../../src/model';
import { raa } from '../raa-fixture';

/** Genera report: the performance-framework verdict per axis, between Tabella 2 and the indicators. */

const NOW = '2026-11-22T10:00:00.000Z';
const SAMPLE = join(__dirname, '..', '..', '..', 'assets', 'sample-raa-2022.xlsx');

/** The report sheet's text cells, row by row (0-based rows), left to right. */
function rowsOf(report: SheetPlan): Map<number, CellWrite[]> {
  const rows = new Map<number, CellWrite[]>();
  for (const c of report.cells) {
    const { row } = parseA1(c.cell) as { row: number };
    rows.set(row, [...(rows.get(row) ?? []), c]);
  }
  return rows;
}

function rowTexts(report: SheetPlan, from: string, count: number): unknown[][] {
  const rows = rowsOf(report);
  const start = [...rows].find(([, cells]) => cells.some((c) => c.value === from))?.[0];
  if (start === undefined) throw new Error(`no row with "${from}"`);
  return Array.from({ length: count }, (_, i) => (rows.get(start + i) ?? []).map((c) => c.value));
}

describe('the report: Quadro di efficacia', () => {
  it('gives each axis of the sample its verdict and its framework indicators, after Tabella 2 and before Tabella 3', async () => {
    const [report] = planReport(analyse(await readGrid(SAMPLE), { lang: 'it' }), { now: NOW }).sheets;
    const title = 'QUADRO DI EFFICACIA – TARGET 2023 (REG. (UE) 215/2014, ART. 6)';
    expect(rowTexts(report, title, 7)).toEqual([
      [title],
      ['Asse', 'Esito', 'Indicatori del quadro di efficacia (% del target 2023)'],
      ['Asse I', 'Target raggiunti', 'CO01 124,52% · CO05 517,91% · CO06 254,64% · CO21 100,00%'],
      ['Asse II', 'Target raggiunti', 'CO16 9i 137,90% · CO17 133,65% · LOM-II-NF 111,73%'],
      ['Asse III', 'Target raggiunti', 'CO09 91,98% · CO10 237,74% · LOM-III-PC 110,00%'],
      ['Asse IV', 'Target raggiunti', 'LOM-IV-AM 179,51%'],
      ['Asse V', 'Non valutato (assistenza tecnica)', ''],
    ]);
    const row = (value: string) =>
      (parseA1(report.cells.find((c) => c.value === value)!.cell) as { row: number }).row;
    expect(row(title)).toBeGreaterThan(row('TABELLA 2. – AVANZAMENTO FINANZIARIO'));
    expect(row(title)).toBeLessThan(row('TABELLA 3. – INDICATORI DI OUTPUT E DI RISULTATO'));
    // Header filled and bordered like the other tables; the verdict in bold.
    expect(report.cells.find((c) => c.value === 'Esito')).toMatchObject({
      bold: true,
      border: 'thin',
      fill: '#DDEBF7',
    });
    expect(report.cells.find((c) => c.value === 'Target raggiunti')).toMatchObject({
      bold: true,
      border: 'thin',
    });
  });

  it('says a serious failure and an axis without data, in English', () => {
    const model = parseModel({
      ...defaultModel,
      indicators: [
        {
          code: 'F1',
          axis: 'I',
          type: 'financial',
          unit: 'number',
          name: 'Spesa certificata',
          target: '300000000',
        },
      ],
    });
    if (!model.ok) throw new Error(model.error);
    const [report] = planReport(analyse(raa(), { lang: 'en', model: model.model }), { now: NOW }).sheets;
    // 184.444.180,19 / 300.000.000 = 61,48%.
    expect(rowTexts(report, 'Verdict', 6)).toEqual([
      ['Axis', 'Verdict', 'Performance-framework indicators (% of 2023 target)'],
      ['Axis I', 'Serious failure', 'F1 61.48%'],
      ['Axis II', 'Not assessed (no data)', ''],
      ['Axis III', 'Not assessed (no data)', ''],
      ['Axis IV', 'Not assessed (no data)', ''],
      ['Axis V', 'Not assessed (technical assistance)', ''],
    ]);
  });

  it('is left out when no axis can be assessed', () => {
    const [report] = planReport(analyse(raa(), { lang: 'it' }), { now: NOW }).sheets;
    expect(report.cells.some((c) => c.value === 'Esito')).toBe(false);
  });
});
