// Bench section: `context.sync()` calls per pane action on the fake Excel, at several table sizes.
// scripts/bench/sync-counts.ts is bundled with esbuild and run once per size in its own process.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SYNC_SIZES = [10, 1_000, 10_000];

/** Runs `node file rows`; resolves with the JSON it prints, rejects with its stderr when it fails. */
function runChild(file, rows) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, [file, String(rows)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', rejectRun);
    child.on('close', (code) => {
      if (code !== 0) {
        rejectRun(
          new Error(`sync counts on ${rows} rows exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`),
        );
        return;
      }
      try {
        resolveRun(JSON.parse(stdout.trim().split('\n').at(-1)));
      } catch {
        rejectRun(new Error(`sync counts on ${rows} rows printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

/**
 * One row per action: `values` holds the count at each size. Beyond one write request, a write over
 * Excel on the web's 5 MB request limit takes one more request per part; the rest (reads, the
 * write's check) must be the same at every size, and no request may be refused: else the row fails.
 */
export async function benchSyncCounts({ workDir }) {
  const bundle = join(workDir, 'sync-counts.cjs');
  await build({
    entryPoints: [join(root, 'scripts', 'bench', 'sync-counts.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'warning',
  });
  const bySize = [];
  for (const rows of SYNC_SIZES) bySize.push(await runChild(bundle, rows));
  const actions = bySize[0].map((count) => count.action);
  return actions.map((action) => {
    const counts = SYNC_SIZES.map((_, i) => bySize[i].find((count) => count.action === action));
    const values = counts.map((count) => count?.syncs ?? NaN);
    const fixed = counts.map((count) => (count ? count.syncs - Math.max(0, count.writes - 1) : NaN));
    return {
      name: action,
      value: Math.max(...values),
      unit: 'syncs',
      values: Object.fromEntries(SYNC_SIZES.map((rows, i) => [rows, values[i]])),
      failed: fixed.some((v) => v !== fixed[0]) || counts.some((count) => !count || count.refused > 0),
    };
  });
}

const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The rows as a table: one line per action, one column per size of the table. */
export function formatSyncCounts(rows) {
  const width = 48;
  const header = `  ${'action \\ indicator rows'.padEnd(width)}${SYNC_SIZES.map((n) => thousands(n).padStart(9)).join('')}`;
  const lines = rows.map((row) => {
    const cells = SYNC_SIZES.map((n) => String(row.values[n]).padStart(9)).join('');
    return `  ${row.name.padEnd(width)}${cells}  ${row.failed ? 'FAILED: the count changes with the size, or a request was refused' : 'OK'}`;
  });
  return [header, ...lines];
}
