// `npm run demo`: the report of the RAA 2022 sample, written to out/report-raa-2022.xlsx.
// The sample has error findings on purpose (the RAA misprints Asse III, one indicator misses its
// target), so exit code 1 from the CLI is the expected outcome; only 2 (could not run) fails the demo.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'out', 'report-raa-2022.xlsx');
mkdirSync(dirname(output), { recursive: true });

const run = spawnSync(
  process.execPath,
  [join(root, 'bin', 'por-tables.cjs'), 'report', join(root, 'assets', 'sample-raa-2022.xlsx'), '-o', output],
  { cwd: root, stdio: 'inherit' },
);
if (run.error) {
  console.error(`demo: impossibile avviare por-tables (${run.error.code ?? run.error.name})`);
  process.exit(2);
}
const code = run.status ?? 2;
if (code === 0 || code === 1) {
  console.log(
    `\nDemo: report scritto in ${relative(process.cwd(), output) || output} (aprilo con Excel o LibreOffice)`,
  );
  process.exit(0);
}
process.exit(code);
