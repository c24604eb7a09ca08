// The built npm package (pkg/), imported in Node the way a user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { analyze, analyzeJson, version } from '../../pkg/node.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = `${root}../shared/examples/idlib-2020.txt`;
const seed = readFileSync(SEED, 'utf8');

function assertSpans(text, out) {
  const spans = [
    ...out.paragraphs, ...out.sentences, ...out.entities, ...out.quantities, ...out.quotes,
    ...out.quotes.flatMap((q) => [q.cue, q.speaker, q.speaker_ref].filter(Boolean)),
    ...(out.tokens ?? []),
    ...(out.frames ?? []),
    ...(out.frames ?? []).flatMap((f) => f.arguments.flatMap((a) => [a, a.head])),
  ];
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(s));
  assert.equal(out.length, text.length);
}

test('package exports analyze, analyzeJson and version', () => {
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, 'utf8'));
  assert.equal(version(), pkg.version);
  assert.equal(typeof analyze, 'function');
  assert.equal(typeof analyzeJson, 'function');
});

test('seed article: places, nationalities and Erdogan quotes', () => {
  const out = analyze(seed, { date: '2020-02-27' });
  assert.equal(out.schema, 'lede/1');
  assert.equal(out.date, '2020-02-27');
  const found = new Set(out.entities.map((e) => `${e.text}/${e.label}`));
  for (const want of ['Idlib/GPE', 'Ankara/GPE', 'Aleppo/GPE', 'Saraqib/GPE', 'Damascus/GPE',
    'Moscow/GPE', 'Turkey/GPE', 'Russia/GPE', 'Iran/GPE', 'US/GPE',
    'Turkish/NORP', 'Syrian/NORP', 'Russian/NORP']) {
    assert.ok(found.has(want), `missing ${want}`);
  }
  const turkey = out.entities.find((e) => e.text === 'Turkey');
  assert.equal(turkey.country, 'TUR');
  const erdogan = out.quotes.filter((q) => q.speaker_ref?.text === 'Recep Tayyip Erdogan'
    || q.speaker?.text === 'Recep Tayyip Erdogan');
  assert.equal(erdogan.length, 3);
  const akar = out.quotes.filter((q) => q.speaker_ref?.text === 'Hulusi Akar');
  assert.equal(akar.length, 1);
  assertSpans(seed, out);
});

test('UTF-16 offsets after emoji, flags and accented letters', () => {
  const text = '👩🏾‍🚀 Erdoğan flew from Zürich 🇨🇭 to Ankara; “We won 😀,” said Müller in Saraqib. 3,000 troops.';
  const out = analyze(text, { tokens: true });
  assertSpans(text, out);
  assert.ok(out.entities.some((e) => e.text === 'Ankara'));
  assert.ok(out.entities.some((e) => e.text === 'Saraqib'));
  assert.equal(out.quantities.at(-1).value, 3000);
});

test('seed article frames: who killed whom, who retook what', () => {
  const out = analyze(seed, { date: '2020-02-27', frames: true });
  assertSpans(seed, out);
  const retook = out.frames.find((f) => f.text === 'retook');
  assert.equal(retook.roleset, 'retake.01');
  const role = (f, r) => f.arguments.find((a) => a.role === r)?.text;
  assert.equal(role(retook, 'ARG0'), 'Turkish forces and their Syrian proxies');
  assert.equal(role(retook, 'ARG1'), 'the key town of Saraqib');
  const killed = out.frames.find((f) => f.text === 'killed' && f.sentence === 1);
  assert.equal(role(killed, 'ARG1'), 'Three Turkish soldiers');
  assert.equal(killed.arguments.find((a) => a.role === 'ARG0').descr, 'killer');
  assert.equal(analyze('', { frames: true }).frames.length, 0);
  assert.equal(analyze(seed).frames, undefined, 'frames only when asked for');
});

test('JSON text is the same bytes as JSON.stringify of the object', () => {
  const opts = { date: '2020-02-27', tokens: true, frames: true };
  assert.equal(analyzeJson(seed, opts), JSON.stringify(analyze(seed, opts)));
});

