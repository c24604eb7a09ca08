// The package's browser entry (pkg/index.js), imported in Node: importing it
// loads nothing (no top-level await), `analyze` before `init` is a clear
// Error, and `init` takes the inputs wasm-bindgen's init takes, once. Each
// case runs in a fresh Node process: the module, once loaded, stays loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../pkg/index.js', import.meta.url).href;
const wasm = fileURLToPath(new URL('../../pkg/lede_bg.wasm', import.meta.url));

/** Run an ES module snippet in a fresh Node; `lede` is the browser entry. */
function fresh(body) {
  const src = `import * as lede from ${JSON.stringify(entry)};
import { readFileSync } from 'node:fs';
const bytes = readFileSync(${JSON.stringify(wasm)});
${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' }).trim();
}

test('the browser entry has no top-level await', () => {
  // the code outside any function, comments and strings taken out
  const src = readFileSync(new URL('../../pkg/index.js', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
  let depth = 0;
  let top = '';
  for (const c of src) {
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (depth === 0) top += c;
  }
  assert.doesNotMatch(top, /\bawait\b/);
});

test('analyze before init is an Error that says what to do; init loads once', () => {
  const out = fresh(`
let before = '';
try { lede.analyze('Idlib.'); } catch (e) { before = e.message; }
const first = lede.init(bytes);
const same = lede.init() === first && lede.default === lede.init;
await first;
console.log(JSON.stringify({ before, same, idlib: lede.analyze('Turkish troops entered Idlib.').entities.at(-1).text,
  json: lede.analyzeJson('Idlib.').includes('"schema":"lede/1"'), version: lede.version() }));`);
  const r = JSON.parse(out);
  assert.match(r.before, /call `await init\(\)` once before analyze/);
  assert.equal(r.same, true, 'init returns the same promise and is the default export');
  assert.equal(r.idlib, 'Idlib');
  assert.equal(r.json, true);
  assert.match(r.version, /^\d+\.\d+\.\d+/);
});

for (const [name, arg] of [
  ['the bytes', 'bytes'],
  ['a compiled WebAssembly.Module', 'await WebAssembly.compile(bytes)'],
  ['a Response', "new Response(bytes, { headers: { 'content-type': 'application/wasm' } })"],
  ['{ module_or_path }', '{ module_or_path: bytes }'],
  ['a promise of the bytes', 'Promise.resolve(bytes)'],
]) {
  test(`init takes ${name}`, () => {
    assert.equal(fresh(`await lede.init(${arg}); console.log(lede.analyze('Ankara.').entities[0].text);`), 'Ankara');
  });
}

test('a failed init can be retried', () => {
  const out = fresh(`
let failed = false;
try { await lede.init(new Uint8Array([0, 1, 2, 3])); } catch { failed = true; }
await lede.init(bytes);
console.log(failed, lede.analyze('Ankara.').entities[0].text);`);
  assert.equal(out, 'true Ankara');
});

test('the Node entry needs no init, and its init resolves at once', async () => {
  const lede = await import('../../pkg/node.js');
  assert.equal(lede.analyze('Idlib.').entities[0].text, 'Idlib');
  await lede.default();
  assert.equal(lede.default, lede.init);
});

test('options may give undefined for absent fields', async () => {
  const lede = await import('../../pkg/node.js');
  const out = lede.analyze('Erdogan spoke on Thursday.', {
    date: undefined, tokens: undefined, frames: undefined, events: undefined, maxBytes: undefined,
  });
  assert.equal(out.date, null);
  assert.equal(out.tokens, undefined);
  assert.ok(out.events.length >= 0);
  // an unknown field is still an Error, undefined or not
  assert.throws(() => lede.analyze('x', { colour: undefined }), /unknown field `colour`/);
});

test('CommonJS can require() the Node entry (Node 20.19 and later)', (t) => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12)) {
    t.skip(`require(esm) needs Node 20.19 or 22.12; this is ${process.version}`);
    return;
  }
  const out = execFileSync(process.execPath, ['-e',
    `const lede = require(${JSON.stringify(fileURLToPath(new URL('../../pkg/node.js', import.meta.url)))});
     console.log(lede.analyze('Idlib.').entities[0].text)`], { encoding: 'utf8' });
  assert.equal(out.trim(), 'Idlib');
});

test('init decodes the models: load() by part, with a clear Error for an unknown one', () => {
  const out = fresh(`
const raw = await import(${JSON.stringify(new URL('../../pkg/lede.js', import.meta.url).href)});
await lede.init(bytes);
let unknown = '';
try { raw.load('everything'); } catch (e) { unknown = e.message; }
console.log(JSON.stringify({ parts: raw.parts(), unknown }));`);
  const r = JSON.parse(out);
  assert.ok(r.parts.includes('tagger') && r.parts.includes('gazetteer') && r.parts.at(-1) === 'pipeline', r.parts.join());
  assert.match(r.unknown, /no part "everything" to load: one of tagger, /);
});

test('analyzeCsv, analyzeEntitiesCsv and analyzeGeoJson: the core writes the events and the entities as CSV and the placed ones as GeoJSON', async () => {
  const lede = await import('../../pkg/node.js');
  const text = 'Three Turkish soldiers were killed in Idlib on Wednesday.';
  const csv = lede.analyzeCsv(text, { date: '2020-02-27' }, 'a.txt').trim().split('\n');
  assert.ok(csv[0].startsWith('doc,event,date,'), csv[0]);
  assert.ok(csv[1].startsWith('a.txt,0,2020-02-26,'), csv[1]);
  const geo = JSON.parse(lede.analyzeGeoJson(text, { date: '2020-02-27' }, 'a.txt'));
  assert.equal(geo.type, 'FeatureCollection');
  const idlib = geo.features.find((f) => f.properties.name === 'Idlib');
  assert.equal(idlib.geometry.type, 'Point');
  assert.ok(geo.features.some((f) => f.properties.feature === 'event' && f.properties.fatalities === 3));
  assert.throws(() => lede.analyzeCsv(42), /analyzeCsv\(text, options\): text must be a string/);
  const entities = lede.analyzeEntitiesCsv(text, { date: '2020-02-27' }, 'a.txt').trim().split('\n');
  assert.ok(entities[0].startsWith('doc,actor,name,label,'), entities[0]);
  assert.ok(entities.some((r) => r.startsWith('a.txt,') && r.includes(',Idlib,GPE,')), entities.join('\n'));
  assert.throws(() => lede.analyzeEntitiesCsv(text, { colour: 'red' }), /unknown field/);
});
