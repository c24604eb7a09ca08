// The packed npm package in the apps of tests/bundlers/, built with the
// default settings of Vite 5, 6 and 8 and webpack 5 (main thread and module
// worker), each run in headless Chromium. The bundlers come from npm, at
// the versions below; the package from `npm pack pkg/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startPage } from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const APPS = [
  { name: 'vite5', bundler: ['vite@5.4.9'], entries: ['main.js'] },
  { name: 'vite6', bundler: ['vite@6.4.6'], entries: ['main.js'] },
  { name: 'vite8', bundler: ['vite@8.4.1'], entries: ['main.js', 'worker-main.js'] },
  { name: 'webpack5', bundler: ['webpack@5.113.0'], entries: ['main.js', 'worker-main.js'] },
];
const html = (script, module = true) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lede in an app</title><link rel="icon" href="data:,">
<script ${module ? 'type="module"' : 'defer'} src="${script}"></script></head>
<body><pre id="out">not run</pre></body></html>
`;

const work = mkdtempSync(join(tmpdir(), 'lede-bundlers-'));
let tarball;
const run = (cwd, cmd, args) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

before(async () => {
  run(work, 'npm', ['pack', join(root, 'pkg'), '--pack-destination', work, '--silent']);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
});
after(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Build `entry` of app `name` into `out/`; the page that runs it is out/index.html. */
function build(app, dir, entry) {
  const out = `out-${entry.replace('.js', '')}`;
  if (app.name.startsWith('vite')) {
    writeFileSync(join(dir, 'index.html'), html(`./${entry}`));
    run(dir, process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--logLevel', 'warn']);
  } else {
    run(dir, process.execPath, ['webpack.mjs', `./${entry}`, out]);
    writeFileSync(join(dir, out, 'index.html'), html('main.js', false));
  }
  return out;
}

/** The text the app shows: its summary, or an error. */
async function outcome(p, problems) {
  return p.waitForFunction(() => {
    const t = document.querySelector('#out').textContent;
    return t !== 'not run' && t;
  }, null, { timeout: 60_000 }).then((h) => h.jsonValue(), (e) => `error: ${e.message}; ${problems.join('; ')}`);
}

function check(text, where) {
  assert.ok(!text.startsWith('error'), `${where}: ${text}`);
  const got = JSON.parse(text);
  for (const want of ['Turkish/NORP', 'Idlib/GPE', 'Recep Tayyip Erdogan/PERSON']) {
    assert.ok(got.entities.includes(want), `${where}: ${text}`);
  }
  assert.ok(got.events.includes('Life.Die.Unspecified'), `${where}: ${text}`);
}

for (const app of APPS) {
  test(`${app.name}: the packed package builds with the defaults and analyzes (${app.entries.join(', ')})`, async () => {
    const dir = join(work, app.name);
    cpSync(join(root, 'tests/bundlers'), dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...app.bundler]);
    for (const entry of app.entries) {
      // each app at the root of its own server, as Vite's default base expects
      const env = await startPage({ dir: join(dir, build(app, dir, entry)) });
      const { page: p, problems } = await env.openPage(env.base, null);
      const text = await outcome(p, problems);
      await env.stop();
      check(text, `${app.name} ${entry}`);
      assert.deepEqual(problems, [], `${app.name} ${entry}`);
    }
  });
}

// Vite's dev server serves a pre-bundled copy of the package from
// node_modules/.vite/deps, without the wasm beside it: init's error says
// what to do, and with the dependency excluded from pre-bundling it works.
test('vite5 dev server: a clear error without optimizeDeps.exclude, the analysis with it', async () => {
  const dir = join(work, 'vite5');
  writeFileSync(join(dir, 'index.html'), html('./main.js'));
  const serve = async () => {
    const port = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
    });
    // NO_COLOR: with CI set in the environment, Vite colours its output
    // (the port in bold) even into a pipe.
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--force'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let said = '';
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`vite did not say it listens on ${port} in 60 s: ${said}`)), 60_000);
        child.stdout.on('data', (d) => {
          // eslint-disable-next-line no-control-regex
          said += String(d).replace(/\x1b\[[0-9;]*m/g, '');
          if (said.includes(`127.0.0.1:${port}`)) { clearTimeout(timer); resolve(); }
        });
        child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`vite exited with ${code}: ${said}`)); });
      });
      const env = await startPage({ dir });
      try {
        const { page: p, problems } = await env.openPage(`http://127.0.0.1:${port}/`, null);
        return await outcome(p, problems);
      } finally {
        await env.stop();
      }
    } finally {
      child.kill();
    }
  };
  const without = await serve();
  assert.match(without, /error: lede could not load its WebAssembly.*optimizeDeps: \{ exclude: \['lede-news'\] \}/, without);
  writeFileSync(join(dir, 'vite.config.js'), "export default { optimizeDeps: { exclude: ['lede-news'] } };\n");
  check(await serve(), 'vite5 dev server');
});
