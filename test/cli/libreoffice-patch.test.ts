/**
 * Every patched output opens again in an application that is not ours: LibreOffice converts what
 * `fill --force` and `report` wrote on workbooks with charts, images, notes, pivot tables and
 * macros, recalculating every formula (the cached results are blanked first), and the ratios it
 * computes are the RAA 2022's printed ones. Needs `soffice` on PATH (the oracle suite).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { readGrid } from '../../src/cli/xlsx-host';
import { writeEnrichedSample, writePivotWorkbookWithTables } from '../fixtures/rich-workbooks';
import {
  SAMPLE_SHEET,
  buildCli,
  convertWithLibreOffice,
  hundredthsOfPercent,
  printedHundredths,
  publishedRatios,
  runCli,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('libreoffice-patch');
afterAll(folder.remove);

/** A copy of the package with every cached formula result removed, so that only a recalculation gives values. */
async function withoutCachedResults(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    zip.file(
      name,
      xml.replace(
        /(<c [^>]*?)( t="(?:str|b|e|n)")?(>(?:<f>[^<]*<\/f>|<f [^>]*\/>|<f [^>]*>[^<]*<\/f>))<v>[^<]*<\/v>/g,
        '$1$3',
      ),
    );
  }
  const blank = join(folder.dir, `blank-${basename(path)}`);
  writeFileSync(blank, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return blank;
}

const CASES = [
  { label: 'the enriched sample', file: 'enriched.xlsx', build: (p: string) => writeEnrichedSample(p) },
  {
    label: 'the enriched sample with macros',
    file: 'enriched.xlsm',
    build: (p: string) => writeEnrichedSample(p, { macros: true }),
  },
  { label: 'the pivot-table workbook', file: 'pivot.xlsx', build: writePivotWorkbookWithTables },
];

beforeAll(() => buildCli());

test.each(CASES)(
  'LibreOffice opens what fill and report wrote on $label, and recomputes the published ratios',
  async ({ file, build }) => {
    const input = join(folder.dir, file);
    await build(input);
    const filled = join(folder.dir, `filled-${file}`);
    expect([0, 1]).toContain(runCli(['fill', input, '-o', filled, '--force']).code);
    const reported = join(folder.dir, `reported-${file}`);
    expect([0, 1]).toContain(runCli(['report', filled, '-o', reported]).code);

    const recalculated = await readGrid(
      convertWithLibreOffice(await withoutCachedResults(reported), 'xlsx', folder.dir),
    );
    const names = recalculated.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([SAMPLE_SHEET, 'Report POR', 'Rilievi POR', 'Registro POR Tables']),
    );
    const sheet = recalculated.sheets.find((s) => s.name === SAMPLE_SHEET);
    if (!sheet) throw new Error('no programme sheet');
    const valueAt = (cell: string) => {
      const m = /^([A-Z])(\d+)$/.exec(cell) as RegExpExecArray;
      return sheet.values[Number(m[2]) - 1 - sheet.top][m[1].charCodeAt(0) - 65 - sheet.left];
    };
    expect(
      publishedRatios().map(({ cell }) => ({ cell, hundredths: hundredthsOfPercent(Number(valueAt(cell))) })),
    ).toEqual(
      publishedRatios().map(({ cell, percent }) => ({ cell, hundredths: printedHundredths(percent) })),
    );
    // The report's amounts are linked by formula to the programme sheet, recomputed too.
    const report = recalculated.sheets.find((s) => s.name === 'Report POR');
    expect(report?.values.flat().filter((v) => typeof v === 'number').length).toBeGreaterThan(20);
  },
  300_000,
);
