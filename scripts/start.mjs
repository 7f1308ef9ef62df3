/**
 * `npm start`: on Windows and macOS, sideloads the add-in into Excel desktop and starts the dev
 * server (office-addin-debugging, as Microsoft's template does). Elsewhere — Linux, CI — there is no
 * Excel desktop: it prints how to try the add-in in Excel on the web or in the playground, and exits.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hasExcelDesktop = process.platform === 'win32' || process.platform === 'darwin';

const HOW_TO = `POR Tables — no Excel desktop on this machine (${process.platform}).

Try it in Excel on the web:
  1. npm run build              (or skip: the dev server builds in memory)
  2. npm run dev-server         serves https://localhost:3000 with the Office dev certificate
                                (trust the certificate once: npx office-addin-dev-certs install)
  3. In Excel on the web open a workbook, then Insert > Add-ins > Upload My Add-in
     (Inserisci > Componenti aggiuntivi > Carica il componente aggiuntivo) and choose
     ${join(root, 'manifest.xml')}
  4. Home > "Tabelle POR" opens the pane.

Try it without Excel:
  npm run playground            the real task pane beside an in-memory workbook (RAA 2022 sample)

Check .xlsx files from the command line:
  npx por-tables check assets/sample-raa-2022.xlsx
`;

if (!hasExcelDesktop) {
  process.stdout.write(HOW_TO);
  process.exit(0);
}

const bin = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging',
);
const child = spawn(bin, ['start', 'manifest.xml', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('error', (error) => {
  process.stderr.write(`npm start: could not run office-addin-debugging: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 1));
