#!/usr/bin/env node
// `npm test`: type check, lint, formatting (Prettier), the jest suites, then the suites that need a
// tool from Debian: LibreOffice (the .xlsx oracle) and Chromium (the browser test of the playground).
// Without the tool a suite is not run and we say so; with CI=true a missing tool is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium libreoffice-calc-nogui';

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function onPath(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

const npx = 'npx';
run('type check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', npx, ['eslint', '.']);
run('formatting', npx, ['prettier', '--check', '.']);
run('unit, engine, CLI, host and pane tests', npx, ['jest']);

const notRun = [];
if (onPath('soffice')) {
  run('LibreOffice recalculates the formulas fill writes', npx, [
    'jest',
    '--config',
    'jest.oracle.config.cjs',
  ]);
} else {
  notRun.push('LibreOffice oracle (test/cli/libreoffice.test.ts): soffice not found');
}
run('production build of the task pane and the playground', npx, ['webpack', '--mode', 'production']);
run('what the build ships: no eval, a Content-Security-Policy on every page', 'node', [
  '--test',
  'test/security/shipped-bundle.test.mjs',
]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  run('browser test of the playground in Chromium', 'node', ['test/e2e/run-e2e.mjs']);
} else {
  notRun.push(`browser test (test/e2e): Chromium not found at ${chromium}`);
}

if (notRun.length > 0) {
  const lines = notRun.map((s) => `  - ${s}`).join('\n');
  if (ci) {
    console.error(
      `\n✖ CI=true and these suites could not run:\n${lines}\nInstall what they need with:\n  ${INSTALL}`,
    );
    process.exit(1);
  }
  console.warn(`\n⚠ Not run on this machine:\n${lines}\nInstall what they need with:\n  ${INSTALL}\n`);
}
console.log('\n✔ All suites that could run passed.');
