// The page only renders what lede's core returns; no extraction happens here.
import { SAMPLE_TEXT, SAMPLE_DATE } from './sample.js';

const $ = (id) => document.getElementById(id);
const LABEL_NAMES = {
  PERSON: 'person', NORP: 'nationality / group', FAC: 'facility', ORG: 'organization',
  GPE: 'country / city', LOC: 'location', PRODUCT: 'product', EVENT: 'event', DATE: 'date',
  TIME: 'time', MONEY: 'money', PERCENT: 'percent', QUANTITY: 'measure', ORDINAL: 'ordinal',
  CARDINAL: 'number', MISC: 'other',
};
// KAIROS event types in words (the core gives the dotted type)
const EVENT_WORDS = {
  'Life.Die': 'Death', 'Life.Injure': 'Injury', 'Conflict.Attack': 'Attack',
  'Conflict.Attack.DetonateExplode': 'Explosion', 'Conflict.Capture': 'Capture',
  'Conflict.Demonstrate': 'Protest', 'Contact.Contact.Meet': 'Meeting',
  'Contact.Contact.Correspondence': 'Call or letter', 'Contact.Contact': 'Contact',
  'Contact.RequestCommand': 'Request or order', 'Contact.ThreatenCoerce': 'Threat',
  'Movement.Transportation': 'Movement', 'Movement.Transportation.Evacuation': 'Evacuation',
  'Movement.Deploy': 'Deployment', 'Justice.ArrestJailDetain': 'Arrest or detention',
  'Justice.Convict': 'Conviction', 'Justice.ReleaseParole': 'Release',
  'Justice.TrialHearing': 'Trial', 'Justice.InvestigateCrime': 'Investigation',
  'Justice.ChargeIndict': 'Charge', 'Justice.Sentence': 'Sentence',
  'Transaction.Agreement': 'Agreement', 'Transaction.ExchangeBuySell': 'Purchase or sale',
  'Personnel.StartPosition': 'Appointment', 'Personnel.EndPosition': 'Departure from office',
  'ArtifactExistence.DamageDestroyDisableDismantle.Destroy': 'Destruction',
  'ArtifactExistence.DamageDestroyDisableDismantle.Damage': 'Damage',
  'Control.ImpedeInterfereWith': 'Obstruction', 'GenericCrime.GenericCrime': 'Crime',
  'Medical.Intervention': 'Medical treatment',
};
const AGENT_ROLES = new Set(['Killer', 'Attacker', 'Injurer', 'Captor', 'Jailer', 'Deployer', 'Transporter']);

function eventWords(e) {
  const parts = e.type.split('.');
  const words = EVENT_WORDS[e.type] ?? EVENT_WORDS[parts.slice(0, 3).join('.')] ?? EVENT_WORDS[parts.slice(0, 2).join('.')];
  if (e.type.startsWith('Life.Die') && e.arguments.some((a) => a.role === 'Killer')) return 'Killing';
  return words ?? parts.filter((p) => p !== 'Unspecified').join(' ');
}

const COMPARATOR_SIGNS = { approx: '≈', gt: '>', ge: '≥', lt: '<', le: '≤' };
const hidden = new Set();
let last = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'style') node.style.cssText = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

// The analyzer runs in a module worker (worker.js): the page stays
// responsive while it loads and while it analyzes.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 0;
worker.addEventListener('message', ({ data }) => {
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  if (data.error !== undefined) p.reject(new Error(data.error)); else p.resolve(data.out);
});

/** The core's analysis (or, by `kind`, its CSV or GeoJSON), from the worker. */
function analyze(text, options, kind, doc) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, text, options, kind, doc });
  });
}

let running = 0;

async function run() {
  showError('');
  const text = $('text').value;
  const date = $('date').value || null;
  const t0 = performance.now();
  const mine = ++running;
  $('status').textContent = 'Analyzing…';
  let out;
  try {
    out = await analyze(text, { date, frames: true });
  } catch (e) {
    if (mine !== running) return;
    // nothing of an earlier article stays on screen
    showError(e.message);
    $('results').hidden = true;
    $('doc').replaceChildren();
    last = null;
    $('status').textContent = 'Not analyzed.';
    return;
  }
  // a later run's answer wins
  if (mine !== running) return;
  const ms = performance.now() - t0;
  last = { text, out, options: { date, frames: true } };
  render(text, out);
  $('status').textContent = `${out.sentences.length} sentences, ${out.entities.length} entities, ` +
    `${out.events.length} events, ${out.quotes.length} quotes in ${ms.toFixed(1)} ms`;
}

