// dist/ (scripts/dist.sh) as a static site under a sub-path, in headless
// Chromium: with and without the trailing slash, and offline after the
// first visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startPage, analyzeIn, reloadOffline } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PREFIX = '/tools/lede/';
let env;
before(async () => {
  // dist/ from the last build (scripts/build.sh)
  execFileSync('bash', ['scripts/dist.sh', '--no-build'], { cwd: root, stdio: 'ignore' });
  env = await startPage({ dir: 'dist', prefix: PREFIX });
});
after(async () => { await env?.stop(); });

/** The names highlighted in `text`. */
async function namesIn(page, text) {
  await analyzeIn(page, text);
  return page.$$eval('#doc mark.ent', (ms) => ms.map((m) => m.textContent));
}

test('dist/ under a sub-path with its trailing slash: the analyzer, the map, offline after the first visit', async () => {
  const { context, page, problems, requests } = await env.openPage();
  assert.deepEqual(await namesIn(page, 'Turkish troops entered Idlib.'), ['Turkish', 'Idlib']);
  await page.waitForSelector('#map path.land');
  const origin = new URL(env.base).origin;
  assert.ok(requests.includes(`${origin}${PREFIX}pkg/lede_bg.wasm`), requests.join('\n'));
  assert.ok(requests.every((r) => r.startsWith(`${origin}${PREFIX}`)), `a request outside ${PREFIX}: ${requests.join('\n')}`);
  // offline: the service worker serves the copy of the first visit
  await reloadOffline(context, page);
  assert.deepEqual(await namesIn(page, 'Russian jets struck Saraqib.'), ['Russian', 'Saraqib']);
  await page.waitForSelector('#map path.land');
  await context.close();
  assert.deepEqual(problems.filter((p) => !p.startsWith('requestfailed')), []);
});

test('dist/ under a sub-path without its trailing slash goes to the folder and works', async () => {
  const { context, page, problems } = await env.openPage(env.base.replace(/\/$/, ''));
  assert.ok(page.url().endsWith(PREFIX), page.url());
  assert.deepEqual(await namesIn(page, 'Turkish troops entered Idlib.'), ['Turkish', 'Idlib']);
  // before it moved on, the first document may have asked for its files
  // beside the sub-path; nothing else went wrong
  assert.deepEqual(problems.filter((p) => !/404|requestfailed/.test(p)), []);
  await context.close();
});
