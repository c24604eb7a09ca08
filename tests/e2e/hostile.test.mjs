// Hostile inputs (tests/common/hostile.mjs) in headless Chromium: through
// the page's own module for every case, and through the page's form for the
// cases a user is likeliest to paste; the page makes no request beyond its
// own files and keeps to its Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CASES, badCallsSource, spanProblems } from '../common/hostile.mjs';
import { startPage } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(root, '../shared/examples/idlib-2020.txt');

let env;
before(async () => { env = await startPage(); });
after(async () => { await env?.stop(); });

/** Run `analyze` of the case in the page, with the page's module. */
async function inPage(page, c, seed) {
  const expr = `(async () => {
    const { default: init, analyze, analyzeJson } = await import('./pkg/index.js');
    await init();
    const spanProblems = ${spanProblems.toString()};
    const text = (${c.make.toString()})(${JSON.stringify(seed)});
    const t0 = performance.now();
    try {
      const out = analyze(text, ${JSON.stringify(c.options ?? null)});
      const ms = performance.now() - t0;
      const problems = spanProblems(text, out);
      const after = analyze('Idlib.').entities.length;
      return { ok: true, ms, problems, after };
    } catch (e) {
      return { ok: false, isError: e instanceof Error, message: String(e && e.message), after: analyze('Idlib.').entities.length };
    }
  })()`;
  return page.evaluate(expr);
}

test('hostile inputs in Chromium: each a valid analysis or a clear Error', { timeout: 600_000 }, async () => {
  const seed = await readFile(SEED, 'utf8');
  const { context, page, problems } = await env.openPage();
  for (const c of CASES) {
    const r = await inPage(page, c, seed);
    if (c.error) {
      assert.ok(!r.ok && r.isError, `${c.name}: ${JSON.stringify(r)}`);
      assert.match(r.message, c.error, c.name);
    } else {
      assert.ok(r.ok, `${c.name}: ${r.message}`);
      assert.deepEqual(r.problems, [], c.name);
      console.log(`# ${c.name}: ${(r.ms / 1000).toFixed(2)} s in Chromium`);
    }
    assert.equal(r.after, 1, `${c.name}: the module works after it`);
  }
  const bad = await page.evaluate(`(async () => {
    const { default: init, analyze } = await import('./pkg/index.js');
    await init();
    return ${badCallsSource('analyze')}.map(([f, re]) => {
      try { f(); return 'no error: ' + f; } catch (e) { return e instanceof Error && re.test(e.message) ? 'ok' : f + ': ' + e; }
    });
  })()`);
  assert.ok(bad.every((r) => r === 'ok'), JSON.stringify(bad));
  await context.close();
  assert.deepEqual(problems, []);
});

test('the page form: hostile pastes show a result or a clear error, and clear the old one', { timeout: 300_000 }, async () => {
  const { context, page, problems } = await env.openPage();
  const paste = async (text) => {
    await page.evaluate((t) => { document.querySelector('#text').value = t; }, text);
    await page.click('#analyze');
  };
  await paste('Turkish troops entered Idlib.');
  await page.waitForSelector('#results:not([hidden])');
  // a lone surrogate: the error shows, the old results go
  await page.evaluate(() => { document.querySelector('#text').value = 'Idlib \ud800 Ankara'; });
  await page.click('#analyze');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /lone UTF-16 surrogate at index 6/);
  assert.equal(await page.getAttribute('#results', 'hidden'), '');
  // a 1 MB sentence of commas and 200,000 lowercase lines are analyzed
  for (const text of [','.repeat(1_000_000), 'a\n'.repeat(200_000)]) {
    await paste(text);
    await page.waitForFunction(() => /sentences/.test(document.querySelector('#status').textContent) && document.querySelector('#error').hidden);
  }
  // emoji without a space or a line break: each stretch of the text the
  // page renders on its own keeps whole characters
  const emoji = `a${'😀🇹🇷'.repeat(9_000)}`;
  await paste(emoji);
  await page.waitForFunction(() => /sentences/.test(document.querySelector('#status').textContent) && document.querySelector('#error').hidden);
  const stretches = await page.$$eval('#doc .chunk', (cs) => cs.map((c) => c.textContent.isWellFormed()));
  assert.ok(stretches.length > 1 && stretches.every(Boolean), `${stretches.length} stretches: ${stretches}`);
  assert.equal(await page.$eval('#doc', (d) => d.textContent), emoji);
  // over the cap: a clear error
  await paste('word '.repeat(2_000_001));
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /at most 10000000 bytes/);
  await context.close();
  assert.deepEqual(problems, []);
});

test('the page asks for nothing beyond its own files and keeps to its CSP', async () => {
  const { context, page, problems, requests } = await env.openPage();
  await page.fill('#text', await readFile(SEED, 'utf8'));
  await page.fill('#date', '2020-02-27');
  await page.click('#analyze');
  await page.waitForSelector('#results:not([hidden])');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  const foreign = requests.filter((u) => !u.startsWith(env.base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('lede_bg.wasm')));
  // an inline script is refused by the policy
  const ran = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', () => resolve('refused'), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    setTimeout(() => resolve(window.__inline ? 'ran' : 'refused'), 500);
  }));
  assert.equal(ran, 'refused');
  await context.close();
  assert.deepEqual(problems.filter((p) => !/Content Security Policy|Content-Security-Policy/.test(p)), []);
});
