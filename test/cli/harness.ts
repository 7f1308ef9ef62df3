/** Shared by the CLI's tests: the built command, temporary folders, reading written workbooks back. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { ValueType, Workbook } from 'exceljs';
import type { CellValue as ExcelCellValue, Worksheet } from 'exceljs';
import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'por-tables.cjs');
export const SAMPLE = join(ROOT, 'assets', 'sample-raa-2022.xlsx');
export const SAMPLE_SHEET = 'RAA 2022';

/** Builds dist/cli/por-tables.cjs from the current sources (the build renames into place, so parallel builds are safe). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string = ROOT): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, and a function that removes it. */
export function temporaryFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `por-tables-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function readWorkbook(path: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export function sheetOf(workbook: Workbook, name: string): Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws)
    throw new Error(
      `no sheet ${name} in the workbook (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`,
    );
  return ws;
}

/** Columns D, F, H, J of the sample's Tabella 2 hold C, E, G, I; rows 16–21 the axes and the total. */
export const PROGRESS_RATIO_COLUMNS = [
  { column: 'D', csv: 'C_B_su_A_pct' },
  { column: 'F', csv: 'E_D_su_B_pct' },
  { column: 'H', csv: 'G_F_su_D_pct' },
  { column: 'J', csv: 'I_H_su_F_pct' },
] as const;
export const PROGRESS_FIRST_ROW = 16;

/** Every ratio the RAA 2022 prints in Tabella 2, by the sample's cell: `{ cell: 'D16', percent: '122.89' }`. */
export function publishedRatios(): { cell: string; percent: string }[] {
  const [header, ...rows] = readFileSync(
    join(ROOT, 'assets', 'data', 'tabella2-avanzamento-finanziario.csv'),
    'utf8',
  )
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  return rows.flatMap((fields, i) =>
    PROGRESS_RATIO_COLUMNS.map(({ column, csv }) => ({
      cell: `${column}${PROGRESS_FIRST_ROW + i}`,
      percent: fields[header.indexOf(csv)],
    })),
  );
}

/** A fraction as hundredths of a percent, rounded half away from zero as Excel rounds: 1.2289431 → 12289. */
export function hundredthsOfPercent(fraction: number): number {
  return new Decimal(fraction).times(10000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** A printed percentage as hundredths: `'122.89'` → 12289. */
export function printedHundredths(percent: string): number {
  return new Decimal(percent).times(100).toNumber();
}

/** Loads every sheet's formulas and constants into HyperFormula; returns a reader of computed values. */
export function evaluate(workbook: Workbook): (sheet: string, address: string) => unknown {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const ws of workbook.worksheets) {
    const rows: RawCellContent[][] = [];
    ws.eachRow((row, rowNumber) => {
      const cells: RawCellContent[] = [];
      row.eachCell((cell, colNumber) => {
        cells[colNumber - 1] = cell.type === ValueType.Formula ? `=${cell.formula}` : rawContent(cell.value);
      });
      rows[rowNumber - 1] = cells;
    });
    sheets[ws.name] = Array.from(rows, (row) => Array.from(row ?? [], (c) => c ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  return (sheet, address) => {
    const sheetId = hf.getSheetId(sheet);
    if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
    const cell = hf.simpleCellAddressFromString(address, sheetId);
    if (!cell) throw new Error(`bad address ${address}`);
    return hf.getCellValue(cell);
  };
}

/** Text that HyperFormula would take for a formula is kept as text with the apostrophe prefix. */
function rawContent(value: ExcelCellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^[=+-]/.test(value) ? `'${value}` : value;
  if (value instanceof Date) return value.toISOString();
  return String((value as { text?: unknown }).text ?? '');
}

/** Tells LibreOffice to recalculate every formula of an .xlsx on load (0 = always), whatever the file says. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * `path` converted by headless LibreOffice (`xlsx` or `pdf`) in a throwaway profile of `workDir`
 * that recalculates every formula on load; returns the converted file's path. The oracle suites
 * need LibreOffice: without it this throws, saying what to install.
 */
export function convertWithLibreOffice(path: string, to: 'xlsx' | 'pdf', workDir: string): string {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'LibreOffice is not installed: `soffice` is not on PATH (apt-get install libreoffice-calc-nogui), so the oracle cannot run',
    );
  }
  const profile = join(workDir, 'libreoffice-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  const outdir = join(workDir, `libreoffice-${to}`);
  mkdirSync(outdir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      to,
      '--outdir',
      outdir,
      path,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });
  const converted = join(outdir, basename(path).replace(/\.\w+$/, `.${to}`));
  expect(existsSync(converted)).toBe(true);
  return converted;
}
