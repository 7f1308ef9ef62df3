/**
 * The RAA 2022 tables as a finance officer pastes them from the PDF: Tabella 1 and Tabella 2 on one
 * sheet, the published ratios typed as numbers (so Fill meets typed values), the third Tabella 2
 * row labelled `II` as printed, and the indicators on a second sheet.
 */
import type { CellValue, Grid } from '../../src/engine';
import { sheetFromRows } from './memory-host';

export const RAA_SHEET = 'RAA 2022';
export const INDICATORS_SHEET = 'Indicatori';

const plan: CellValue[][] = [
  ['TABELLA 1 - Piano finanziario del programma'],
  ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
  ['8', 'I', 'Occupazione', 236700000, 0.2439],
  ['9', 'II', 'Inclusione sociale e lotta alla povertà', 379000000, 0.3905],
  ['10', 'III', 'Istruzione e Formazione', 301900000, 0.3111],
  ['11', 'IV', 'Capacità istituzionale e amministrativa', 19114000, 0.0197],
  ['', 'V', 'Assistenza tecnica', 33760516, 0.0348],
  ['', 'TOTALE', '', 970474516, 1],
  [],
  ['Tabella 2. Avanzamento finanziario'],
  [
    'Asse',
    'Dotazione A',
    'Programmato B',
    'Avanzamento programmato C=B/A',
    'Impegni D',
    'E=D/B',
    'Pagamenti ai beneficiari F',
    'G=F/D',
    'Spesa certificata H',
    'I=H/F',
  ],
  ['I', 236700000, 290890851.86, 1.2289, 290323449.02, 0.998, 254774002.77, 0.8776, 184444180.19, 0.724],
  ['II', 379000000, 326425240.31, 0.8613, 323626680.83, 0.9914, 297276053.64, 0.9186, 243965037.2, 0.8207],
  ['II', 301900000, 300923428.71, 0.9968, 294117938.21, 0.9774, 281034588.71, 0.9555, 229093691.59, 0.8152],
  ['IV', 19114000, 19067780.31, 0.9976, 19067780.15, 1, 13789845.29, 0.7232, 10885134.83, 0.7894],
  ['V', 33760516, 33760516, 1, 31541568.45, 0.9343, 25768000.62, 0.817, 23056188.43, 0.8948],
  [
    'Totale',
    970474516,
    971067817.19,
    1.0006,
    958677416.67,
    0.9872,
    872642491.03,
    0.9103,
    691444232.24,
    0.7924,
  ],
];

const indicators: CellValue[][] = [
  ['Asse', 'Priorità', 'Codice', 'Indicatore', 'Tipo', 'Unità', 'Valore', 'Target 2023'],
  ['III', '', '', 'Titolari di un diploma ISCED 1 o ISCED 2', 'output', 'numero', 52104, 56645],
  [
    'III',
    '10i',
    '',
    "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    'risultato',
    'percentuale',
    84,
    85,
  ],
  [
    'III',
    '10iv',
    '',
    "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    'risultato',
    'percentuale',
    59,
    80,
  ],
];

export function raa2022Grid(): Grid {
  const sheet = sheetFromRows(RAA_SHEET, plan);
  // The % column and the ratios are formatted as percentages, as in a tidy workbook.
  for (const [r, row] of plan.entries()) {
    row.forEach((value, c) => {
      const ratioColumn = r >= 11 && [3, 5, 7, 9].includes(c);
      const shareColumn = r >= 2 && r <= 7 && c === 4;
      if (typeof value === 'number' && (ratioColumn || shareColumn)) sheet.numberFormats[r][c] = '0.00%';
    });
  }
  return { sheets: [sheet, sheetFromRows(INDICATORS_SHEET, indicators)], locale: 'it' };
}
