// `npm run bench`: performance figures of POR Tables (not a test; prints a table, exits 1 if a target is missed).
//
// Each section measures one thing and returns rows { name, value, unit, target?, failed? } (a row
// with `failed: true` counts as a missed target). To add a figure, write a section function and list
// it in SECTIONS at the marker below (sections of their own live in scripts/bench/); a section may
// print its rows its own way with `format(rows)` → lines. `--json` prints every row as JSON.
//
// Options: --only <id>[,<id>…] (run only these sections: cli, corpus, pane-size, syncs; may be repeated),
// --rows N (indicator rows of the big workbook, default 50 000), --runs N (default 3), --json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { benchPaneSize } from './bench/pane-size.mjs';
import { benchCorpus, benchReadAndCheck } from './bench/read.mjs';
import { benchSyncCounts, formatSyncCounts } from './bench/sync-counts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(root, 'assets', 'sample-raa-2022.xlsx');
const SAMPLE_SHEET = 'RAA 2022';
/** Rows of the sample copied as they are: Tabella 1, Tabella 2 and the indicators' caption and header. */
const SAMPLE_HEAD_ROWS = 26;
const FIRST_INDICATOR_ROW = 27;
const SAMPLE_INDICATORS = 18;

// ── Workbooks ──────────────────────────────────────────────────────────────────────────────────

/**
 * The sample's Tabella 1 and 2 followed by `rows` indicator rows (the sample's 18, over and over),
 * streamed to disk so that building it stays fast and small in memory.
 */
export async function writeBigWorkbook(file, rows) {
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(SAMPLE);
  const source = sample.getWorksheet(SAMPLE_SHEET);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = writer.addWorksheet(SAMPLE_SHEET);
  source.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = column.width;
  });
  const copyRow = (from, to) => {
    const target = sheet.getRow(to);
    from.eachCell((cell, c) => {
      const copy = target.getCell(c);
      copy.value = cell.value;
      copy.style = cell.style;
    });
    target.commit();
  };
  // Merged before its rows are committed: the streaming writer cannot go back.
  sheet.mergeCells('D3:E3');
  for (let r = 1; r <= SAMPLE_HEAD_ROWS; r++) copyRow(source.getRow(r), r);
  const indicators = Array.from({ length: SAMPLE_INDICATORS }, (_, i) =>
    source.getRow(FIRST_INDICATOR_ROW + i),
  );
  for (let i = 0; i < rows; i++) copyRow(indicators[i % SAMPLE_INDICATORS], FIRST_INDICATOR_ROW + i);
  sheet.commit();
  await writer.commit();
  return file;
}

// ── Sections ───────────────────────────────────────────────────────────────────────────────────

export const SECTIONS = [
  {
    id: 'cli',
    title:
      'CLI check on a big workbook, against bare SheetJS and ExcelJS reads (medians of alternating runs)',
    run: benchReadAndCheck,
  },
  { id: 'corpus', title: 'The corpora of real workbooks (test/corpus/*) through check', run: benchCorpus },
  {
    id: 'pane-size',
    title: 'Task pane size (production build; KB = 1024 bytes, gzip level 9 per file)',
    run: benchPaneSize,
  },
  {
    id: 'syncs',
    title:
      'context.sync() calls per action (createExcelHost() on the fake Excel: read → analyse → plan → apply)',
    run: benchSyncCounts,
    format: formatSyncCounts,
  },
  // ── Add sections here ──────────────────────────────────────────────────────────────────────
];

// ── Running and printing ───────────────────────────────────────────────────────────────────────

function optionValue(argv, name, fallback) {
  const index = argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number`);
  return value;
}

/** The sections `--only` names (comma-separated, or the option repeated); all of them without it. */
function chosenSections(argv) {
  const ids = argv.flatMap((arg, i) => (argv[i - 1] === '--only' ? arg.split(',') : [])).filter(Boolean);
  if (argv.at(-1) === '--only') throw new Error('--only needs a section id');
  if (ids.length === 0) return SECTIONS;
  const unknown = ids.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `no section ${unknown.join(', ')}; sections: ${SECTIONS.map((section) => section.id).join(', ')}`,
    );
  }
  return SECTIONS.filter((section) => ids.includes(section.id));
}

/** Decimals printed per unit. */
const DIGITS = { '×': 2, MB: 0, KB: 1, syncs: 0, files: 0, 'files/s': 1 };

function withinTarget(row) {
  if (row.failed) return false;
  if (!row.target) return null;
  return (
    (row.target.max === undefined || row.value <= row.target.max) &&
    (row.target.min === undefined || row.value >= row.target.min)
  );
}

function formatRow(row) {
  const value = row.value.toFixed(DIGITS[row.unit] ?? 2);
  const verdict = withinTarget(row);
  const target = row.target
    ? `  target ${row.target.max !== undefined ? `≤ ${row.target.max}` : `≥ ${row.target.min}`}  ${verdict ? 'OK' : 'MISSED'}`
    : '';
  const failed = row.failed ? '  FAILED' : '';
  return `  ${row.name.padEnd(48)} ${value.padStart(8)} ${row.unit}${target}${failed}`;
}

export async function runBench(argv = process.argv.slice(2)) {
  const options = { rows: optionValue(argv, '--rows', 50_000), runs: optionValue(argv, '--runs', 3) };
  const json = argv.includes('--json');
  const sections = chosenSections(argv);
  const workDir = mkdtempSync(join(tmpdir(), 'por-tables-bench-'));
  const report = [];
  try {
    for (const section of sections) {
      if (!json) console.log(`${section.title}`);
      const rows = await section.run({ ...options, workDir });
      report.push({ id: section.id, section: section.title, rows });
      if (json) continue;
      for (const line of section.format ? section.format(rows) : rows.map(formatRow)) console.log(line);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  const missed = report.flatMap((s) => s.rows).filter((row) => withinTarget(row) === false);
  return missed.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
