// The first analyze after init, in Node and in headless Chromium:
//   node bench/first-call.mjs        (after scripts/build.sh)
// Prints, for each, the time to load the package (compile and instantiate
// the wasm), what init's decoding of each model and lexicon costs, and the
// first and second analyze of the page's sample article (with its date and
// the frames, as the page asks). Each Node run is a fresh process: a loaded
// module stays loaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);

// the measuring code, run in Node and in the page alike: `lede` is the
// browser entry's module, `wasm` what to load it from
const MEASURE = `
const { SAMPLE_TEXT, SAMPLE_DATE } = sample;
const t0 = performance.now();
await lede.init(wasm);
const t1 = performance.now();
const opts = { date: SAMPLE_DATE, frames: true };
const a = performance.now(); lede.analyze(SAMPLE_TEXT, opts);
const b = performance.now(); lede.analyze(SAMPLE_TEXT, opts);
const c = performance.now();
return { init: t1 - t0, first: b - a, second: c - b };`;

// the same without init's decoding, part by part (the raw wasm module)
const PARTS = `
const { SAMPLE_TEXT, SAMPLE_DATE } = sample;
const t0 = performance.now();
await raw.default({ module_or_path: wasm });
const parts = { 'compile + instantiate': performance.now() - t0 };
for (const p of raw.parts()) { const s = performance.now(); raw.load(p); parts[p] = performance.now() - s; }
const a = performance.now(); raw.analyze(SAMPLE_TEXT, { date: SAMPLE_DATE, frames: true });
parts['first analyze after them'] = performance.now() - a;
return parts;`;

// the first analyze when nothing was decoded ahead (the raw wasm module)
const COLD = `
const { SAMPLE_TEXT, SAMPLE_DATE } = sample;
await raw.default({ module_or_path: wasm });
const opts = { date: SAMPLE_DATE, frames: true };
const a = performance.now(); raw.analyze(SAMPLE_TEXT, opts);
const b = performance.now(); raw.analyze(SAMPLE_TEXT, opts);
return { 'first analyze, nothing decoded ahead': b - a, 'second': performance.now() - b };`;

function node(body) {
  const src = `import * as lede from ${JSON.stringify(`${root}pkg/index.js`)};
import * as raw from ${JSON.stringify(`${root}pkg/lede.js`)};
import * as sample from ${JSON.stringify(`${root}www/sample.js`)};
import { readFileSync } from 'node:fs';
const wasm = readFileSync(${JSON.stringify(`${root}pkg/lede_bg.wasm`)});
console.log(JSON.stringify(await (async () => {${body}})()));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' }));
}

const ms = (x) => `${x.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
function report(where, runs, parts, cold) {
  console.log(`${where}: ${runs.length} fresh loads`);
  for (const k of ['init', 'first', 'second']) {
    console.log(`  ${k.padEnd(7)} median ${ms(median(runs.map((r) => r[k])))}  (${runs.map((r) => ms(r[k])).join(', ')})`);
  }
  for (const [k, v] of Object.entries(cold)) console.log(`  ${k.padEnd(40)} ${ms(v)}`);
  console.log('  without init, part by part:');
  for (const [k, v] of Object.entries(parts)) console.log(`    ${k.padEnd(26)} ${ms(v)}`);
}

report('Node', Array.from({ length: RUNS }, () => node(MEASURE)), node(PARTS), node(COLD));

if (existsSync('/usr/bin/chromium')) {
  const { startPage } = await import('../tests/e2e/serve.mjs');
  const env = await startPage();
  const inPage = async (body) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.base}sample.js`);
    const r = await page.evaluate(async ([body, base]) => {
      const lede = await import(`${base}pkg/index.js`);
      const raw = await import(`${base}pkg/lede.js?raw`);
      const sample = await import(`${base}sample.js`);
      const wasm = new URL(`${base}pkg/lede_bg.wasm`);
      // eslint-disable-next-line no-new-func
      return new Function('lede', 'raw', 'sample', 'wasm', `return (async () => {${body}})();`)(lede, raw, sample, wasm);
    }, [body, env.base]);
    await context.close();
    return r;
  };
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await inPage(MEASURE));
  report('Chromium', runs, await inPage(PARTS), await inPage(COLD));
  await env.stop();
}
