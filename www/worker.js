// The analyzer off the page's main thread. A module worker loads lede (the
// wasm and its models) while the page is already usable, analyzes, and keeps
// the last analysis here: the page asks for what it shows a piece at a time
// (a summary, a page of a list, the names in a stretch of the text), so that
// a 1 MB article never arrives on the main thread as one huge message.
//
// Messages: {id, kind, ...} → {id, out} or {id, error}; on load 'ready' or
// 'failed'. No extraction here either: the analysis is the core's, and the
// exports (CSV, GeoJSON) are written by the core.
import init, {
  analyze, analyzeCsv, analyzeEntitiesCsv, analyzeGeoJson, version,
} from './pkg/index.js';

/** Items of a list sent at once; the page asks for more. */
const PAGE = 100;
/** Events and times shown on one day of the timeline. */
const DAY = 8;
/** Actors offered by the event cards' actor filter: those in the most events. */
const FILTER_ACTORS = 200;
/** A stretch of the text the page highlights at once (UTF-16 units). */
const CHUNK = 8000;

// auxiliaries (be, have, do as in "were killed", "has claimed", "did not")
// and predicates without a numbered role say little on their own
const AUXILIARY = /^(be\.03|have\.01|do\.01)$/;
const NUMBERED = /^(R-|C-)?ARG[0-5A]/;

let cur = null;

/**
 * The wasm, fetched here so that the page can show how much has come
 * ({type: 'progress', loaded, total} at most ten times a second, and at
 * the end): the response's bytes are counted on their way to init, which
 * compiles them as they stream in and then decodes the models.
 */
async function fetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok || !response.body) return response;
  const total = Number(response.headers.get('content-length')) || 0;
  let loaded = 0;
  let shown = -Infinity;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.length;
      if (performance.now() - shown > 100) {
        shown = performance.now();
        postMessage({ type: 'progress', loaded, total });
      }
      controller.enqueue(chunk);
    },
    flush() {
      postMessage({ type: 'progress', loaded, total, done: true });
    },
  }));
  return new Response(counted, { headers: { 'content-type': 'application/wasm' } });
}

const ready = init(fetchWasm(new URL('./pkg/lede_bg.wasm', import.meta.url))).then(
  () => postMessage({ type: 'ready', version: version() }),
  (e) => { postMessage({ type: 'failed', message: e.message }); throw e; },
);

/** The actors an event involves: its arguments', its CAMEO sides', its place's. */
function involved(e) {
  const all = [...e.arguments.map((a) => a.actor), e.cameo?.source_actor, e.cameo?.target_actor, e.place?.actor];
  return [...new Set(all.filter((x) => x !== null && x !== undefined))];
}

/** Where the text may be cut without cutting a name or a trigger: after a line break when there is one. */
function chunks(text, spans) {
  const cuts = [];
  let s = 0;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to - 1);
      if (nl >= from + CHUNK / 4) to = nl + 1;
      else {
        const sp = text.lastIndexOf(' ', to - 1);
        if (sp > from) to = sp + 1;
        // never between the two halves of a surrogate pair (an emoji)
        else if (/[\ud800-\udbff]/.test(text[to - 1])) to += 1;
      }
      // never inside a span (spans are sorted by start)
      while (s < spans.length && spans[s].start < to) {
        if (spans[s].end > to) to = spans[s].end;
        s += 1;
      }
    }
    cuts.push([from, to]);
    from = to;
  }
  return cuts;
}

