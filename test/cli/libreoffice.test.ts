/**
 * The oracle that is not ours: LibreOffice recalculates the workbook `fill --force` wrote, with
 * every cached result blanked first, so only a real recalculation of our formulas can produce the
 * ratios, and they must equal the RAA 2022's printed ones to two decimals of a percent.
 * Needs `soffice` on PATH; without it this suite fails (the test runner leaves it out outside CI).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import type { CellFormulaValue, Workbook } from 'exceljs';
import {
  INDICATOR_SHEET,
  writeSampleWithoutComputedIndicators,
} from '../fixtures/sample-without-computed-indicators';
import {
  SAMPLE,
  SAMPLE_SHEET,
  buildCli,
  convertWithLibreOffice,
  hundredthsOfPercent,
  printedHundredths,
  publishedRatios,
  readWorkbook,
  runCli,
  sheetOf,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('libreoffice');
afterAll(folder.remove);

function libreOfficeAvailable(): boolean {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return !probe.error && probe.status === 0;
}

/**
 * The workbook at `filled` with every cached formula result blanked, recalculated by LibreOffice:
 * the values read back are LibreOffice's own. Returns the recalculated workbook and the formula count.
 */
async function recalculatedByLibreOffice(
  filled: string,
  name: string,
): Promise<{ workbook: Workbook; formulas: number }> {
  if (!libreOfficeAvailable()) {
    throw new Error(
      'LibreOffice is not installed: `soffice` is not on PATH (apt-get install libreoffice-calc-nogui), so the recalculation oracle cannot run',
    );
  }
  const workbook = await readWorkbook(filled);
  let formulas = 0;
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ValueType.Formula) return;
        cell.value = { formula: cell.formula } as CellFormulaValue;
        formulas++;
      }),
    );
  }
  const blank = join(folder.dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(blank);
  const cached: string[] = [];
  for (const ws of (await readWorkbook(blank)).worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula && cell.result !== undefined)
          cached.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  expect(cached).toEqual([]);
  return { workbook: await readWorkbook(convertWithLibreOffice(blank, 'xlsx', folder.dir)), formulas };
}

test('LibreOffice, recalculating the filled sample, computes every published ratio of Tabella 2', async () => {
  buildCli();
  const filled = join(folder.dir, 'filled.xlsx');
  const fill = runCli(['fill', SAMPLE, '-o', filled, '--force']);
  expect([0, 1]).toContain(fill.code);

  const { workbook, formulas } = await recalculatedByLibreOffice(filled, 'blank');
  expect(formulas).toBeGreaterThanOrEqual(publishedRatios().length);
  const recalculated = sheetOf(workbook, SAMPLE_SHEET);
  const computed = publishedRatios().map(({ cell }) => {
    const result = recalculated.getCell(cell).result;
    return { cell, hundredths: typeof result === 'number' ? hundredthsOfPercent(result) : result };
  });
  expect(computed).toEqual(
    publishedRatios().map(({ cell, percent }) => ({ cell, hundredths: printedHundredths(percent) })),
  );
}, 300_000);

test('LibreOffice computes the % del target and Stato that fill adds to an indicator table without them', async () => {
  buildCli();
  const input = join(folder.dir, 'without-indicator-columns.xlsx');
  await writeSampleWithoutComputedIndicators(input);
  const filled = join(folder.dir, 'indicators-filled.xlsx');
  expect(runCli(['fill', input, '-o', filled]).code).toBe(1);

  const sheet = sheetOf(
    (await recalculatedByLibreOffice(filled, 'indicators-blank')).workbook,
    INDICATOR_SHEET,
  );
  const at = (cell: string) => sheet.getCell(cell).result;
  expect([sheet.getCell('I26').value, sheet.getCell('J26').value]).toEqual(['% del target', 'Stato']);
  expect([38, 41, 42].map((r) => hundredthsOfPercent(Number(at(`I${r}`))))).toEqual([9198, 9882, 7375]);
  expect([38, 41, 42, 27].map((r) => at(`J${r}`))).toEqual([
    'Entro tolleranza',
    'Entro tolleranza',
    'Sotto target',
    'Raggiunto',
  ]);
}, 300_000);

