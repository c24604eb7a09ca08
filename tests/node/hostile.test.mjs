// Hostile inputs (tests/common/hostile.mjs) in the npm package under Node and
// in the native CLI: each gives a valid analysis or a clear Error, the CLI's
// bytes equal the wasm's, and the module keeps working after every case.
// Times are printed (bench/growth.sh measures speed; this only guards
// against hangs with the test's timeout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyze, analyzeJson } from '../../pkg/node.js';
import { CASES, badCallsSource, spanProblems } from '../common/hostile.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = readFileSync(`${root}../shared/examples/idlib-2020.txt`, 'utf8');
const BIN = process.env.LEDE_BIN ?? [`${root}target/release/lede`, `${root}target/debug/lede`].find(existsSync);

function cliArgs(options = {}) {
  const args = [];
  if (options.date) args.push('--date', options.date);
  if (options.maxBytes != null) args.push('--max-bytes', String(options.maxBytes));
  return args;
}

for (const c of CASES) {
  test(`hostile input in Node and the CLI: ${c.name}`, { timeout: 300_000 }, () => {
    const text = c.make(seed);
    const t0 = performance.now();
    let json;
    let error;
    try {
      json = analyzeJson(text, c.options ?? null);
    } catch (e) {
      error = e;
    }
    const wasmMs = performance.now() - t0;
    if (c.error) {
      assert.ok(error instanceof Error, `${c.name}: expected an Error`);
      assert.match(error.message, c.error);
    } else {
      assert.equal(error, undefined, `${c.name}: ${error?.message}`);
      const out = JSON.parse(json);
      assert.deepEqual(spanProblems(text, out), []);
      // the object form is the same analysis
      if (text.length <= 1_000_000) assert.equal(JSON.stringify(analyze(text, c.options ?? null)), json);
    }
    assert.equal(analyze('Idlib.').entities[0].text, 'Idlib', 'the module works after the case');
    let cliMs = null;
    if (!c.jsOnly) {
      assert.ok(BIN, 'build the CLI first (cargo build --release)');
      const dir = mkdtempSync(join(tmpdir(), 'lede-hostile-'));
      try {
        const file = join(dir, 'in.txt');
        writeFileSync(file, text);
        const t1 = performance.now();
        const run = spawnSync(BIN, ['analyze', file, ...cliArgs(c.options)], { encoding: 'utf8', maxBuffer: 2 ** 30 });
        cliMs = performance.now() - t1;
        if (c.error) {
          assert.equal(run.status, 1);
          assert.match(run.stderr, c.error);
        } else {
          assert.equal(run.status, 0, run.stderr);
          assert.ok(run.stdout === `${json}\n`, `${c.name}: the CLI's bytes differ from the wasm's`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const mb = (Buffer.byteLength(text) / 1e6).toFixed(2);
    console.log(`# ${c.name}: ${mb} MB, wasm ${(wasmMs / 1000).toFixed(2)} s${cliMs == null ? '' : `, CLI ${(cliMs / 1000).toFixed(2)} s`}`);
  });
}

test('hostile calls in Node: every wrong type is a clear Error, never a trap', () => {
  for (const name of ['analyze', 'analyzeJson']) {
    // eslint-disable-next-line no-new-func
    const calls = new Function(name, `return ${badCallsSource(name)}`)(name === 'analyze' ? analyze : analyzeJson);
    for (const [call, message] of calls) {
      assert.throws(call, (e) => e instanceof Error && message.test(e.message), `${name}: ${call} ${message}`);
    }
  }
  assert.equal(analyze('ok', { date: undefined }).date, null);
});
