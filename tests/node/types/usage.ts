// Compiled with `tsc --strict --noEmit` by tests/node/package.test.mjs: the
// package's types describe what a JS app would write against.
import init, { analyze, analyzeCsv, analyzeEntitiesCsv, analyzeGeoJson, analyzeJson, version, type Analysis, type Entity, type Frame, type Quote, type Token, type TimeMod } from 'lede-news';

// the browser entry needs it once; in Node it resolves at once
async function load(): Promise<void> {
  await init();
  await init(new URL('https://example.invalid/lede_bg.wasm'));
  await init({ module_or_path: new Uint8Array(0) });
}
void load;

const text: string = 'Turkish troops entered Idlib.';
const out: Analysis = analyze(text, { date: '2020-02-27' });
const schema: 'lede/1' = out.schema;
const places: Entity[] = out.entities.filter((e) => e.label === 'GPE' && e.country !== null);
const spans: string[] = places.map((e) => text.slice(e.start, e.end));
const speakers: (string | undefined)[] = out.quotes.map((q: Quote) => q.speaker_ref?.text ?? q.speaker?.text);
const values: number[] = out.quantities.map((q) => q.value);
const json: string = analyzeJson(text, null);
const v: string = version();
const csv: string = analyzeCsv(text, { date: '2020-02-27' }, 'a.txt');
const geo: string = analyzeGeoJson(text);
const entitiesCsv: string = analyzeEntitiesCsv(text, { date: '2020-02-27' }, 'a.txt');
// asked for, the tokens and frames are there; not asked for, they may not be
const tokens: Token[] = analyze(text, { tokens: true }).tokens;
const frames: Frame[] = analyze(text, { frames: true, date: null }).frames;
// @ts-expect-error: without options.frames, `frames` may be undefined
const none: number = analyze(text).frames.length;
const mods: (TimeMod | null)[] = out.times.map((t) => t.mod);
const sources: ('ner' | 'gazetteer' | 'quantity' | 'time')[] = out.entities.map((e) => e.source);
const who: string[] = frames.flatMap((f) => f.arguments.filter((a) => a.role === 'ARG0').map((a) => `${a.head.text} (${a.descr ?? '?'}) ${f.roleset ?? f.lemma}`));
console.log(schema, spans, speakers, values, json.length, v, tokens.length, who, csv.length, geo.length, entitiesCsv.length, none, mods, sources);