function render(text, out) {
  renderDoc(text, out.entities, out.events);
  renderEvents(out);
  renderLegend(out.entities);
  renderActors(out);
  renderTimes(out.times, out.date !== null);
  renderQuantities(out.quantities);
  renderQuotes(out.quotes);
  renderFrames(text, out.frames ?? []);
  $('results').hidden = false;
}

// The text with its entities highlighted and every event mention's
// trigger underlined (a trigger inside a name is left to the name).
function renderDoc(text, entities, events) {
  const doc = $('doc');
  doc.replaceChildren();
  const spans = entities.map((e) => ({ start: e.start, end: e.end, entity: e }));
  events.forEach((ev, i) => {
    for (const m of ev.mentions) spans.push({ start: m.start, end: m.end, event: i, type: ev.type });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    doc.append(text.slice(at, s.start));
    if (s.entity) {
      const e = s.entity;
      const title = [LABEL_NAMES[e.label] ?? e.label, e.kind, e.country].filter(Boolean).join(' · ');
      const attrs = {
        class: 'ent', 'data-label': e.label, title,
        style: `background: var(--${e.label})`,
      };
      if (e.actor !== null) attrs['data-actor'] = String(e.actor);
      doc.append(el('mark', attrs, text.slice(e.start, e.end)));
    } else {
      doc.append(el('mark', {
        class: 'trigger', 'data-event': String(s.event), title: `${eventWords(events[s.event])} (${s.type})`,
      }, text.slice(s.start, s.end)));
    }
    at = s.end;
  }
  doc.append(text.slice(at));
  applyHidden();
}

function applyHidden() {
  for (const m of $('doc').querySelectorAll('mark.ent')) {
    const off = hidden.has(m.dataset.label);
    m.style.background = off ? 'none' : `var(--${m.dataset.label})`;
    m.classList.toggle('off', off);
  }
}

function renderLegend(entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const legend = $('legend');
  legend.replaceChildren();
  for (const label of Object.keys(LABEL_NAMES)) {
    if (!counts.has(label)) continue;
    // a toggle: pressed while its highlights show
    const b = el('button', {
      type: 'button', 'data-label': label, style: `background: var(--${label})`,
      title: `show or hide ${LABEL_NAMES[label]}`, 'aria-pressed': String(!hidden.has(label)),
    }, `${label} · ${LABEL_NAMES[label]} (${counts.get(label)})`);
    b.classList.toggle('off', hidden.has(label));
    b.addEventListener('click', () => {
      if (hidden.has(label)) hidden.delete(label); else hidden.add(label);
      b.classList.toggle('off', hidden.has(label));
      b.setAttribute('aria-pressed', String(!hidden.has(label)));
      applyHidden();
    });
    legend.append(b);
  }
}

function pill(label, text = label) {
  return el('span', { class: 'pill', style: `background: var(--${label})` }, text);
}

// One row per actor (its mentions merged by the core); a click marks all
// its mentions and pronoun references in the text.
function renderActors(out) {
  const list = $('entities');
  list.replaceChildren();
  out.actors.forEach((a, i) => {
    const n = a.mentions.length + a.references.length;
    const where = a.lat !== null ? `${a.lat}, ${a.lon}` : '';
    const gov = a.government_of ? `government of ${a.government_of}` : '';
    const meta = [a.role, a.code, a.kind, where, gov, n > 1 ? `×${n}` : ''].filter(Boolean).join(' · ');
    const b = el('button', { type: 'button', class: 'actor', 'data-actor': String(i), 'aria-pressed': 'false' },
      pill(a.label), a.name, ' ', el('span', { class: 'meta' }, meta));
    b.addEventListener('click', () => focusActor(out, i));
    list.append(el('li', {}, b));
  });
  $('n-entities').textContent = `(${out.actors.length})`;
}

function focusActor(out, i) {
  const doc = $('doc');
  const on = $('entities').querySelector(`button[data-actor="${i}"]`).getAttribute('aria-pressed') !== 'true';
  for (const b of $('entities').querySelectorAll('button.actor')) b.setAttribute('aria-pressed', 'false');
  for (const m of doc.querySelectorAll('mark.focus')) m.classList.remove('focus');
  for (const r of doc.querySelectorAll('mark.ref')) r.replaceWith(r.textContent);
  doc.normalize();
  if (!on) return;
  $('entities').querySelector(`button[data-actor="${i}"]`).setAttribute('aria-pressed', 'true');
  for (const m of doc.querySelectorAll(`mark.ent[data-actor="${i}"]`)) m.classList.add('focus');
  for (const r of out.actors[i].references) markText(doc, last.text, r.start, r.end);
  doc.querySelector('mark.focus')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// Wrap text [start, end) (UTF-16 offsets of the analyzed text) of the
// rendered document in a reference mark, walking its text nodes.
function markText(root, text, start, end) {
  let at = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (node.parentElement?.closest('mark.ent') === null && at <= start && end <= at + len) {
      const range = document.createRange();
      range.setStart(node, start - at);
      range.setEnd(node, end - at);
      range.surroundContents(el('mark', { class: 'ref focus' }));
      return;
    }
    at += len;
  }
}

// One card per event: what, who to whom, where, when, how many, status and
// source, CAMEO; a click marks its triggers in the text.
function renderEvents(out) {
  const list = $('events');
  list.replaceChildren();
  out.events.forEach((e, i) => {
    const rows = [];
    const row = (name, ...value) => rows.push(el('dt', {}, name), el('dd', {}, ...value));
    const actorOf = (a) => (a.actor !== null ? out.actors[a.actor] : null);
    const args = [...e.arguments].sort((a, b) => Number(!AGENT_ROLES.has(a.role)) - Number(!AGENT_ROLES.has(b.role)));
    for (const a of args) {
      const actor = actorOf(a);
      const code = actor?.code ? el('span', { class: 'meta' }, ` ${actor.code}`) : '';
      row(a.role, a.text, code);
    }
    if (e.place) {
      const where = [e.place.name, e.place.country].filter(Boolean).join(', ');
      row('Where', where, el('span', { class: 'meta' }, e.place.stated ? '' : ' (from the sentence)'));
    }
    if (e.time) row('When', ...timeValue(e.time.value), el('span', { class: 'meta' }, e.time.stated ? '' : ' (from the sentence)'));
    else if (out.date) row('When', ...timeValue(out.date), el('span', { class: 'meta' }, ' (publication date)'));
    const c = e.casualties;
    if (c) {
      const sign = c.comparator ? `${COMPARATOR_SIGNS[c.comparator]} ` : '';
      const counts = [['killed', c.killed], ['injured', c.injured], ['missing', c.missing]]
        .filter(([, n]) => n !== null).map(([w, n]) => `${sign}${n} ${w}`).join(', ');
      row('How many', counts, c.code ? el('span', { class: 'meta' }, ` ${c.code}`) : '');
    }
    if (e.source) {
      const cue = e.source.cue ? ` (${e.source.cue.text})` : '';
      row('Source', `${e.source.name ?? 'unnamed'}${cue}`, e.source.quote !== null ? el('span', { class: 'meta' }, ' in a quote') : '');
    }
    if (e.cameo) {
      const sides = [e.cameo.source, e.cameo.target].map((x) => x ?? '—').join(' → ');
      row('CAMEO', `${e.cameo.code} `, el('span', { class: 'meta' }, `${sides} · Goldstein ${e.cameo.goldstein}`));
    }
    const status = e.status !== 'asserted' ? el('span', { class: `status status-${e.status}` }, e.status) : '';
    const more = e.mentions.length > 1 ? el('span', { class: 'meta' }, ` · ${e.mentions.length} mentions`) : '';
    const head = el('button', { type: 'button', class: 'event-head', 'aria-pressed': 'false', title: e.type },
      el('strong', {}, eventWords(e)), ' ', el('span', { class: 'trigger-word' }, `“${e.text}”`), ' ', status, more);
    const card = el('li', {
      class: 'event-card', 'data-event-type': e.type, 'data-event': String(i), 'data-actors': involved(e).join(' '),
    }, head, el('dl', {}, ...rows));
    head.addEventListener('click', () => focusEvent(i));
    list.append(card);
  });
  renderEventFilters(out);
}

/** The actors an event involves: its arguments', its CAMEO sides', its place's. */
function involved(e) {
  const all = [...e.arguments.map((a) => a.actor), e.cameo?.source_actor, e.cameo?.target_actor, e.place?.actor];
  return [...new Set(all.filter((x) => x !== null && x !== undefined))];
}

// Filters of the event cards by type and by an actor they involve; the
// choices are the types and actors of this article's events.
function renderEventFilters(out) {
  const types = [...new Set(out.events.map((e) => e.type))];
  const actors = [...new Set(out.events.flatMap(involved))]
    .sort((a, b) => out.actors[a].name.localeCompare(out.actors[b].name));
  const fill = (select, options) => {
    select.replaceChildren(el('option', { value: '' }, 'all'),
      ...options.map(([value, label]) => el('option', { value }, label)));
    select.onchange = applyEventFilters;
  };
  fill($('event-type'), types.map((t) => [t, `${eventWords({ type: t, arguments: [] })} (${t})`]));
  fill($('event-actor'), actors.map((a) => [String(a), out.actors[a].name]));
  applyEventFilters();
}

function applyEventFilters() {
  const type = $('event-type').value;
  const actor = $('event-actor').value;
  const cards = [...$('events').children];
  let shown = 0;
  for (const card of cards) {
    const off = (type && card.dataset.eventType !== type)
      || (actor && !card.dataset.actors.split(' ').includes(actor));
    card.hidden = Boolean(off);
    if (!off) shown += 1;
  }
  $('n-events').textContent = shown === cards.length ? `(${cards.length})` : `(${shown} of ${cards.length})`;
}

function focusEvent(i) {
  const on = $('events').querySelector(`li[data-event="${i}"] button`).getAttribute('aria-pressed') !== 'true';
  for (const b of $('events').querySelectorAll('button.event-head')) b.setAttribute('aria-pressed', 'false');
  for (const m of $('doc').querySelectorAll('mark.trigger.focus')) m.classList.remove('focus');
  if (!on) return;
  $('events').querySelector(`li[data-event="${i}"] button`).setAttribute('aria-pressed', 'true');
  const marks = [...$('doc').querySelectorAll(`mark.trigger[data-event="${i}"]`)];
  for (const m of marks) m.classList.add('focus');
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function formatValue(q) {
  const sign = q.comparator ? `${COMPARATOR_SIGNS[q.comparator]} ` : '';
  const value = Number.isInteger(q.value) ? q.value.toLocaleString('en-US') : q.value.toPrecision(3);
  const unit = q.label === 'PERCENT' ? '%' : q.unit ? ` ${q.unit}` : '';
  return `${sign}${value}${unit}`;
}

function renderQuantities(quantities) {
  const list = $('quantities');
  list.replaceChildren();
  for (const q of quantities) {
    list.append(el('li', {}, pill(q.label), `“${q.text}” → `, el('strong', {}, formatValue(q))));
  }
  $('n-quantities').textContent = `(${quantities.length})`;
}

// A TIMEX3 value (the core's normalized time) in words, for reading; the
// value itself stays beside it. Unknown shapes are shown as they are.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', S: 'second', DE: 'decade', CE: 'century' };
const REFS = { PRESENT_REF: 'now', PAST_REF: 'the past', FUTURE_REF: 'the future' };
function timeWords(v) {
  if (REFS[v]) return REFS[v];
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    const day = `${DAYS[d.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
    return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(v))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{3})X$/.exec(v))) return `the ${m[1]}0s`;
  if ((m = /^XXXX-WXX-(\d)$/.exec(v))) return `a ${WEEKDAYS[+m[1]]}, date unknown`;
  if ((m = /^XXXX-(\d{2})-(\d{2})$/.exec(v))) return `${+m[2]} ${MONTHS[+m[1] - 1]}, year unknown`;
  if ((m = /^P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|H|S|DE|CE)$/.exec(v))) {
    const unit = m[1] && m[3] === 'M' ? 'minute' : UNITS[m[3]];
    if (m[2] === 'X') return `${unit}s`;
    const n = Number(m[2]);
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return v;
}

/** A time's value in words with the value beside it. */
function timeValue(v) {
  const words = timeWords(v);
  return words === v ? [el('strong', {}, v)] : [el('strong', {}, words), el('span', { class: 'meta' }, ` (${v})`)];
}

function renderTimes(times, dated) {
  const list = $('times');
  list.replaceChildren();
  for (const t of times) {
    const mod = t.mod ? ` (${t.mod.toLowerCase().replace('_', ' ')})` : '';
    list.append(el('li', {}, pill(t.type === 'TIME' ? 'TIME' : 'DATE', t.type.toLowerCase()),
      `“${t.text}” → `, ...timeValue(t.value), mod));
  }
  $('n-times').textContent = `(${times.length})`;
  // relative times ("Thursday", "last week") need the article's date
  $('date-hint').hidden = dated || !times.some((t) => t.value.includes('X'));
}

function renderQuotes(quotes) {
  const list = $('quotes');
  list.replaceChildren();
  for (const q of quotes) {
    const who = el('span', { class: 'speaker' }, q.speaker ? q.speaker.text : 'unknown speaker');
    const parts = [who];
    if (q.speaker_ref) parts.push(' → ', el('span', { class: 'speaker speaker-ref' }, q.speaker_ref.text));
    if (q.cue) parts.push(el('span', { class: 'meta' }, ` (${q.cue.text})`));
    list.append(el('li', { class: 'quote' }, el('blockquote', {}, `“${q.text}”`), el('div', {}, '— ', ...parts)));
  }
  $('n-quotes').textContent = `(${quotes.length})`;
}

// auxiliaries (be, have, do as in "were killed", "has claimed", "did not")
// and predicates without a numbered role say little on their own
const AUXILIARY = /^(be\.03|have\.01|do\.01)$/;
const NUMBERED = /^(R-|C-)?ARG[0-5A]/;

function renderFrames(text, frames) {
  const list = $('frames');
  list.replaceChildren();
  const shown = frames.filter((f) => !AUXILIARY.test(f.roleset ?? '')
    && f.arguments.some((a) => NUMBERED.test(a.role)));
  for (const f of shown) {
    const args = f.arguments.map((a) => el('li', { 'data-role': a.role },
      el('span', { class: 'role', title: a.role }, a.descr ?? a.role), ' ', a.text));
    const sense = [f.roleset, f.name].filter(Boolean).join(': ');
    const item = el('li', { class: 'frame', 'data-roleset': f.roleset ?? '' },
      el('strong', {}, f.text), ' ', el('span', { class: 'meta' }, sense),
      el('ul', { class: 'args' }, ...args));
    list.append(item);
  }
  $('n-frames').textContent = `(${shown.length})`;
}

function loadFile(file) {
  if (!file) return;
  file.text().then((t) => {
    $('text').value = t;
    run();
  }, (e) => showError(`could not read ${file.name}: ${e.message}`));
}

// A file name from the article's headline (its first line): "turkey-says-
// three-soldiers-killed-in-idlib.json"; "lede" when there is none.
function fileName(text, extension) {
  const headline = text.trim().split('\n')[0] ?? '';
  const slug = headline.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${slug || 'lede'}.${extension}`;
}

function save(contents, type, name) {
  const blob = new Blob([contents], { type });
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The downloads: the analysis as JSON with the text and the options it was
// made with; the events as CSV and the placed places and events as GeoJSON,
// both written by the core.
async function download(kind) {
  if (!last) return;
  const { text, out, options } = last;
  if (kind === 'json') {
    save(JSON.stringify({ text, options, analysis: out }, null, 2), 'application/json', fileName(text, 'json'));
    return;
  }
  const name = fileName(text, kind === 'csv' ? 'csv' : 'geojson');
  try {
    const contents = await analyze(text, options, kind, name);
    save(contents, kind === 'csv' ? 'text/csv' : 'application/geo+json', name);
  } catch (e) {
    showError(e.message);
  }
}

async function setup() {
  $('status').textContent = 'Loading the analyzer…';
  const loaded = await new Promise((resolve) => {
    const first = ({ data }) => {
      if (data.type !== 'ready' && data.type !== 'failed') return;
      worker.removeEventListener('message', first);
      resolve(data);
    };
    worker.addEventListener('message', first);
    worker.addEventListener('error', (e) => resolve({ type: 'failed', message: e.message ?? 'the worker did not start' }), { once: true });
  });
  if (loaded.type === 'failed') {
    $('status').textContent = `The analyzer could not be loaded: ${loaded.message}`;
    return;
  }
  $('version').textContent = loaded.version;
  $('analyze').disabled = false;
  $('status').textContent = 'Ready.';
  $('analyze').addEventListener('click', run);
  $('sample').addEventListener('click', () => {
    $('text').value = SAMPLE_TEXT;
    $('date').value = SAMPLE_DATE;
    run();
  });
  $('file').addEventListener('change', (e) => loadFile(e.target.files[0]));
  $('download').addEventListener('click', () => download('json'));
  $('download-csv').addEventListener('click', () => download('csv'));
  $('download-geojson').addEventListener('click', () => download('geojson'));
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    loadFile(e.dataTransfer.files[0]);
  });
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

setup();
