// Speed of the whole analyze() in WebAssembly under Node:
//   node bench/wasm.mjs [FILE]      (after scripts/build.sh)
// The seed article (or FILE) repeated to about 2 MB (BYTES=N for another size), dated 2020-02-27; prints tokens per second,
// by default (with events: tagger, parser, role labeller), with events false, and with frames.
import { readFileSync } from 'node:fs';
import { analyze, analyzeJson } from '../pkg/node.js';

const path = process.argv[2] ?? new URL('../../shared/examples/idlib-2020.txt', import.meta.url);
const article = readFileSync(path, 'utf8');
const bytes = Number(process.env.BYTES ?? 2_000_000);
const text = Array(Math.max(1, Math.floor(bytes / (article.length + 2)))).fill(article).join('\n\n');
// three runs of each at 2 MB, one at 6 MB and more
const runs = Math.min(3, Math.max(1, Math.floor(6_000_000 / text.length)));
// news comes with its publication date: relative times are resolved
const options = { date: '2020-02-27', maxBytes: 40_000_000 };
const tokens = analyze(text, { tokens: true, events: false, maxBytes: 40_000_000 }).tokens.length;
// the models are decoded on first use: not part of the times
analyze('Warm up the models in Ankara.', { ...options, frames: true });

const framed = { ...options, frames: true };
const plain = { ...options, events: false };

for (const [name, f] of [
  ['analyze (JS object)', () => analyze(text, options)],
  ['analyzeJson (string)', () => analyzeJson(text, options)],
  ['analyze, events false', () => analyze(text, plain)],
  ['analyze, with frames', () => analyze(text, framed)],
]) {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  const s = (performance.now() - t0) / 1000 / runs;
  console.log(`${name.padEnd(22)} ${Math.round(tokens / s).toLocaleString('en-US').padStart(11)} tokens/s  (${(s * 1000).toFixed(1)} ms for ${text.length.toLocaleString('en-US')} chars, ${tokens.toLocaleString('en-US')} tokens)`);
}
