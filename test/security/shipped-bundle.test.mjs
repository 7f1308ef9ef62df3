// What the production build ships (dist/ after `npx webpack --mode production`): no eval and no
// Function constructor in any script, and a Content-Security-Policy on every page that allows this
// origin and Microsoft's Office script only. Run by `npm test` after the build:
//   node --test test/security/shipped-bundle.test.mjs
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const OFFICE = 'https://appsforoffice.microsoft.com';

/** Code evaluation in a script: `eval(…)`, `new Function(…)`, `Function(…)`, or `Function` taken into a variable. */
const EVALUATION = [
  { what: 'eval(', pattern: /(^|[^\w$])eval\s*\(/g },
  { what: 'new Function', pattern: /\bnew\s+Function\b/g },
  { what: 'Function(', pattern: /(^|[^\w$.])Function\s*\(/g },
  { what: 'Function as a value', pattern: /[=:,(]\s*Function\s*[,;)]/g },
];

export function evaluationsIn(source) {
  const found = [];
  for (const { what, pattern } of EVALUATION) {
    for (const match of source.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(`${what}: …${source.slice(Math.max(0, at - 60), at + 60)}…`);
    }
  }
  return found;
}

/** The policy of a page's `<meta http-equiv="Content-Security-Policy">`, directive → sources. */
export function policyOf(html) {
  // As written in the templates, or minified by the build (attribute quotes dropped where it can).
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"\s*\/?>/i.exec(html);
  if (!meta) return null;
  const policy = new Map();
  for (const directive of meta[1].split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function shipped(extension) {
  return readdirSync(DIST)
    .filter((name) => name.endsWith(extension))
    .map((name) => ({ name, text: readFileSync(join(DIST, name), 'utf8') }));
}

describe('the scan itself', () => {
  it('finds eval and the Function constructor, and not words that contain them', () => {
    assert.equal(evaluationsIn('a=eval("1")').length, 1);
    assert.equal(evaluationsIn('window.eval("1")').length, 1);
    assert.equal(evaluationsIn('return new Function("return this")()').length, 2);
    assert.equal(evaluationsIn('x=Function("a","return a")').length, 1);
    assert.equal(evaluationsIn('const F=Function;new F("")').length, 1);
    assert.deepEqual(
      evaluationsIn('isFunction(f); e instanceof Function; a.evaluate(x); "function"==typeof f'),
      [],
    );
  });

  it('reads a policy, as written or minified', () => {
    const policy = policyOf(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${OFFICE}" />`,
    );
    assert.deepEqual(policy?.get('script-src'), ["'self'", OFFICE]);
    const minified = policyOf(`<meta http-equiv=Content-Security-Policy content="default-src 'self'">`);
    assert.deepEqual(minified?.get('default-src'), ["'self'"]);
  });
});

describe('the production build in dist/', () => {
  assert.ok(
    existsSync(join(DIST, 'taskpane.js')),
    'dist/taskpane.js is missing: build first with "npx webpack --mode production".',
  );

  it('ships no eval and no Function constructor in any script', () => {
    const scripts = shipped('.js');
    assert.ok(scripts.some((s) => s.name === 'taskpane.js'));
    for (const { name, text } of scripts) assert.deepEqual(evaluationsIn(text), [], name);
  });

  it('has a Content-Security-Policy on every page: this origin and the Office script only', () => {
    const pages = shipped('.html');
    assert.deepEqual(pages.map((p) => p.name).sort(), ['help.html', 'playground.html', 'taskpane.html']);
    for (const { name, text } of pages) {
      const policy = policyOf(text);
      assert.ok(policy, `${name} has no Content-Security-Policy`);
      assert.deepEqual(policy.get('default-src'), ["'self'"], `${name}: default-src`);
      assert.deepEqual(policy.get('object-src'), ["'none'"], `${name}: object-src`);
      assert.deepEqual(policy.get('base-uri'), ["'self'"], `${name}: base-uri`);
      // Only the task pane loads Office.js; the playground brings its own Office.
      const hosts = name === 'taskpane.html' ? ["'self'", OFFICE] : ["'self'"];
      for (const [directive, sources] of policy) {
        for (const source of sources) {
          assert.ok(
            ["'self'", "'none'", "'unsafe-inline'", 'data:', ...hosts].includes(source),
            `${name}: ${directive} allows ${source}`,
          );
          if (source === "'unsafe-inline'")
            assert.equal(directive, 'style-src', `${name}: 'unsafe-inline' outside style-src`);
        }
      }
      // Every script and stylesheet the page loads is its own, or Office.js.
      for (const [, , url] of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=("?)([^"\s>]+)\1/g)) {
        assert.ok(!/^[a-z]+:/i.test(url) || url.startsWith(`${OFFICE}/`), `${name} loads ${url}`);
      }
      // The policy comes first, before anything it must govern.
      assert.ok(
        text.indexOf('Content-Security-Policy') < text.search(/<script|<link|<style/),
        `${name}: the policy must come before scripts and styles`,
      );
    }
  });
});
