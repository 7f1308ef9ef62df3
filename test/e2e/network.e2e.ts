/**
 * The pages make no network request but to their own origin (and, for the task pane, Microsoft's
 * Office script), and their Content-Security-Policy is never violated: the playground through
 * Verifica → Compila → Genera report, and the task pane opened outside Office. Any other request
 * is blocked and fails the test. Run with `node test/e2e/run-e2e.mjs`, like the playground test.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_IDS } from '../../src/taskpane/test-ids';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(process.env.POR_ROOT ?? process.cwd());
const DIST = join(ROOT, 'dist');
const TIMEOUT = 30_000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

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

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** What a page did on the network and against its policy. */
interface Watch {
  /** Requests to anything but the page's origin (and Office.js where allowed), each blocked. */
  foreign: string[];
  /** Every request the page made, for the message of a failure. */
  all: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

describe('no network request, no policy violation', { timeout: 180_000 }, () => {
  let server: Server | null = null;
  let context: BrowserContext | null = null;
  let origin = '';
  let profile = '';

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
    assert.ok(
      existsSync(join(DIST, 'playground.html')) && existsSync(join(DIST, 'taskpane.html')),
      'dist/ is missing: build the pages first ("npx webpack --mode production").',
    );
    server = await serve(DIST);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'por-tables-network-'));
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
    // Recorded from the first script on: the page's own code cannot run before this listener.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
  });

  after(async () => {
    await context?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A fresh page whose requests leave nothing but `allowed` through (plus its own origin). */
  async function watchedPage(allowed: Record<string, string> = {}): Promise<{ page: Page; watch: Watch }> {
    assert.ok(context);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const watch: Watch = { foreign: [], all: [] };
    page.on('request', (request) => watch.all.push(`${request.method()} ${request.url()}`));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (/^(data|blob):/.test(url) || new URL(url).origin === origin) return route.continue();
      if (url in allowed)
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: allowed[url] });
      watch.foreign.push(url);
      return route.abort('blockedbyclient');
    });
    return { page, watch };
  }

  async function violations(page: Page): Promise<string[]> {
    return page.evaluate(() => window.__cspViolations ?? ['the violation listener did not run']);
  }

  /** Clicks an action, confirms the pane's dialog if it asks, and waits for the result message. */
  async function runAction(page: Page, id: string): Promise<string> {
    await page.click(byTestId(id));
    const ok = page.locator(byTestId(TEST_IDS.confirmOk));
    const settled = page.waitForFunction(
      ([progress, confirm]) =>
        !document.querySelector(`[data-testid="${progress}"]`) &&
        !document.querySelector(`[data-testid="${confirm}"]`),
      [TEST_IDS.progress, TEST_IDS.confirmOk],
    );
    await Promise.race([ok.waitFor({ state: 'visible' }).catch(() => undefined), settled]);
    if (await ok.isVisible()) await ok.click();
    await page.waitForFunction(
      ([progress]) => !document.querySelector(`[data-testid="${progress}"]`),
      [TEST_IDS.progress],
    );
    await page.waitForSelector(byTestId(TEST_IDS.statusMessage));
    return ((await page.textContent(byTestId(TEST_IDS.statusMessage))) ?? '').trim();
  }

  it('the playground: Verifica, Compila and Genera report stay on this origin', async () => {
    const { page, watch } = await watchedPage();
    await page.goto(`${origin}/playground.html`);
    await page.waitForSelector(byTestId(TEST_IDS.actionCheck));
    await page.click(byTestId(TEST_IDS.actionCheck));
    await page.waitForSelector(byTestId(TEST_IDS.findingRow));
    assert.match(await runAction(page, TEST_IDS.actionFill), /^Compila:/);
    assert.match(await runAction(page, TEST_IDS.actionReport), /Genera report|fogli creati/);
    assert.deepEqual(watch.foreign, [], `requests off the page's origin:\n${watch.all.join('\n')}`);
    assert.deepEqual(await violations(page), []);
    assert.ok(
      watch.all.some((r) => r.endsWith('/playground.js')),
      'the page loaded its own script',
    );
    await page.close();
  });

  it("the task pane outside Office: its own files and Microsoft's Office script only", async () => {
    // Office.js cannot be fetched here: a stand-in that defines nothing, as when the CDN is unreachable.
    const { page, watch } = await watchedPage({ [OFFICE_JS]: '/* office.js stand-in */' });
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector(byTestId('outside-office'));
    assert.deepEqual(watch.foreign, [], `requests off the page's origin:\n${watch.all.join('\n')}`);
    assert.deepEqual(await violations(page), []);
    assert.ok(watch.all.includes(`GET ${OFFICE_JS}`), 'the pane asked for Office.js');
    await page.close();
  });

  it('the policy is enforced: a request elsewhere is refused and reported', async () => {
    // Proves the listener and the policy work: a script may not fetch another origin.
    const { page } = await watchedPage();
    await page.goto(`${origin}/playground.html`);
    await page.waitForSelector(byTestId(TEST_IDS.actionCheck));
    const refused = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => false,
        () => true,
      ),
    );
    assert.equal(refused, true);
    await page.waitForFunction(() => (window.__cspViolations ?? []).length > 0);
    assert.match((await violations(page))[0], /^connect-src blocked https:\/\/example\.org/);
    await page.close();
  });
});
