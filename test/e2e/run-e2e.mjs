// Runs the browser test of the playground: builds dist/ when it is missing (or with --build),
// bundles test/e2e/playground.e2e.ts and network.e2e.ts with esbuild and runs them with `node --test`.
// Without Chromium at /usr/bin/chromium (or CHROMIUM_PATH) the test fails with a clear message;
// set POR_E2E_OPTIONAL=1 to skip it instead (for machines that cannot have a browser).
// Usage: node test/e2e/run-e2e.mjs [--build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium) && process.env.POR_E2E_OPTIONAL === '1') {
  console.log(`e2e: skipped — Chromium is not installed at ${chromium} (POR_E2E_OPTIONAL=1).`);
  process.exit(0);
}

if (process.argv.includes('--build') || !existsSync(join(root, 'dist', 'playground.html'))) {
  console.log('e2e: building dist/ with webpack (production)…');
  const webpack = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
    { cwd: root, stdio: 'inherit' },
  );
  if (webpack.status !== 0) {
    console.error('e2e: the webpack build failed; see above.');
    process.exit(1);
  }
}

const outdir = join(root, '.tmp', 'e2e');
mkdirSync(outdir, { recursive: true });
// The playground walk, and the network and Content-Security-Policy test of the pages.
const suites = ['playground', 'network'];
const bundles = suites.map((name) => join(outdir, `${name}.e2e.cjs`));
await build({
  entryPoints: Object.fromEntries(
    suites.map((name) => [`${name}.e2e`, join(root, 'test', 'e2e', `${name}.e2e.ts`)]),
  ),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['playwright-core'],
  logLevel: 'warning',
  // Resolve playwright-core from the project when the bundle runs from .tmp/.
  nodePaths: [join(root, 'node_modules')],
});

const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...bundles], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, POR_ROOT: root, NODE_PATH: join(root, 'node_modules') },
});
process.exit(run.status ?? 1);
