import type { SampleSheet } from '../engine';
import { SAMPLE_WORKBOOK } from '../playground/sample-workbook';

/**
 * The RAA 2022 example the first-run button inserts: the same sheet as `assets/sample-raa-2022.xlsx`
 * (a data module generated from it by src/playground/make-sample-workbook.mjs), under a name that
 * says it is an example.
 */
const source = SAMPLE_WORKBOOK.sheets[0];

export const SAMPLE_SHEET: SampleSheet = {
  name: 'Esempio RAA 2022',
  cells: Object.fromEntries(
    Object.entries(source.cells).map(([address, cell]) => [
      address,
      typeof cell === 'object' && cell !== null ? { value: cell.value ?? null, formula: cell.formula, numberFormat: cell.numberFormat, bold: cell.bold } : cell,
    ]),
  ),
  columnWidths: source.columnWidths,
  merges: source.merges,
};