test('CLI output is byte-for-byte the wasm output', () => {
  const bin = process.env.LEDE_BIN ?? [`${root}target/release/lede`, `${root}target/debug/lede`].find(existsSync);
  assert.ok(bin, 'build the CLI first (cargo build --release)');
  for (const [file, date, frames] of [[SEED, '2020-02-27', false], [SEED, null, false], [SEED, '2020-02-27', true]]) {
    const args = ['analyze', file, ...(date ? ['--date', date] : []), ...(frames ? ['--frames'] : [])];
    const cli = execFileSync(bin, args, { encoding: 'utf8' });
    assert.equal(cli, `${analyzeJson(readFileSync(file, 'utf8'), { date, frames })}\n`);
  }
});

test('bad input and options throw Errors with clear messages', () => {
  const cases = [
    [[42], /text must be a string, got number/],
    [[undefined], /text must be a string, got undefined/],
    [['x', { date: '2020-02-30' }], /invalid options\.date "2020-02-30".*YYYY-MM-DD/],
    [['x', { date: 20200227 }], /invalid options/],
    [['x', { dat: '2020-02-27' }], /unknown field `dat`/],
    [['x', 'tomorrow'], /expected an object/],
    [['x', [1, 2]], /expected an object.*array/],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => analyze(...args), (e) => e instanceof Error && message.test(e.message), String(args));
  }
  assert.equal(analyze('ok', null).schema, 'lede/1');
  assert.equal(analyze('ok', undefined).date, null);
});

test('huge input is refused with a message, not a trap', () => {
  const huge = 'word '.repeat(2_000_001);
  assert.throws(() => analyze(huge), /at most 10000000 bytes/);
  // the module still works after the refusal
  assert.equal(analyze('Idlib.').entities[0].text, 'Idlib');
});

test('arbitrary Unicode never traps', () => {
  let seedN = 7;
  const rand = () => { seedN = (seedN * 1103515245 + 12345) % 2147483648; return seedN; };
  const pool = ['a', 'Z', ' ', '\n', '.', '“', '”', '"', "'", '’', '-', '—', '$', '%', '1', ',', '😀', '🇹🇷',
    '\u200d', '\u0301', 'é', 'ğ', '中', 'ع', '\u0000', '\ufeff', 'U.S.', 'Mr.', 'Ankara', 'said', 'he'];
  for (let n = 0; n < 300; n++) {
    let s = '';
    const len = rand() % 80;
    for (let i = 0; i < len; i++) s += pool[rand() % pool.length];
    assertSpans(s, analyze(s, { tokens: true, frames: true }));
  }
  // a lone surrogate is an Error up front, never a trap (tests/node/hostile.test.mjs)
  assert.throws(() => analyze('a\ud800b'), /lone UTF-16 surrogate at index 1/);
});

test('TypeScript types compile against real usage (tsc --strict)', () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  execFileSync(process.execPath, [tsc, '-p', `${root}tests/node/types/tsconfig.json`], { encoding: 'utf8' });
});

test('types name every field the output has', () => {
  const dts = readFileSync(`${root}pkg/index.d.ts`, 'utf8');
  const out = analyze('“We won,” said Akar in Ankara. 3 people.', { tokens: true, frames: true });
  const frame = out.frames.find((f) => f.arguments.length > 0);
  const keys = new Set([
    ...Object.keys(out), ...Object.keys(out.entities[0]), ...Object.keys(out.quantities[0]),
    ...Object.keys(out.quotes[0]), ...Object.keys(out.sentences[0]), ...Object.keys(out.tokens[0]),
    ...Object.keys(frame), ...Object.keys(frame.arguments[0]), ...Object.keys(frame.arguments[0].head),
  ]);
  for (const k of keys) assert.match(dts, new RegExp(`\\b${k}\\??:`), `index.d.ts lacks ${k}`);
});

test('npm pack ships the module, the wasm and the types', () => {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: `${root}pkg`, encoding: 'utf8' }));
  const files = info.files.map((f) => f.path);
  for (const f of ['index.js', 'node.js', 'index.d.ts', 'lede.js', 'lede_bg.wasm', 'package.json']) {
    assert.ok(files.includes(f), `package lacks ${f}`);
  }
});
