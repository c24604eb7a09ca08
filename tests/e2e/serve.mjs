// What the browser tests share: the page served from www/ on a free local
// port, and Debian's Chromium (playwright-core, a fresh temporary profile per
// launch, flags that keep it off the network).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { join, extname, normalize, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const OUT = join(root, 'test-output');
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain',
};
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Serve a folder (www/ unless `dir` says otherwise, e.g. 'dist') under
 * `prefix` ('/' unless given, e.g. '/tools/lede/') and launch Chromium.
 * Like some static hosts, the server answers the prefix without its
 * trailing slash with the folder's index.html, not with a redirect. `openPage()` opens the page in a fresh
 * context and waits until the analyzer is ready; it records console errors
 * and warnings, page errors and failed requests in `problems`, and every
 * requested URL in `requests`.
 */
export async function startPage({ dir = 'www', prefix = '/' } = {}) {
  const folder = isAbsolute(dir) ? dir : join(root, dir);
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (`${path}/` === prefix) path = prefix;
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    path = `/${path.slice(prefix.length)}`;
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  await mkdir(OUT, { recursive: true });
  const openPage = async (url = base, ready = '#analyze:not([disabled])') => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    if (ready) await page.waitForSelector(ready);
    return { context, page, problems, requests };
  };
  const stop = async () => {
    await browser.close();
    server.close();
  };
  return { base, browser, openPage, stop };
}

/** Paste `text` (and the date, if given) into the page, analyze, wait for the results. */
export async function analyzeIn(page, text, date) {
  await page.fill('#text', text);
  if (date) await page.fill('#date', date);
  await page.click('#analyze');
  await page.waitForSelector('#results:not([hidden])');
}

/** Once the service worker holds the page, reload it with the network off. */
export async function reloadOffline(context, page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('#analyze:not([disabled])');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#analyze:not([disabled])');
}