function store(text, options, out) {
  const spans = out.entities.map((e, i) => ({ start: e.start, end: e.end, entity: i }));
  out.events.forEach((ev, i) => {
    for (const m of ev.mentions) spans.push({ start: m.start, end: m.end, event: i });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // a trigger inside a name is left to the name
  const kept = [];
  let at = 0;
  for (const sp of spans) {
    if (sp.start < at) continue;
    kept.push(sp);
    at = sp.end;
  }
  const involvedBy = out.events.map(involved);
  const frames = (out.frames ?? []).filter((f) => !AUXILIARY.test(f.roleset ?? '')
    && f.arguments.some((a) => NUMBERED.test(a.role)));
  cur = {
    text, options, out, spans: kept, involvedBy, frames,
    events: out.events.map((_, i) => i),
    times: grouped(out.times, (t) => [t.text, t.type, t.value, t.mod]),
    quantities: grouped(out.quantities, (q) => [q.text, q.label, q.value, q.unit, q.comparator, q.counted?.text]),
    quotes: out.quotes.map((q, i) => ({ ...q, index: i })),
  };
  // the actors without their mentions (the page finds them by their marks)
  cur.actors = out.actors.map(({ mentions, ...a }, index) => ({ ...a, index, n: mentions.length + a.references.length }));
  return summary();
}

/** The items that say the same thing once, each with how often it is said (`n`), in order of first mention. */
function grouped(items, key) {
  const seen = new Map();
  for (const item of items) {
    const k = JSON.stringify(key(item));
    if (seen.has(k)) seen.get(k).n += 1; else seen.set(k, { ...item, n: 1 });
  }
  return [...seen.values()];
}

const lists = {
  events: () => cur.events,
  actors: () => cur.actors,
  times: () => cur.times,
  quantities: () => cur.quantities,
  quotes: () => cur.quotes,
  frames: () => cur.frames,
};

function slice(list, offset = 0, limit = PAGE) {
  const all = lists[list]();
  const items = all.slice(offset, offset + limit);
  if (list === 'events') {
    return { items: items.map((i) => ({ ...cur.out.events[i], index: i, involved: cur.involvedBy[i] })), total: all.length, offset };
  }
  return { items, total: all.length, offset };
}

/** The events to page through: those of a type, and involving an actor. */
function filterEvents({ type, actor }) {
  cur.events = [];
  cur.out.events.forEach((e, i) => {
    if ((!type || e.type === type) && (actor === '' || actor === undefined || cur.involvedBy[i].includes(Number(actor)))) cur.events.push(i);
  });
  return slice('events');
}

function summary() {
  const { out, text } = cur;
  const labels = {};
  for (const e of out.entities) labels[e.label] = (labels[e.label] ?? 0) + 1;
  // the actors in the most events (an actor in more events first)
  const inEvents = new Map();
  for (const a of cur.involvedBy.flat()) inEvents.set(a, (inEvents.get(a) ?? 0) + 1);
  const eventActors = [...inEvents.keys()].sort((a, b) => inEvents.get(b) - inEvents.get(a) || a - b).slice(0, FILTER_ACTORS);
  return {
    date: out.date,
    schema: out.schema,
    counts: {
      sentences: out.sentences.length, entities: out.entities.length, events: out.events.length,
      quotes: out.quotes.length, times: out.times.length, quantities: out.quantities.length,
    },
    labels,
    actors: cur.actors,
    eventTypes: [...new Set(out.events.map((e) => e.type))],
    eventActors,
    lists: Object.fromEntries(Object.keys(lists).map((l) => [l, slice(l)])),
    timeline: timeline(),
    places: places(),
    chunks: chunks(text, cur.spans),
  };
}

/**
 * The timeline: the article's events and times by normalized day (or month,
 * or year); each date with its events (by index) and times (by text).
 */
function timeline() {
  const { out } = cur;
  const dated = new Map();
  const at = (value) => {
    const m = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value ?? '');
    if (!m) return null;
    if (!dated.has(m[0])) dated.set(m[0], { date: m[0], events: [], more: 0, times: [] });
    return dated.get(m[0]);
  };
  out.events.forEach((e, i) => {
    const day = at(e.time?.value ?? out.date);
    if (!day) return;
    // a day's first events; the rest counted
    if (day.events.length < DAY) day.events.push({ index: i, type: e.type, text: e.text, status: e.status, stated: Boolean(e.time?.stated) });
    else day.more += 1;
  });
  for (const t of out.times) {
    const day = at(t.value);
    if (day && day.times.length < DAY && !day.times.some((x) => x.text === t.text)) day.times.push({ text: t.text, value: t.value });
  }
  return [...dated.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The places with coordinates, with the events that happened at each. */
function places() {
  const { out } = cur;
  const byActor = new Map();
  out.actors.forEach((a, i) => {
    if (a.lat === null || a.lon === null) return;
    byActor.set(i, { actor: i, name: a.name, lat: a.lat, lon: a.lon, country: a.country ?? null, mentions: a.mentions.length, events: 0 });
  });
  for (const e of out.events) {
    const p = e.place?.actor;
    if (p !== null && p !== undefined && byActor.has(p)) byActor.get(p).events += 1;
  }
  return [...byActor.values()];
}

/** The names and triggers in text [from, to), for highlighting. */
function spansIn(from, to) {
  const { spans, out } = cur;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from) lo = mid + 1; else hi = mid;
  }
  const found = [];
  for (let i = lo; i < spans.length && spans[i].start < to; i += 1) {
    const sp = spans[i];
    if (sp.entity !== undefined) {
      const e = out.entities[sp.entity];
      found.push({ start: e.start, end: e.end, entity: sp.entity, label: e.label, kind: e.kind ?? null, country: e.country ?? null, actor: e.actor });
    } else {
      found.push({ start: sp.start, end: sp.end, event: sp.event, type: out.events[sp.event].type });
    }
  }
  // quotes: where each starts and ends, for marking them in the text
  const quotes = [];
  out.quotes.forEach((q, i) => {
    if (q.start < to && q.end > from) quotes.push({ index: i, start: q.start, end: q.end, speaker: q.speaker?.text ?? null });
  });
  return { spans: found, quotes };
}

const handlers = {
  analyze: ({ text, options }) => {
    cur = null;
    return store(text, options, analyze(text, options));
  },
  page: ({ list, offset, limit }) => slice(list, offset, limit),
  filter: ({ filter }) => filterEvents(filter),
  spans: ({ from, to }) => spansIn(from, to),
  event: ({ index }) => ({ ...cur.out.events[index], index, involved: cur.involvedBy[index] }),
  // the downloads: the analysis as JSON with its text and options (a Blob:
  // it reaches the page without a copy), or the core's CSV / GeoJSON
  json: () => new Blob([JSON.stringify({ text: cur.text, options: cur.options, analysis: cur.out }, null, 2)], { type: 'application/json' }),
  csv: ({ doc }) => analyzeCsv(cur.text, cur.options, doc),
  'entities-csv': ({ doc }) => analyzeEntitiesCsv(cur.text, cur.options, doc),
  geojson: ({ doc }) => analyzeGeoJson(cur.text, cur.options, doc),
};

self.onmessage = async ({ data }) => {
  await ready;
  try {
    const handler = handlers[data.kind];
    if (!handler) throw new Error(`unknown request ${data.kind}`);
    if (data.kind !== 'analyze' && !cur) throw new Error('nothing analyzed yet');
    postMessage({ id: data.id, out: handler(data) });
  } catch (e) {
    postMessage({ id: data.id, error: e.message });
  }
};
