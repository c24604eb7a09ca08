// Speed of the whole analyze() in WebAssembly under Node:
//   node bench/wasm.mjs [FILE]      (after scripts/build.sh)
// The seed article (or FILE) repeated to about 2 MB, dated 2020-02-27; prints tokens per second,
// by default (with events: tagger, parser, role labeller), with events false, and with frames.
import { readFileSync } from 'node:fs';
import { analyze, analyzeJson } from '../pkg/node.js';

const path = process.argv[2] ?? new URL('../../shared/examples/idlib-2020.txt', import.meta.url);
const article = readFileSync(path, 'utf8');
const text = Array(Math.max(1, Math.floor(2_000_000 / article.length))).fill(article).join('\n\n');
// news comes with its publication date: relative times are resolved
const options = { date: '2020-02-27' };
const tokens = analyze(text, { tokens: true }).tokens.length;
analyze(text, options);

const framed = { ...options, frames: true };
const plain = { ...options, events: false };
analyze(text, framed);

for (const [name, f, runs] of [
  ['analyze (JS object)', () => analyze(text, options), 3],
  ['analyzeJson (string)', () => analyzeJson(text, options), 3],
  ['analyze, events false', () => analyze(text, plain), 5],
  ['analyze, with frames', () => analyze(text, framed), 3],
]) {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  const s = (performance.now() - t0) / 1000 / runs;
  console.log(`${name.padEnd(22)} ${Math.round(tokens / s).toLocaleString('en-US').padStart(11)} tokens/s  (${(s * 1000).toFixed(1)} ms for ${text.length.toLocaleString('en-US')} chars, ${tokens.toLocaleString('en-US')} tokens)`);
}
