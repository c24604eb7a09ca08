// The page's main thread on a long article: paste about 1 MB, analyze, and
// print every long task (over 50 ms) that the browser reports until the
// text is highlighted, with the time the analysis took. The text is the
// seed article repeated, or with `conll` the running text of CoNLL-2003
// train (Reuters news: many more names and events; read from ../shared,
// never written out). Needs the build (bash scripts/build.sh) and Chromium.
// Run: node bench/page-long-tasks.mjs [seed|conll] [bytes]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPage } from '../tests/e2e/serve.mjs';

const kind = process.argv[2] ?? 'seed';
const bytes = Number(process.argv[3] ?? 1_000_000);
const shared = (path) => readFileSync(fileURLToPath(new URL(`../../shared/${path}`, import.meta.url)), 'utf8');

/** CoNLL-2003 train's sentences as lines, its documents as paragraphs, up to `bytes`. */
function conll() {
  let out = '';
  let words = [];
  for (const line of shared('data/conll2003/train.txt').split('\n')) {
    if (line.startsWith('-DOCSTART-')) out += '\n';
    else if (line.trim()) words.push(line.split(' ')[0]);
    else if (words.length) {
      out += `${words.join(' ')}\n`;
      words = [];
      if (out.length > bytes) break;
    }
  }
  return out;
}

const seed = kind === 'seed' ? shared('examples/idlib-2020.txt') : '';
const text = kind === 'conll' ? conll() : Array(Math.ceil(bytes / seed.length)).fill(seed).join('\n\n');
const env = await startPage();
const { context, page } = await env.openPage();
await page.evaluate((t) => { document.querySelector('#text').value = t; }, text);
await page.evaluate(() => {
  window.longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); })
    .observe({ type: 'longtask' });
});
const t0 = Date.now();
await page.click('#analyze');
await page.waitForFunction(() => /sentences/.test(document.querySelector('#status').textContent), null, { timeout: 600_000 });
const total = Date.now() - t0;
await page.waitForTimeout(500);
const long = await page.evaluate(() => window.longTasks);
console.log(`${text.length} characters: ${await page.textContent('#status')}; highlighted after ${total} ms`);
console.log(`long tasks on the main thread: ${long.length ? long.map((ms) => `${ms} ms`).join(', ') : 'none'}; longest ${Math.max(0, ...long)} ms`);
await context.close();
await env.stop();
