// Sections of `npm run bench` about reading workbooks:
// - `cli`: `por-tables check --json` on the big indicator workbook against a bare SheetJS read and a
//   bare ExcelJS read of the same file (time and peak RSS, medians of alternating runs, one
//   process each), and check's peak RSS at 100 000 rows;
// - `corpus`: every workbook of test/corpus/*/ through `check`, in one process: files per second
//   and the slowest file.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'por-tables.cjs');

/** Preloaded into each measured process: writes its peak resident memory (kB) where BENCH_RSS_FILE says. */
const RSS_REPORTER = `process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

/** Runs `node <args>`; resolves with wall time (ms), peak RSS (kB), exit code, stdout and stderr. */
function measure(args, workDir) {
  const rssFile = join(workDir, `rss-${process.hrtime.bigint()}.txt`);
  const reporter = join(workDir, 'rss-reporter.cjs');
  writeFileSync(reporter, RSS_REPORTER);
  return new Promise((resolveRun, rejectRun) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', reporter, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', rejectRun);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssKb = NaN;
      try {
        rssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // The child died before its exit handler ran; the code says why.
      }
      resolveRun({ ms, rssKb, code, stdout, stderr });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Each contender once per round, the order rotating, so that a slow moment of the machine falls on all of them. */
async function alternating(runs, contenders, workDir) {
  const results = new Map(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length];
      const result = await measure(contender.args, workDir);
      if (!contender.codes.includes(result.code))
        throw new Error(
          `${contender.name} exited with ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}`,
        );
      results.get(contender.name).push(result);
    }
  }
  return Object.fromEntries(
    [...results].map(([name, list]) => [
      name,
      { ms: median(list.map((r) => r.ms)), rssKb: median(list.map((r) => r.rssKb)) },
    ]),
  );
}

/** `check` against bare SheetJS and ExcelJS reads (targets: ≤ 1.3× SheetJS's time, ≤ 1.5× its memory). */
export async function benchReadAndCheck({ rows, runs, workDir }) {
  const { writeBigWorkbook } = await import('../bench.mjs');
  const file = join(workDir, `indicators-${rows}.xlsx`);
  const built = Date.now();
  await writeBigWorkbook(file, rows);
  const buildSeconds = (Date.now() - built) / 1000;
  const path = JSON.stringify(file);
  const figures = await alternating(
    Math.max(runs, 3),
    [
      { name: 'sheetjs', args: ['-e', `require('@e965/xlsx').readFile(${path})`], codes: [0] },
      {
        name: 'exceljs',
        args: [
          '-e',
          `new (require('exceljs').Workbook)().xlsx.readFile(${path}).catch((e) => { console.error(e.message); process.exit(3); })`,
        ],
        codes: [0],
      },
      // 1: error findings, which a big workbook of repeated indicators has; 2 would mean it could not run.
      { name: 'check', args: [BIN, 'check', file, '--json'], codes: [0, 1] },
    ],
    workDir,
  );
  const big = join(workDir, 'indicators-100000.xlsx');
  await writeBigWorkbook(big, 100_000);
  const peak = await alternating(
    1,
    [{ name: 'check', args: [BIN, 'check', big, '--json'], codes: [0, 1] }],
    workDir,
  );
  const { sheetjs, exceljs, check } = figures;
  return [
    { name: `workbook with ${rows} indicator rows, built in`, value: buildSeconds, unit: 's' },
    { name: 'bare SheetJS readFile, median wall time', value: sheetjs.ms / 1000, unit: 's' },
    { name: 'bare SheetJS readFile, median peak RSS', value: sheetjs.rssKb / 1024, unit: 'MB' },
    { name: 'bare ExcelJS readFile, median wall time', value: exceljs.ms / 1000, unit: 's' },
    { name: 'bare ExcelJS readFile, median peak RSS', value: exceljs.rssKb / 1024, unit: 'MB' },
    { name: 'por-tables check --json, median wall time', value: check.ms / 1000, unit: 's' },
    { name: 'por-tables check --json, median peak RSS', value: check.rssKb / 1024, unit: 'MB' },
    { name: 'check time / SheetJS read time', value: check.ms / sheetjs.ms, unit: '×', target: { max: 1.3 } },
    {
      name: 'check memory / SheetJS read memory',
      value: check.rssKb / sheetjs.rssKb,
      unit: '×',
      target: { max: 1.5 },
    },
    { name: 'check time / ExcelJS read time', value: check.ms / exceljs.ms, unit: '×' },
    { name: 'check --json at 100 000 rows, peak RSS', value: peak.check.rssKb / 1024, unit: 'MB' },
  ];
}

/** The corpora through `check`, in one process (the built command's own `main`). */
export async function benchCorpus({ workDir }) {
  const files = [];
  for (const corpus of ['shared', 'extra']) {
    const dir = join(root, 'test', 'corpus', corpus);
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (/\.(xlsx|xlsm|xlsb|ods)$/i.test(name)) files.push(join(dir, name));
  }
  const script = `
    const { main } = require(${JSON.stringify(join(root, 'dist', 'cli', 'por-tables.cjs'))});
    const files = ${JSON.stringify(files)};
    (async () => {
      const out = { stdout() {}, stderr() {} };
      const times = [];
      const codes = {};
      const started = process.hrtime.bigint();
      for (const file of files) {
        const t = process.hrtime.bigint();
        const code = await main(['check', file], out);
        codes[code] = (codes[code] ?? 0) + 1;
        times.push([Number(process.hrtime.bigint() - t) / 1e6, file]);
      }
      const total = Number(process.hrtime.bigint() - started) / 1e6;
      times.sort((a, b) => b[0] - a[0]);
      console.log(JSON.stringify({ total, codes, slowest: times[0] }));
    })();`;
  const result = await measure(['-e', script], workDir);
  if (result.code !== 0)
    throw new Error(`corpus run exited with ${result.code}: ${result.stderr.split('\n')[0]}`);
  const { total, codes, slowest } = JSON.parse(result.stdout.trim().split('\n').at(-1));
  const read = (codes[0] ?? 0) + (codes[1] ?? 0);
  return [
    { name: `files checked (${read} read, ${codes[2] ?? 0} refused)`, value: files.length, unit: 'files' },
    { name: 'files per second (one process)', value: files.length / (total / 1000), unit: 'files/s' },
    { name: `slowest: ${slowest[1].split('/').slice(-2).join('/')}`, value: slowest[0] / 1000, unit: 's' },
    { name: 'peak RSS of the whole run', value: result.rssKb / 1024, unit: 'MB' },
  ];
}