function popplerAvailable(): boolean {
  return ['pdftotext', 'pdfinfo'].every((tool) => {
    const probe = spawnSync(tool, ['-v'], { encoding: 'utf8', timeout: 30_000 });
    return !probe.error;
  });
}

/** The pages of a PDF, as `pdfinfo` gives their sizes in points and `pdftotext` their text. */
function pdfPages(pdf: string): { width: number; height: number; text: string }[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).stdout;
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return sizes.map((size, i) => ({
    ...size,
    text: spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], {
      encoding: 'utf8',
    }).stdout,
  }));
}

test('LibreOffice prints the report like the RAA: A4 landscape, whole headers, no ####, the footer on every page', async () => {
  if (!libreOfficeAvailable())
    throw new Error(
      'LibreOffice is not installed: `soffice` is not on PATH (apt-get install libreoffice-calc-nogui)',
    );
  if (!popplerAvailable())
    throw new Error(
      'poppler-utils is not installed: `pdftotext`/`pdfinfo` are not on PATH (apt-get install poppler-utils)',
    );
  buildCli();
  const reported = join(folder.dir, 'report.xlsx');
  const run = runCli(['report', SAMPLE, '-o', reported]);
  expect([0, 1]).toContain(run.code);

  // Only the two sheets the report adds are printed (the others hidden, still there for the report's links).
  const workbook = await readWorkbook(reported);
  for (const ws of workbook.worksheets)
    if (ws.name !== 'Report POR' && ws.name !== 'Rilievi POR') ws.state = 'hidden';
  const first = workbook.worksheets.findIndex((ws) => ws.name === 'Report POR');
  workbook.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: first, activeTab: first, visibility: 'visible' },
  ];
  const printed = join(folder.dir, 'printed.xlsx');
  await workbook.xlsx.writeFile(printed);

  const pages = pdfPages(convertWithLibreOffice(printed, 'pdf', folder.dir));
  // The findings' header (`… Messaggio Atteso Rilevato`) is repeated on each of their pages.
  const findingPages = pages.filter((page) => /Messaggio\s+Atteso\s+Rilevato/.test(page.text));
  const reportPages = pages.filter((page) => !findingPages.includes(page));
  // The three tables of the RAA 2022 on two or three pages, the 30 findings on one or two.
  expect(reportPages.length).toBeGreaterThanOrEqual(1);
  expect(reportPages.length).toBeLessThanOrEqual(3);
  expect(findingPages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(6);
  for (const page of pages) {
    // A4 landscape: 842 × 595 points.
    expect(page.width).toBeGreaterThan(page.height);
    expect(Math.round(page.width)).toBe(842);
    expect(Math.round(page.height)).toBe(595);
    expect(page.text).not.toContain('###');
    expect(page.text).not.toMatch(/#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A)/);
    // The footer: model and version, page number, date.
    expect(page.text).toContain('POR FSE 2014-2020 Regione Lombardia — 2022-12');
    expect(page.text).toMatch(/Pagina \d+ di \d+/);
    expect(page.text).toMatch(/POR Tables — \d{2}\/\d{2}\/\d{4}/);
  }
  const reportText = reportPages.map((page) => page.text).join('\n');
  // Headers printed whole, wrapped on their lines rather than clipped: every word of each one is there.
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
  for (const header of [
    'Avanzamento programmato',
    'Pagamenti ai beneficiari',
    'Avanzamento spesa certificata',
    'Dotazione finanziaria',
    '% del target',
    'Target 2023',
    'Denominazione',
  ]) {
    for (const word of header.split(' ')) expect(words(reportText)).toContain(word);
  }
  for (const label of ['C=B/A', 'E=D/B', 'G=F/D', 'I=H/F', 'TOTALE']) expect(reportText).toContain(label);
  // Amounts printed in full, the totals too; indicator names end as they end in the RAA.
  for (const amount of ['970.474.516,00', '958.677.416,67', '691.444.232,24'])
    expect(reportText.replace(/,(?=\d{3})/g, '.').replace(/\.(\d{2}) €/g, ',$1 €')).toContain(amount);
  expect(reportText).toMatch(/partecipazione\s+all'intervento/);
  // The indicator header is repeated on each page the indicators run over.
  for (const page of reportPages.filter((p) => !p.text.includes('TABELLA 3.')))
    expect(page.text).toContain('% del target');
}, 300_000);
