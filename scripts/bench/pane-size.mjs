// Bench section: the size of the production task pane, raw and gzipped (what Excel downloads).
// Runs `webpack --mode production` (the config has no switch to leave the playground out, so both
// pages are built) into the bench's temporary folder: dist/ of the working tree is left as it is.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KB = 1024;
/** Target for the task pane's JavaScript + CSS, gzipped (KB). */
export const PANE_GZIP_TARGET_KB = 250;

function runWebpack(outputPath) {
  const args = [
    join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'),
    '--mode',
    'production',
    '--output-path',
    outputPath,
  ];
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', rejectRun);
    child.on('close', (code) => {
      if (code === 0) resolveRun();
      else
        rejectRun(
          new Error(
            `webpack --mode production exited with ${code}:\n${output.trim().split('\n').slice(-20).join('\n')}`,
          ),
        );
    });
  });
}

/** Local scripts and stylesheets a page loads (<script src>, <link rel=stylesheet href>), as paths in the output folder. */
export function pageAssets(html) {
  const attribute = (tag, name) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return m ? (m[1] ?? m[2] ?? m[3]) : null;
  };
  const found = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) found.push(attribute(tag, 'src'));
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/^stylesheet$/i.test(attribute(tag, 'rel') ?? '')) found.push(attribute(tag, 'href'));
  }
  return found
    .filter((src) => src && !/^(?:[a-z]+:)?\/\//i.test(src) && !src.startsWith('data:'))
    .map((src) => posix.normalize(decodeURI(src.split(/[?#]/)[0]).replace(/^\//, '')));
}

/** Bytes of inline <style> blocks of a page (CSS that comes with the HTML itself). */
function inlineStyles(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n');
}

const sizes = (buffer) => ({ raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length });

export async function benchPaneSize({ workDir }) {
  const out = join(workDir, 'dist');
  const started = Date.now();
  await runWebpack(out);
  const buildSeconds = (Date.now() - started) / 1000;

  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const files = new Set(pageAssets(html));
  const inOutput = readdirSync(out);
  for (const name of inOutput) if (/^taskpane.*\.(?:js|css)$/.test(name)) files.add(name);
  // Chunks no page lists (lazily loaded ones; there are none while splitChunks is off and nothing is
  // imported with import()): counted with the pane, as it may be the one that loads them.
  const playgroundHtml = join(out, 'playground.html');
  const playground = new Set(
    existsSync(playgroundHtml) ? pageAssets(readFileSync(playgroundHtml, 'utf8')) : [],
  );
  const lazy = inOutput.filter(
    (name) =>
      /\.(?:js|css)$/.test(name) && !files.has(name) && !playground.has(name) && !/^playground/.test(name),
  );
  for (const name of lazy) files.add(name);

  const missing = [...files].filter((name) => !existsSync(join(out, name)));
  if (missing.length > 0)
    throw new Error(`taskpane.html loads ${missing.join(', ')}, which the build did not write`);
  const total = { js: { raw: 0, gzip: 0, files: [] }, css: { raw: 0, gzip: 0, files: [] } };
  for (const name of [...files].sort()) {
    const kind = name.endsWith('.css') ? 'css' : 'js';
    const size = sizes(readFileSync(join(out, name)));
    total[kind].raw += size.raw;
    total[kind].gzip += size.gzip;
    total[kind].files.push(name);
  }
  const inline = inlineStyles(html);
  if (inline) {
    const size = sizes(Buffer.from(inline));
    total.css.raw += size.raw;
    total.css.gzip += size.gzip;
    total.css.files.push('inline <style> of taskpane.html');
  }
  const list = (kind) => (total[kind].files.length ? total[kind].files.join(', ') : 'none');
  return [
    { name: 'webpack --mode production (pane + playground)', value: buildSeconds, unit: 's' },
    { name: `JavaScript (${list('js')}), raw`, value: total.js.raw / KB, unit: 'KB' },
    { name: 'JavaScript, gzipped', value: total.js.gzip / KB, unit: 'KB' },
    { name: `CSS (${list('css')}), raw`, value: total.css.raw / KB, unit: 'KB' },
    { name: 'CSS, gzipped', value: total.css.gzip / KB, unit: 'KB' },
    { name: 'JavaScript + CSS, raw', value: (total.js.raw + total.css.raw) / KB, unit: 'KB' },
    {
      name: 'JavaScript + CSS, gzipped',
      value: (total.js.gzip + total.css.gzip) / KB,
      unit: 'KB',
      target: { max: PANE_GZIP_TARGET_KB },
    },
  ];
}
