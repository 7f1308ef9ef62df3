/**
 * Every patched output opens again in an application that is not ours: LibreOffice converts what
 * `fill --force` and `report` wrote on workbooks with charts, images, notes, pivot tables and
 * macros, recalculating every formula (the cached results are blanked first), and the ratios it
 * computes are the RAA 2022's printed ones. Needs `soffice` on PATH (the oracle suite).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { readGrid } from '../../src/cli/xlsx-host';
import { writeEnrichedSample, writePivotWorkbookWithTables } from '../fixtures/rich-workbooks';
import {
  SAMPLE_SHEET,
  buildCli,
  hundredthsOfPercent,
  printedHundredths,
  publishedRatios,
  runCli,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('libreoffice-patch');
afterAll(folder.remove);

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

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

/** LibreOffice's own .xlsx of the file, every formula recalculated on load. */
function convertedByLibreOffice(path: string): string {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0)
    throw new Error('LibreOffice is not installed: `soffice` is not on PATH, so the oracle cannot run');
  const profile = join(folder.dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  const outdir = join(folder.dir, 'converted');
  mkdirSync(outdir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outdir,
      path,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });
  const converted = join(outdir, basename(path).replace(/\.xlsm$/, '.xlsx'));
  expect(existsSync(converted)).toBe(true);
  return converted;
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

    const recalculated = await readGrid(convertedByLibreOffice(await withoutCachedResults(reported)));
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
