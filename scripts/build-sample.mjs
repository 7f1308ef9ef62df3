// Builds assets/sample-raa-2022.xlsx — Tabella 1, 2 and the indicators of the RAA 2022 of the
// POR FSE 2014-2020 Regione Lombardia, laid out as the report prints them — from assets/data/*.csv.
// The engine's tests rely on this exact layout: change it only together with them.
// Usage: node scripts/build-sample.mjs [output.xlsx]
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'assets', 'data');
const output = resolve(process.argv[2] ?? join(root, 'assets', 'sample-raa-2022.xlsx'));

const SHEET = 'RAA 2022';
const EURO = '#,##0 [$€-410]';
const EURO_CENTS = '#,##0.00 [$€-410]';
const PERCENT_2 = '0.00%';
const PERCENT_1 = '0.0%';
const INTEGER = '#,##0';
/** Fixed so that re-running the script gives the same workbook. */
const FIXED_DATE = new Date(Date.UTC(2023, 5, 30, 12, 0, 0));

/** The model's indicator codes, in the order of indicatori-raa-2022.csv. */
const INDICATOR_CODES = [
  'CO01',
  'CO05',
  'CO06',
  'CO21',
  'CR06',
  'CR06',
  'CR06',
  'CO16',
  'CO17',
  'LOM-II-NF',
  'CR05',
  'CO09',
  'CO10',
  'LOM-III-PC',
  'CR03',
  'CR03',
  'LOM-IV-AM',
  'LOM-IV-IT',
];

/** RFC 4180 CSV (quoted fields, doubled quotes) into objects keyed by the header row. */
function readCsv(file) {
  const text = readFileSync(join(dataDir, file), 'utf8').replace(/^\uFEFF/, '');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
    } else field += ch;
  }
  record.push(field);
  if (record.some((f) => f !== '')) records.push(record);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** `"24.39"` (percent) → 0.2439, by moving the decimal point in the string: no float division. */
