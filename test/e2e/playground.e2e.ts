/**
 * The playground in Debian's Chromium (playwright-core): the real task pane on the in-memory Excel,
 * driven by clicks. Serves dist/ (built by webpack) over a local http server on a random port.
 * Run it with `node test/e2e/run-e2e.mjs`, which bundles this file and runs it with `node --test`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { LOG_SHEET } from '../../src/engine/plan';
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

  async function statusText(): Promise<string> {
    return ((await page.textContent(byTestId(TEST_IDS.statusMessage))) ?? '').trim();
  }

  interface DialogSeen {
    kind: string;
    text: string;
    okLabel: string;
    /** The test id of the button that had focus when the dialog opened. */
    focused: string;
  }

  /**
   * Clicks an action; when the pane asks, notes the dialog (text, buttons, initial focus) and
   * confirms it. Returns the dialog (or null) and the status message once the re-check is done.
   */
  async function runAction(
    id: string,
    confirm: string = TEST_IDS.confirmOk,
  ): Promise<{ dialog: DialogSeen | null; status: string }> {
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
    let dialog: DialogSeen | null = null;
    if (await dialogOk.isVisible()) {
      const surface = page.locator(byTestId(TEST_IDS.confirmDialog));
      dialog = {
        kind: (await surface.getAttribute('data-kind')) ?? '',
        text: (await surface.innerText()).replace(/\s+/g, ' '),
        okLabel: ((await page.textContent(byTestId(TEST_IDS.confirmOk))) ?? '').trim(),
        focused: await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      };
      await dialogOk.click();
    }
    await page.waitForFunction(
      ([progress]) => !document.querySelector(`[data-testid="${progress}"]`),
      [TEST_IDS.progress],
    );
    await page.waitForFunction(
      ([id, count]) =>
        Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count')) > count,
      [PLAYGROUND_TEST_IDS.syncCount, before] as const,
    );
    await page.waitForSelector(byTestId(TEST_IDS.statusMessage));
    return { dialog, status: await statusText() };
  }

  /**
   * What the in-memory workbook holds: its sheets (the log aside: it keeps the record of every action
   * and undo), the formulas of the RAA 2022 sheet, every conditional format.
   */
  interface WorkbookState {
    sheets: string[];
    /** `D16` → `=IF(…)` for every formula of the sheet `RAA 2022`. */
    formulas: Record<string, string>;
    /** `RAA 2022!G27:G44`, one per conditional format. */
    formats: string[];
  }

  async function workbookState(): Promise<WorkbookState> {
    return page.evaluate((logSheet) => {
      const fake = window.porPlayground?.fake;
      if (!fake) throw new Error('window.porPlayground is missing');
      const doc = fake.document;
      const letters = (col: number): string => {
        let name = '';
        for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
          name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
        return name;
      };
      const at = (row: number, col: number) => `${letters(col)}${row + 1}`;
      const formulas: Record<string, string> = {};
      const sheet = doc.findSheet('RAA 2022');
      if (sheet) {
        for (let row = 0; row < 80; row++) {
          for (let col = 0; col < 26; col++) {
            const formula = doc.cell(sheet, row, col).formula;
            if (typeof formula === 'string' && formula.startsWith('=')) formulas[at(row, col)] = formula;
          }
        }
      }
      const formats = doc.sheets.flatMap((s) =>
        s.conditionalFormats.map(({ box }) => {
          const start = at(box.top, box.left);
          const end = at(box.bottom, box.right);
          return `${s.name}!${start === end ? start : `${start}:${end}`}`;
        }),
      );
      return { sheets: doc.sheets.map((s) => s.name).filter((name) => name !== logSheet), formulas, formats };
    }, LOG_SHEET);
  }

  /** `RAA 2022!D16:J21 (24), RAA 2022!I27:J44 (36)` → places with counts (one place: the total). */
  function parsePlaces(list: string, total: number): { sheet: string; range: string; count: number }[] {
    const items = list.split(/, (?=[^,]+!)/);
    return items.map((item) => {
      const m = /^(.+)!([A-Z]+\d+(?::[A-Z]+\d+)?)(?: \((\d+)\))?$/.exec(item.trim());
      assert.ok(m, `not a place: "${item}" in "${list}"`);
      return { sheet: m[1], range: m[2], count: m[3] ? Number(m[3]) : total };
    });
  }

  function inRange(address: string, range: string): boolean {
    const parse = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a);
      if (!m) return [0, 0];
      return [Number(m[2]), [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
    };
    const [from, to = from] = range.split(':');
    const [r, c] = parse(address);
    const [r1, c1] = parse(from);
    const [r2, c2] = parse(to);
    return r >= r1 && r <= r2 && c >= c1 && c <= c2;
  }

  const changedFormulas = (before: WorkbookState, after: WorkbookState): string[] =>
    Object.keys(after.formulas).filter((cell) => after.formulas[cell] !== before.formulas[cell]);

  it('Verifica lists the findings of the sample, repeated ones as one line', async () => {
    await page.click(byTestId(TEST_IDS.actionCheck));
    await page.waitForSelector(byTestId(TEST_IDS.findingRow));
    const findings = await page.$$eval(
      `${byTestId(TEST_IDS.findingRow)}, ${byTestId(TEST_IDS.findingRepeat)}`,
      (rows) =>
        rows.map((row) => ({
          rule: (row as HTMLElement).dataset.rule,
          severity: (row as HTMLElement).dataset.severity,
          cell: (row as HTMLElement).dataset.cell,
          range: (row as HTMLElement).dataset.range,
          count: Number((row as HTMLElement).dataset.count ?? 1),
          text: row.textContent ?? '',
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
    const below = findings.filter((finding) => finding.rule === 'INDICATOR_BELOW_TARGET');
    assert.equal(
      below.reduce((n, f) => n + f.count, 0),
      3,
    );
    // The 24 typed ratios of Tabella 2 are one line: range, count, what Compila does about them.
    const typed = findings.find((finding) => finding.rule === 'RATIO_HARDCODED');
    assert.equal(typed?.range, 'D16:J21');
    assert.equal(typed?.count, 24);
    assert.match(typed?.text ?? '', /^D16:J21 — 24 /);
    const total = (severity: string) =>
      findings.filter((f) => f.severity === severity).reduce((n, f) => n + f.count, 0);
    assert.equal(
      await page.getAttribute(byTestId(TEST_IDS.summaryErrors), 'data-count'),
      String(total('error')),
    );
    assert.equal(
      await page.getAttribute(byTestId(TEST_IDS.summaryWarnings), 'data-count'),
      String(total('warning')),
    );
  });

  it('the group line opens onto its findings', async () => {
    const line = page.locator(byTestId(TEST_IDS.findingRepeat, { rule: 'RATIO_HARDCODED' }));
    await line.click();
    assert.equal(await line.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator(byTestId(TEST_IDS.findingRow, { rule: 'RATIO_HARDCODED' })).count(), 24);
    await line.click();
    assert.equal(await page.locator(byTestId(TEST_IDS.findingRow, { rule: 'RATIO_HARDCODED' })).count(), 0);
  });

  it('Esporta rilievi downloads an Italian CSV of the findings, from the page itself', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(byTestId(TEST_IDS.actionExport)),
    ]);
    assert.match(download.suggestedFilename(), /^rilievi-por-tables-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    assert.ok(text.startsWith('\uFEFFGravità;Regola;Tabella;Foglio;Cella;Messaggio;'));
    const lines = text.trimEnd().split('\r\n');
    // One line per finding (the 24 typed ratios are 24 lines here), as the summary counts them.
    const errors = Number(await page.getAttribute(byTestId(TEST_IDS.summaryErrors), 'data-count'));
    const warnings = Number(await page.getAttribute(byTestId(TEST_IDS.summaryWarnings), 'data-count'));
    const infos = Number(await page.getAttribute(byTestId(TEST_IDS.summaryInfos), 'data-count'));
    assert.equal(lines.length - 1, errors + warnings + infos);
    assert.equal(lines.filter((l) => l.includes(';RATIO_HARDCODED;')).length, 24);
    assert.match(await statusText(), /^Esporta rilievi: \d+ rilievi scaricati nel file rilievi-por-tables-/);
  });

  it('a click on the AXIS_DUPLICATE finding selects A18 in the grid', async () => {
    const before = await syncCount();
    await page.click(byTestId(TEST_IDS.findingRow, { rule: 'AXIS_DUPLICATE' }));
    await page.waitForSelector(byTestId(PLAYGROUND_TEST_IDS.cell, { address: 'A18', selected: 'true' }));
    assert.equal((await page.textContent(byTestId(PLAYGROUND_TEST_IDS.nameBox)))?.trim(), 'A18');
    assert.equal(await syncCount(), before + 1, 'selecting a cell takes one sync');
  });

  // The walk: each status message is checked against what the in-memory workbook shows has changed.
  const states: WorkbookState[] = [];
  let filled: string[] = [];
  let flagged: string[] = [];
  let reportSheets: string[] = [];

  it('Compila: the message counts the cells that now hold formulas, and says where', async () => {
    const before = await workbookState();
    states.push(before);
    const { dialog, status } = await runAction(TEST_IDS.actionFill);
    // The sample's typed ratios are overwritten only after asking; the dialog starts on Indietro.
    assert.equal(dialog?.kind, 'conflicts');
    assert.equal(dialog?.focused, TEST_IDS.confirmCancel);
    const after = await workbookState();
    filled = changedFormulas(before, after);
    const m = /^Compila: (\d+) celle scritte in (.+?)(?:;|\. Elenco)/.exec(status);
    assert.ok(m, `unexpected message after Compila: "${status}"`);
    assert.equal(Number(m[1]), filled.length, `${status} — formulas written: ${filled.join(' ')}`);
    const places = parsePlaces(m[2], Number(m[1]));
    assert.ok(
      places.some((p) => p.range === 'D16:J21' && p.count === 24),
      status,
    );
    for (const place of places) {
      const inPlace = filled.filter((cell) => inRange(cell, place.range));
      assert.equal(inPlace.length, place.count, `${place.sheet}!${place.range}: ${inPlace.join(' ')}`);
    }
    assert.equal(await cellText('D16'), '122,89%');
    await page.click(byTestId(PLAYGROUND_TEST_IDS.cell, { address: 'D16' }));
    const formula = (await page.textContent(byTestId(PLAYGROUND_TEST_IDS.formulaBar)))?.trim() ?? '';
    assert.match(formula, /^=/, `D16 should hold a formula after Compila, found "${formula}"`);
    assert.match(formula, /C16/);
    assert.match(formula, /B16/);
  });

  it('Segnala: the message counts the conditional formats added and lists their ranges', async () => {
    const before = await workbookState();
    states.push(before);
    const { status } = await runAction(TEST_IDS.actionFlag);
    const after = await workbookState();
    flagged = after.formats.slice(before.formats.length);
    const m = /^Segnala: (\d+) formattazion[ei] condizional[ei] aggiunt[ea] in (.+?)\. Elenco/.exec(status);
    assert.ok(m, `unexpected message after Segnala: "${status}"`);
    assert.equal(Number(m[1]), flagged.length);
    assert.deepEqual(m[2].split(', ').sort(), [...new Set(flagged)].sort());
  });

  it('Genera report: the sheets the message names are the new tabs', async () => {
    const before = await workbookState();
    states.push(before);
    const tabsBefore = await page.$$eval(byTestId(PLAYGROUND_TEST_IDS.sheetTab), (tabs) =>
      tabs.map((tab) => (tab as HTMLElement).dataset.sheet ?? ''),
    );
    const { status } = await runAction(TEST_IDS.actionReport);
    const m = /fogli creati: (.+?)\. Elenco/.exec(status);
    assert.ok(m, `unexpected message after Genera report: "${status}"`);
    reportSheets = m[1].split(', ');
    await page.waitForFunction(
      ([id, count]) => document.querySelectorAll(`[data-testid="${id}"]`).length > count,
      [PLAYGROUND_TEST_IDS.sheetTab, tabsBefore.length] as const,
    );
    const tabs = await page.$$eval(byTestId(PLAYGROUND_TEST_IDS.sheetTab), (elements) =>
      elements.map((tab) => (tab as HTMLElement).dataset.sheet ?? ''),
    );
    const added = tabs.filter((tab) => !tabsBefore.includes(tab));
    assert.deepEqual([...added].sort(), [...reportSheets].sort());
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

  /** The undo dialog names the action and restores on *Ripristina*, starting on Indietro. */
  function assertUndoDialog(dialog: DialogSeen | null, action: string) {
    assert.equal(dialog?.kind, 'undo');
    assert.match(
      dialog?.text ?? '',
      new RegExp(`Annullare «${action}» del \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\?`),
    );
    assert.equal(dialog?.okLabel, 'Ripristina');
    assert.equal(dialog?.focused, TEST_IDS.confirmCancel);
  }

  it('Annulla of the report deletes the sheets it created and says which', async () => {
    const { dialog, status } = await runAction(TEST_IDS.actionUndo);
    assertUndoDialog(dialog, 'Genera report');
    for (const name of reportSheets)
      assert.ok(dialog?.text.includes(name), `${name} not in "${dialog?.text}"`);
    assert.match(status, /^Annullato «Genera report» del /);
    const m = /fogli eliminati: (.+?)\. Elenco/.exec(status);
    assert.ok(m, status);
    assert.deepEqual(m[1].split(', ').sort(), [...reportSheets].sort());
    assert.deepEqual(await workbookState(), states[2]);
  });

  it('Annulla of Segnala removes the formats it added and says how many', async () => {
    const { dialog, status } = await runAction(TEST_IDS.actionUndo);
    assertUndoDialog(dialog, 'Segnala');
    const m = /^Annullato «Segnala» del .+?: (\d+) formattazion[ei] condizional[ei] tolt[ea] da /.exec(
      status,
    );
    assert.ok(m, status);
    assert.equal(Number(m[1]), flagged.length);
    assert.deepEqual(await workbookState(), states[1]);
  });

  it('Annulla of Compila restores the cells it wrote and says how many', async () => {
    const { dialog, status } = await runAction(TEST_IDS.actionUndo);
    assertUndoDialog(dialog, 'Compila');
    assert.match(dialog?.text ?? '', new RegExp(`Ripristina ${filled.length} celle di RAA 2022`));
    const m = /^Annullato «Compila» del .+?: (\d+) celle ripristinate in /.exec(status);
    assert.ok(m, status);
    assert.equal(Number(m[1]), filled.length);
    assert.deepEqual(await workbookState(), states[0]);
    await page.click(byTestId(PLAYGROUND_TEST_IDS.sheetTab, { sheet: 'RAA 2022' }));
    assert.equal(await cellText('D16'), '122,89%');
  });

  it('at 320 px: the first finding is above the fold, labels stay on one line, arrows move a visible focus', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await runAction(TEST_IDS.actionCheck);
    const first = page
      .locator(`${byTestId(TEST_IDS.findingRow)}, ${byTestId(TEST_IDS.findingRepeat)}`)
      .first();
    const box = await first.boundingBox();
    assert.ok(
      box && box.y + box.height <= 800,
      `the first finding ends at y=${box ? box.y + box.height : '?'}`,
    );

    for (const width of [320, 270]) {
      await page.setViewportSize({ width, height: 800 });
      const buttons = await page.$$eval('[role="group"] button[data-testid^="action-"]', (elements) =>
        elements.map((button) => {
          const lines = new Set<number>();
          const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) lines.add(Math.round(rect.top));
          }
          return {
            label: button.textContent ?? '',
            lines: lines.size,
            height: button.getBoundingClientRect().height,
          };
        }),
      );
      assert.equal(buttons.length, 5);
      for (const button of buttons) {
        assert.equal(button.lines, 1, `"${button.label}" wraps at ${width} px`);
        assert.ok(button.height <= 48, `"${button.label}" is ${button.height} px tall at ${width} px`);
      }
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        true,
        `horizontal scroll at ${width} px`,
      );
    }
    await page.setViewportSize({ width: 320, height: 800 });

    // Keyboard: Tab lands on one row of the list; Down, Up, End, Home move between rows.
    const rows = () =>
      page.$$eval('[data-roving-id]', (elements) =>
        elements.map((e) => e.getAttribute('data-roving-id') ?? ''),
      );
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-roving-id') ?? '');
    const ids = await rows();
    assert.ok(ids.length > 3);
    await page.focus(`[data-roving-id="${ids[0]}"]`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[1], 'ArrowDown moves to the next row');
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[2]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await active(), ids[1], 'ArrowUp moves back');
    await page.keyboard.press('End');
    assert.equal(await active(), ids[ids.length - 1], 'End goes to the last row');
    await page.keyboard.press('Home');
    assert.equal(await active(), ids[0], 'Home goes to the first row');
    await page.keyboard.press('ArrowDown');
    const ring = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      return {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        left: rect.left - Math.max(0, reach),
        right: rect.right + Math.max(0, reach),
        top: rect.top - Math.max(0, reach),
        bottom: rect.bottom + Math.max(0, reach),
        viewport: { width: window.innerWidth, height: window.innerHeight },
      };
    });
    assert.notEqual(ring.style, 'none', 'the focused finding shows a focus ring');
    assert.ok(ring.width >= 2, `focus ring ${ring.width} px`);
    assert.ok(
      ring.left >= 0 && ring.right <= ring.viewport.width,
      `ring ${ring.left}–${ring.right} outside 0–${ring.viewport.width}`,
    );
    assert.ok(
      ring.top >= 0 && ring.bottom <= ring.viewport.height,
      `ring ${ring.top}–${ring.bottom} outside the viewport`,
    );
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'playground-320.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('saves a screenshot and met no page errors', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.ok(existsSync(SCREENSHOT));
    assert.deepEqual(problems, []);
  });
});
