/**
 * The playground in Debian's Chromium (playwright-core): the real task pane on the in-memory Excel,
 * driven by clicks. Serves dist/ (built by webpack) over a local http server on a random port.
 * Run it with `node test/e2e/run-e2e.mjs`, which bundles this file and runs it with `node --test`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PLAYGROUND_TEST_IDS } from '../../src/playground/test-ids';
import { TEST_IDS } from '../../src/taskpane/test-ids';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(process.env.POR_ROOT ?? process.cwd());
const DIST = join(ROOT, 'dist');
const SCREENSHOT = join(ROOT, 'test-results', 'playground.png');
const TIMEOUT = 30_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.xml': 'application/xml',
};

function byTestId(id: string, attributes: Record<string, string> = {}): string {
  return `[data-testid="${id}"]${Object.entries(attributes)
    .map(([name, value]) => `[data-${name}="${value}"]`)
    .join('')}`;
}

function serve(directory: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(directory, path === '/' ? 'playground.html' : path));
    if (!file.startsWith(directory + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('playground in Chromium', { timeout: 180_000 }, () => {
  let server: Server | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  let profile = '';
  const problems: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH), then run the browser test again.`,
    );
    assert.ok(
      existsSync(join(DIST, 'playground.html')),
      `dist/playground.html is missing: build the pages first ("npx webpack --mode production").`,
    );
    server = await serve(DIST);
    const { port } = server.address() as AddressInfo;
    profile = mkdtempSync(join(tmpdir(), 'por-tables-chromium-'));
    // A fresh profile per run: `launchPersistentContext` is how playwright takes a user data dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 900 },
      locale: 'it-IT',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('Failed to load resource'))
        problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/playground.html`);
    await page.waitForSelector(byTestId(TEST_IDS.actionCheck));
  });

  after(async () => {
    await context?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function syncCount(): Promise<number> {
    return Number(await page.getAttribute(byTestId(PLAYGROUND_TEST_IDS.syncCount), 'data-count'));
  }

  async function cellText(address: string): Promise<string> {
    return (await page.textContent(byTestId(PLAYGROUND_TEST_IDS.cell, { address }))) ?? '';
  }

  /** Clicks an action; confirms the dialog if the pane asks (overwrite, replace). */
  async function runAction(id: string, confirm: string = TEST_IDS.confirmOk): Promise<void> {
    const before = await syncCount();
    await page.click(byTestId(id));
    const dialogOk = page.locator(byTestId(confirm));
    const settled = page.waitForFunction(
      ([progress, ok]) =>
        !document.querySelector(`[data-testid="${progress}"]`) &&
        !document.querySelector(`[data-testid="${ok}"]`),
      [TEST_IDS.progress, confirm],
    );
    await Promise.race([dialogOk.waitFor({ state: 'visible' }).catch(() => undefined), settled]);
    if (await dialogOk.isVisible()) await dialogOk.click();
    await page.waitForFunction(
      ([progress]) => !document.querySelector(`[data-testid="${progress}"]`),
      [TEST_IDS.progress],
    );
    await page.waitForFunction(
      ([id, count]) =>
        Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count')) > count,
      [PLAYGROUND_TEST_IDS.syncCount, before] as const,
    );
  }

  it('Verifica lists the findings of the sample', async () => {
    await page.click(byTestId(TEST_IDS.actionCheck));
    await page.waitForSelector(byTestId(TEST_IDS.findingRow));
    const findings = await page.$$eval(byTestId(TEST_IDS.findingRow), (rows) =>
      rows.map((row) => ({
        rule: (row as HTMLElement).dataset.rule,
        severity: (row as HTMLElement).dataset.severity,
        cell: (row as HTMLElement).dataset.cell,
      })),
    );
    assert.ok(
      findings.some((finding) => finding.rule === 'AXIS_DUPLICATE' && finding.cell === 'A18'),
      `AXIS_DUPLICATE on A18 missing from ${JSON.stringify(findings)}`,
    );
    assert.ok(
      findings.some((finding) => finding.rule === 'TOTAL_MISMATCH' && finding.severity === 'warning'),
      'TOTAL_MISMATCH warning missing',
    );
    assert.equal(findings.filter((finding) => finding.rule === 'INDICATOR_BELOW_TARGET').length, 3);
    assert.equal(
      await page.getAttribute(byTestId(TEST_IDS.summaryErrors), 'data-count'),
      String(findings.filter((finding) => finding.severity === 'error').length),
    );
  });

  it('a click on the AXIS_DUPLICATE finding selects A18 in the grid', async () => {
    const before = await syncCount();
    await page.click(byTestId(TEST_IDS.findingRow, { rule: 'AXIS_DUPLICATE' }));
    await page.waitForSelector(byTestId(PLAYGROUND_TEST_IDS.cell, { address: 'A18', selected: 'true' }));
    assert.equal((await page.textContent(byTestId(PLAYGROUND_TEST_IDS.nameBox)))?.trim(), 'A18');
    assert.equal(await syncCount(), before + 1, 'selecting a cell takes one sync');
  });

  it('Compila writes the ratios as live formulas: D16 shows 122,89% for Asse I', async () => {
    await runAction(TEST_IDS.actionFill);
    assert.equal(await cellText('D16'), '122,89%');
    await page.click(byTestId(PLAYGROUND_TEST_IDS.cell, { address: 'D16' }));
    const formula = (await page.textContent(byTestId(PLAYGROUND_TEST_IDS.formulaBar)))?.trim() ?? '';
    assert.match(formula, /^=/, `D16 should hold a formula after Compila, found "${formula}"`);
    assert.match(formula, /C16/);
    assert.match(formula, /B16/);
  });

  it('Genera report adds the report sheet as a new tab', async () => {
    const tabsBefore = await page.$$eval(byTestId(PLAYGROUND_TEST_IDS.sheetTab), (tabs) =>
      tabs.map((tab) => (tab as HTMLElement).dataset.sheet ?? ''),
    );
    await runAction(TEST_IDS.actionReport);
    await page.waitForFunction(
      ([id, count]) => document.querySelectorAll(`[data-testid="${id}"]`).length > count,
      [PLAYGROUND_TEST_IDS.sheetTab, tabsBefore.length] as const,
    );
    const tabs = await page.$$eval(byTestId(PLAYGROUND_TEST_IDS.sheetTab), (elements) =>
      elements.map((tab) => (tab as HTMLElement).dataset.sheet ?? ''),
    );
    const added = tabs.filter((tab) => !tabsBefore.includes(tab));
    const report = added.find((name) => /report/i.test(name));
    assert.ok(report, `no report tab among the new tabs ${JSON.stringify(added)}`);
    await page.click(byTestId(PLAYGROUND_TEST_IDS.sheetTab, { sheet: report }));
    await page.waitForSelector(byTestId(PLAYGROUND_TEST_IDS.sheetGrid, { sheet: report }));
    const texts = await page.$$eval(byTestId(PLAYGROUND_TEST_IDS.cell), (cells) =>
      cells.map((cell) => cell.textContent ?? ''),
    );
    assert.ok(
      texts.some((text) => /€$/.test(text)),
      'the report shows amounts in euro',
    );
    assert.ok(
      texts.some((text) => /^\d{1,3},\d{2}%$/.test(text)),
      'the report shows percentages',
    );
  });

  it('saves a screenshot and met no page errors', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.ok(existsSync(SCREENSHOT));
    assert.deepEqual(problems, []);
  });
});