function percentToFraction(percent) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(percent.trim());
  if (!m) throw new Error(`not a percentage: ${percent}`);
  const decimals = (m[3] ?? '').length + 2;
  const digits = (m[2] + (m[3] ?? '')).padStart(decimals + 1, '0');
  return Number(`${m[1]}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
}

function amount(text) {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`not an amount: ${text}`);
  return value;
}

function put(cell, value, numFmt, options = {}) {
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  if (options.bold) cell.font = { bold: true };
  if (options.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
  return cell;
}

function buildPlanTable(sheet, plan) {
  put(sheet.getCell('A1'), 'TABELLA 1. – PIANO FINANZIARIO DEL POR FSE 2014-2020', null, { bold: true });
  put(sheet.getCell('A3'), 'OT', null, { bold: true });
  put(sheet.getCell('B3'), 'ASSE', null, { bold: true });
  put(sheet.getCell('C3'), 'DENOMINAZIONE', null, { bold: true });
  put(sheet.getCell('D3'), 'DOTAZIONE FINANZIARIA', null, { bold: true });
  sheet.mergeCells('D3:E3');
  const axes = plan.filter((r) => r.asse !== 'TOTALE');
  axes.forEach((r, i) => {
    const row = 4 + i;
    if (r.ot) put(sheet.getCell(`A${row}`), `OT ${r.ot}`);
    put(sheet.getCell(`B${row}`), `Asse ${r.asse}`);
    put(sheet.getCell(`C${row}`), r.denominazione);
    put(sheet.getCell(`D${row}`), amount(r.dotazione_eur), EURO);
    put(sheet.getCell(`E${row}`), percentToFraction(r.percentuale), PERCENT_2);
  });
  const total = plan.find((r) => r.asse === 'TOTALE');
  const totalRow = 4 + axes.length;
  put(sheet.getCell(`B${totalRow}`), 'TOTALE', null, { bold: true });
  put(sheet.getCell(`D${totalRow}`), amount(total.dotazione_eur), EURO, { bold: true });
  put(sheet.getCell(`E${totalRow}`), percentToFraction(total.percentuale), PERCENT_2, { bold: true });
}

function buildProgressTable(sheet, progress) {
  put(
    sheet.getCell('A12'),
    'TABELLA 2. AVANZAMENTO FINANZIARIO DEL PROGRAMMA OPERATIVO REGIONALE DEL FONDO SOCIALE EUROPEO AL 31 DICEMBRE 2022.',
    null,
    { bold: true },
  );
  const upper = [
    'Assi',
    'Dotazione finanziaria',
    'Programmato',
    'Avanzamento programmato',
    'Impegni',
    'Avanzamento impegni',
    'Pagamenti ai beneficiari',
    'Avanzamento pagamenti',
    'Spesa certificata',
    'Avanzamento spesa certificata',
  ];
  const lower = [null, 'A', 'B', 'C=B/A', 'D', 'E=D/B', 'F', 'G=F/D', 'H', 'I=H/F'];
  upper.forEach((label, c) => put(sheet.getRow(14).getCell(c + 1), label, null, { bold: true, wrap: true }));
  lower.forEach((label, c) => {
    if (label) put(sheet.getRow(15).getCell(c + 1), label, null, { bold: true });
  });
  const AMOUNT_COLUMNS = ['B', 'C', 'E', 'G', 'I'];
  const RATIO_COLUMNS = ['D', 'F', 'H', 'J'];
  const amounts = ['A_dotazione', 'B_programmato', 'D_impegni', 'F_pagamenti', 'H_spesa_certificata'];
  const ratios = ['C_B_su_A_pct', 'E_D_su_B_pct', 'G_F_su_D_pct', 'I_H_su_F_pct'];
  progress.forEach((r, i) => {
    const row = sheet.getRow(16 + i);
    const isTotal = r.asse_as_printed === 'Totale';
    const bold = { bold: isTotal };
    put(row.getCell(1), r.asse_as_printed, null, bold);
    // Amounts A B D F H in columns B C E G I; the printed ratios C E G I, typed as in the RAA, in D F H J.
    amounts.forEach((key, k) => put(row.getCell(AMOUNT_COLUMNS[k]), amount(r[key]), EURO_CENTS, bold));
    ratios.forEach((key, k) =>
      put(row.getCell(RATIO_COLUMNS[k]), percentToFraction(r[key]), PERCENT_2, bold),
    );
  });
}

function buildIndicatorTable(sheet, indicators) {
  put(sheet.getCell('A24'), 'TABELLA 3. INDICATORI DI OUTPUT E DI RISULTATO (RAA 2022)', null, {
    bold: true,
  });
  const header = [
    'Asse',
    'Priorità',
    'Codice',
    'Indicatore',
    'Tipo',
    'Unità',
    'Valore',
    'Target 2023',
    '% del target',
    'Stato',
  ];
  header.forEach((label, c) => put(sheet.getRow(26).getCell(c + 1), label, null, { bold: true }));
  if (indicators.length !== INDICATOR_CODES.length) {
    throw new Error(`expected ${INDICATOR_CODES.length} indicators, the csv has ${indicators.length}`);
  }
  indicators.forEach((r, i) => {
    const row = sheet.getRow(27 + i);
    const percent = r.unita === 'percentuale';
    const read = (text) => (percent ? percentToFraction(text) : amount(text));
    const format = percent ? PERCENT_1 : INTEGER;
    put(row.getCell(1), r.asse);
    if (r.priorita) put(row.getCell(2), r.priorita);
    put(row.getCell(3), INDICATOR_CODES[i]);
    put(row.getCell(4), r.indicatore, null, { wrap: true });
    put(row.getCell(5), r.tipo);
    put(row.getCell(6), r.unita);
    put(row.getCell(7), read(r.valore), format);
    put(row.getCell(8), read(r.target_2023), format);
  });
}

export async function buildSample(file = output) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'POR Tables';
  workbook.lastModifiedBy = 'POR Tables';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  buildPlanTable(sheet, readCsv('tabella1-piano-finanziario.csv'));
  buildProgressTable(sheet, readCsv('tabella2-avanzamento-finanziario.csv'));
  buildIndicatorTable(sheet, readCsv('indicatori-raa-2022.csv'));
  // C holds the axis names of Tabella 1, D the indicator names of Tabella 3 (wrapped).
  [10, 24, 40, 40, 18, 20, 20, 18, 20, 20].forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  mkdirSync(dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSample()
    .then((file) => console.log(`sample workbook written to ${file}`))
    .catch((error) => {
      console.error(`build-sample: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
