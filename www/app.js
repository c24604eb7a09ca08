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
/** The article on screen: its text, the options, the worker's summary of the analysis. */
let view = null;

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

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

// The analyzer runs in a module worker (worker.js), which keeps the
// analysis: the page asks it for the summary, then for each stretch of the
// text and each page of a list as it renders them.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 0;
worker.addEventListener('message', ({ data }) => {
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  if (data.error !== undefined) p.reject(new Error(data.error)); else p.resolve(data.out);
});

/** Ask the worker: `kind` is one of its handlers (analyze, spans, page, filter, event, json, csv, …). */
function ask(kind, payload = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, kind, ...payload });
  });
}

let running = 0;
/** Smooth scrolling, unless the user asks for less motion. */
const scrolling = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

async function run() {
  showError('');
  const text = $('text').value;
  const date = $('date').value || null;
  const options = { date, frames: true };
  const t0 = performance.now();
  const mine = ++running;
  $('status').textContent = 'Analyzing…';
  let summary;
  try {
    summary = await ask('analyze', { text, options });
  } catch (e) {
    if (mine !== running) return;
    // nothing of an earlier article stays on screen
    showError(e.message);
    $('results').hidden = true;
    $('doc').replaceChildren();
    view = null;
    $('status').textContent = 'Not analyzed.';
    return;
  }
  // a later run's answer wins
  if (mine !== running) return;
  const ms = performance.now() - t0;
  view = { text, options, summary };
  // the text is highlighted a stretch at a time: the panel shows with the
  // first stretches, and the rest follow in tasks of their own, so that the
  // page stays responsive however long the article
  if (!await renderDoc(text, summary, mine)) return;
  const c = summary.counts;
  $('status').textContent = `${c.sentences} sentences, ${c.entities} entities, `
    + `${c.events} events, ${c.quotes} quotes in ${ms.toFixed(1)} ms`;
}

function render(s) {
  renderLegend(s.labels);
  renderEventFilters(s);
  renderList('events', s.lists.events, false);
  renderList('entities', s.lists.actors, false);
  renderMap(s.places);
  renderTimeline(s.timeline);
  renderList('times', s.lists.times, false);
  renderList('quantities', s.lists.quantities, false);
  renderList('quotes', s.lists.quotes, false);
  renderList('frames', s.lists.frames, false);
  $('date-hint').hidden = s.date !== null || !s.lists.times.items.some((t) => t.value.includes('X'));
  showDetails(null);
  applyHidden();
  $('results').hidden = false;
}

// The text with its names highlighted, every event mention's trigger
// underlined and every quote marked: a stretch of the text (cut where no
// name is cut) at a time, each asked of the worker while the last renders;
// the results panel shows with the first batch.
const BATCH = 8;
async function renderDoc(text, summary, mine) {
  const { chunks } = summary;
  const doc = $('doc');
  doc.replaceChildren();
  let batch = [];
  let shown = false;
  let next = chunks.length ? ask('spans', { from: chunks[0][0], to: chunks[0][1] }) : null;
  for (let k = 0; k < chunks.length; k += 1) {
    const got = await next;
    if (mine !== running) return false;
    if (k + 1 < chunks.length) next = ask('spans', { from: chunks[k + 1][0], to: chunks[k + 1][1] });
    batch.push(chunkOf(text, chunks[k][0], chunks[k][1], got));
    if (batch.length === BATCH || k + 1 === chunks.length) {
      doc.append(...batch);
      batch = [];
      if (!shown) {
        render(summary);
        shown = true;
      }
      if (k + 1 < chunks.length) {
        $('status').textContent = `Highlighting… ${Math.round((100 * chunks[k][1]) / text.length)}%`;
        await nextTask();
        if (mine !== running) return false;
      }
    }
  }
  if (!shown) render(summary);
  return true;
}

/** One stretch [from, to) of the text, as a block of text and marks. */
function chunkOf(text, from, to, { spans, quotes }) {
  const block = el('div', { class: 'chunk' });
  // plain text, with the parts inside a quote marked as quoted
  const plain = (a, b) => {
    let at = a;
    for (const q of quotes) {
      if (q.end <= at || q.start >= b) continue;
      if (q.start > at) block.append(text.slice(at, q.start));
      const end = Math.min(b, q.end);
      block.append(el('span', { class: 'quoted', 'data-quote': String(q.index) }, text.slice(Math.max(at, q.start), end)));
      at = end;
    }
    if (at < b) block.append(text.slice(at, b));
  };
  let at = from;
  for (const s of spans) {
    plain(at, s.start);
    const inQuote = quotes.find((q) => q.start <= s.start && s.end <= q.end);
    let m;
    if (s.entity !== undefined) {
      const title = [LABEL_NAMES[s.label] ?? s.label, s.kind, s.country].filter(Boolean).join(' · ');
      m = el('mark', {
        class: 'ent', 'data-label': s.label, 'data-entity': String(s.entity), 'data-start': String(s.start),
        title, tabindex: '0', style: `background: var(--${s.label})`,
      }, text.slice(s.start, s.end));
      if (s.actor !== null) m.dataset.actor = String(s.actor);
    } else {
      m = el('mark', {
        class: 'trigger', 'data-event': String(s.event), tabindex: '0',
        title: `${eventWords({ type: s.type, arguments: [] })} (${s.type})`,
      }, text.slice(s.start, s.end));
    }
    if (inQuote) m.dataset.quote = String(inQuote.index);
    block.append(m);
    at = s.end;
  }
  plain(at, to);
  return block;
}

function applyHidden() {
  for (const label of Object.keys(LABEL_NAMES)) $('doc').classList.toggle(`hide-${label}`, hidden.has(label));
}

function renderLegend(labels) {
  const legend = $('legend');
  legend.replaceChildren();
  for (const label of Object.keys(LABEL_NAMES)) {
    if (!labels[label]) continue;
    // a toggle: pressed while its highlights show
    const b = el('button', {
      type: 'button', 'data-label': label, style: `background: var(--${label})`,
      title: `show or hide ${LABEL_NAMES[label]}`, 'aria-pressed': String(!hidden.has(label)),
    }, `${label} · ${LABEL_NAMES[label]} (${labels[label]})`);
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

/** An actor's facts in a line: role, CAMEO code, kind, coordinates, government, how often named. */
function actorMeta(a) {
  const where = a.lat !== null ? `${a.lat}, ${a.lon}` : '';
  const gov = a.government_of ? `government of ${a.government_of}` : '';
  return [a.role, a.code, a.kind, where, gov, a.n > 1 ? `×${a.n}` : ''].filter(Boolean).join(' · ');
}

/** Clear the marks of a focused actor, event or quote. */
function clearFocus() {
  const doc = $('doc');
  for (const b of document.querySelectorAll('#entities button.actor, #events button.event-head, #quotes button.quote-head')) {
    b.setAttribute('aria-pressed', 'false');
  }
  for (const m of doc.querySelectorAll('.focus')) m.classList.remove('focus');
  for (const r of doc.querySelectorAll('mark.ref')) {
    const parent = r.parentNode;
    r.replaceWith(r.textContent);
    parent.normalize();
  }
}

function focusActor(i) {
  const button = $('entities').querySelector(`button[data-actor="${i}"]`);
  const on = button?.getAttribute('aria-pressed') !== 'true';
  clearFocus();
  if (!on) return;
  button?.setAttribute('aria-pressed', 'true');
  const doc = $('doc');
  for (const m of doc.querySelectorAll(`mark.ent[data-actor="${i}"]`)) m.classList.add('focus');
  markTexts(doc, view.summary.actors[i].references);
  doc.querySelector('.focus')?.scrollIntoView({ block: 'center', behavior: scrolling() });
}

// Wrap each of `ranges` ({start, end}: UTF-16 offsets of the analyzed text)
// of the rendered document in a reference mark, in one walk over its text
// nodes; a range inside a highlighted name is left to the name.
function markTexts(root, ranges) {
  const todo = [...ranges].sort((a, b) => a.start - b.start);
  let i = 0;
  let at = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node && i < todo.length; node = walker.nextNode()) {
    const len = node.data.length;
    while (i < todo.length && todo[i].end <= at + len) {
      const { start, end } = todo[i];
      if (start >= at && node.parentElement?.closest('mark') === null) found.push([node, start - at, end - at]);
      i += 1;
    }
    at += len;
  }
  // from the last to the first, so that the offsets in a node stay right
  for (const [node, a, b] of found.reverse()) {
    const range = document.createRange();
    range.setStart(node, a);
    range.setEnd(node, b);
    range.surroundContents(el('mark', { class: 'ref focus' }));
  }
}

/** An event's facts as rows: who to whom, where, when, how many, source, CAMEO. */
function eventRows(e) {
  const actors = view.summary.actors;
  const rows = [];
  const row = (name, ...value) => rows.push(el('dt', {}, name), el('dd', {}, ...value));
  const args = [...e.arguments].sort((a, b) => Number(!AGENT_ROLES.has(a.role)) - Number(!AGENT_ROLES.has(b.role)));
  for (const a of args) {
    const actor = a.actor !== null ? actors[a.actor] : null;
    const code = actor?.code ? el('span', { class: 'meta' }, ` ${actor.code}`) : '';
    row(a.role, a.text, code);
  }
  if (e.place) {
    const where = [e.place.name, e.place.country].filter(Boolean).join(', ');
    row('Where', where, el('span', { class: 'meta' }, e.place.stated ? '' : ' (from the sentence)'));
  }
  const date = view.summary.date;
  if (e.time) row('When', ...timeValue(e.time.value), el('span', { class: 'meta' }, e.time.stated ? '' : ' (from the sentence)'));
  else if (date) row('When', ...timeValue(date), el('span', { class: 'meta' }, ' (publication date)'));
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
  return el('dl', {}, ...rows);
}

/** What an event is, in a line: its type in words, the trigger, its status, how often mentioned. */
function eventTitle(e) {
  const status = e.status !== 'asserted' ? el('span', { class: `status status-${e.status}` }, e.status) : '';
  const more = e.mentions.length > 1 ? el('span', { class: 'meta' }, ` · ${e.mentions.length} mentions`) : '';
  return [el('strong', {}, eventWords(e)), ' ', el('span', { class: 'trigger-word' }, `“${e.text}”`), ' ', status, more];
}

// One card per event: what, who to whom, where, when, how many, status and
// source, CAMEO; a click marks its triggers in the text.
function eventCard(e) {
  const head = el('button', { type: 'button', class: 'event-head', 'aria-pressed': 'false', title: e.type }, ...eventTitle(e));
  head.addEventListener('click', () => focusEvent(e.index));
  return el('li', {
    class: 'event-card', 'data-event-type': e.type, 'data-event': String(e.index), 'data-actors': e.involved.join(' '),
  }, head, eventRows(e));
}

// Filters of the event cards by type and by an actor they involve; the
// choices are the types and actors of this article's events. The worker
// filters all of them; the page shows the first page of the result.
function renderEventFilters(s) {
  const actors = [...s.eventActors].sort((a, b) => s.actors[a].name.localeCompare(s.actors[b].name));
  const fill = (select, options) => {
    select.replaceChildren(el('option', { value: '' }, 'all'),
      ...options.map(([value, label]) => el('option', { value }, label)));
    select.onchange = applyEventFilters;
  };
  fill($('event-type'), s.eventTypes.map((t) => [t, `${eventWords({ type: t, arguments: [] })} (${t})`]));
  fill($('event-actor'), actors.map((a) => [String(a), s.actors[a].name]));
  $('events').dataset.filter = '|';
}

async function applyEventFilters() {
  const filter = { type: $('event-type').value, actor: $('event-actor').value };
  const page = await ask('filter', { filter });
  if ($('event-type').value !== filter.type || $('event-actor').value !== filter.actor) return;
  renderList('events', page, false);
  $('events').dataset.filter = `${filter.type}|${filter.actor}`;
}

function focusEvent(i) {
  const button = $('events').querySelector(`li[data-event="${i}"] button`);
  const marks = [...$('doc').querySelectorAll(`mark.trigger[data-event="${i}"]`)];
  const on = button ? button.getAttribute('aria-pressed') !== 'true' : !marks[0]?.classList.contains('focus');
  clearFocus();
  if (!on) return;
  button?.setAttribute('aria-pressed', 'true');
  for (const m of marks) m.classList.add('focus');
  marks[0]?.scrollIntoView({ block: 'center', behavior: scrolling() });
}

function formatValue(q) {
  const sign = q.comparator ? `${COMPARATOR_SIGNS[q.comparator]} ` : '';
  const value = Number.isInteger(q.value) ? q.value.toLocaleString('en-US') : q.value.toPrecision(3);
  const unit = q.label === 'PERCENT' ? '%' : q.unit ? ` ${q.unit}` : '';
  return `${sign}${value}${unit}`;
}

/** How often an item is said, when more than once. */
const often = (n) => (n > 1 ? el('span', { class: 'meta' }, ` ×${n}`) : '');

/** An item of a side list, by list. */
const ITEMS = {
  events: eventCard,
  // one row per actor (its mentions merged by the core); a click marks all
  // its mentions and pronoun references in the text
  entities: (a) => {
    const b = el('button', { type: 'button', class: 'actor', 'data-actor': String(a.index), 'aria-pressed': 'false' },
      pill(a.label), a.name, ' ', el('span', { class: 'meta' }, actorMeta(a)));
    b.addEventListener('click', () => focusActor(a.index));
    return el('li', {}, b);
  },
  times: (t) => {
    const mod = t.mod ? ` (${t.mod.toLowerCase().replace('_', ' ')})` : '';
    return el('li', {}, pill(t.type === 'TIME' ? 'TIME' : 'DATE', t.type.toLowerCase()),
      `“${t.text}” → `, ...timeValue(t.value), mod, often(t.n));
  },
  quantities: (q) => el('li', {}, pill(q.label), `“${q.text}” → `, el('strong', {}, formatValue(q)),
    q.counted ? ` ${q.counted.text}` : '', often(q.n)),
  quotes: (q) => {
    const who = el('span', { class: 'speaker' }, q.speaker ? q.speaker.text : 'unknown speaker');
    const parts = [who];
    if (q.speaker_ref) parts.push(' → ', el('span', { class: 'speaker speaker-ref' }, q.speaker_ref.text));
    if (q.cue) parts.push(el('span', { class: 'meta' }, ` (${q.cue.text})`));
    const head = el('button', { type: 'button', class: 'quote-head', 'aria-pressed': 'false', title: 'show the quote and its speaker in the text' },
      el('blockquote', {}, `“${q.text}”`));
    head.addEventListener('click', () => focusQuote(q));
    return el('li', { class: 'quote', 'data-quote': String(q.index) }, head, el('div', {}, '— ', ...parts));
  },
  frames: (f) => {
    const args = f.arguments.map((a) => el('li', { 'data-role': a.role },
      el('span', { class: 'role', title: a.role }, a.descr ?? a.role), ' ', a.text));
    const sense = [f.roleset, f.name].filter(Boolean).join(': ');
    return el('li', { class: 'frame', 'data-roleset': f.roleset ?? '' },
      el('strong', {}, f.text), ' ', el('span', { class: 'meta' }, sense), el('ul', { class: 'args' }, ...args));
  },
};

/** The worker's name of a list shown under another id. */
const LISTS = { entities: 'actors' };
const COUNTS = { events: 'n-events', entities: 'n-entities', times: 'n-times', quantities: 'n-quantities', quotes: 'n-quotes', frames: 'n-frames' };

/**
 * Show a page of one of the side lists (`append`: after what is shown);
 * past the first page a button asks the worker for the next.
 */
function renderList(name, { items, total, offset = 0 }, append) {
  const list = $(name);
  if (!append) list.replaceChildren();
  list.querySelector(':scope > li.more')?.remove();
  for (const item of items) list.append(ITEMS[name](item));
  const shown = offset + items.length;
  if (shown < total) {
    const more = el('button', { type: 'button', class: 'more' }, `Show more (${shown} of ${total} shown)`);
    more.addEventListener('click', async () => {
      more.disabled = true;
      renderList(name, await ask('page', { list: LISTS[name] ?? name, offset: shown }), true);
    });
    list.append(el('li', { class: 'more' }, more));
  }
  const all = name === 'events' ? view.summary.counts.events : total;
  $(COUNTS[name]).textContent = total === all ? `(${total})` : `(${total} of ${all})`;
}

function focusQuote(q) {
  const i = q.index;
  const button = $('quotes').querySelector(`li[data-quote="${i}"] button`);
  const on = button.getAttribute('aria-pressed') !== 'true';
  clearFocus();
  if (!on) return;
  button.setAttribute('aria-pressed', 'true');
  const doc = $('doc');
  for (const q of doc.querySelectorAll(`[data-quote="${i}"]`)) q.classList.add('focus');
  // the speaker: the name as highlighted, or else its words in the text
  const words = [];
  for (const who of [q.speaker, q.speaker_ref]) {
    if (!who) continue;
    const name = doc.querySelector(`mark.ent[data-start="${who.start}"]`);
    if (name) name.classList.add('focus', 'speaker-focus'); else words.push(who);
  }
  markTexts(doc, words);
  doc.querySelector(`[data-quote="${i}"]`)?.scrollIntoView({ block: 'center', behavior: scrolling() });
}

// The details of what is focused or clicked in the text (a name or an
// event's trigger), reachable by keyboard: every highlight takes the focus.
let shownDetails = 0;
async function showDetails(mark) {
  const box = $('details');
  const mine = ++shownDetails;
  if (!mark) {
    box.replaceChildren(el('p', { class: 'meta' }, 'Select a highlight in the text (click it, or Tab to it; Enter moves here, Escape back) to see its details here.'));
    return;
  }
  if (mark.classList.contains('trigger')) {
    const e = await ask('event', { index: Number(mark.dataset.event) });
    if (mine !== shownDetails) return;
    const show = el('button', { type: 'button' }, 'Mark its mentions');
    show.addEventListener('click', () => focusEvent(e.index));
    box.replaceChildren(el('p', {}, ...eventTitle(e)), eventRows(e), show);
    return;
  }
  const label = mark.dataset.label;
  const parts = [el('p', {}, pill(label), el('strong', {}, mark.textContent), ' ',
    el('span', { class: 'meta' }, mark.title))];
  if (mark.dataset.actor !== undefined) {
    const i = Number(mark.dataset.actor);
    const a = view.summary.actors[i];
    const rows = [['Name', a.name], ['Role', a.role], ['CAMEO code', a.code], ['Kind', a.kind], ['Country', a.country],
      ['Coordinates', a.lat !== null ? `${a.lat}, ${a.lon}` : null], ['Government of', a.government_of],
      ['Mentions', String(a.n)]].filter(([, v]) => v);
    parts.push(el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
    const all = el('button', { type: 'button' }, 'Mark all its mentions');
    all.addEventListener('click', () => focusActor(i));
    parts.push(all);
  }
  if (mark.dataset.quote !== undefined) parts.push(el('p', { class: 'meta' }, 'Inside a quote.'));
  box.replaceChildren(...parts);
}

// The map: the places with coordinates over an offline world outline
// (Natural Earth, www/world.json), framed on them; a click or Enter on a
// place marks its mentions.
let world = null;
function loadWorld() {
  world ??= fetch(new URL('./world.json', import.meta.url)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return world;
}

async function renderMap(places) {
  const box = $('map');
  $('map-section').hidden = places.length === 0;
  box.replaceChildren();
  if (!places.length) return;
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((mid * Math.PI) / 180);
  // the frame: the places with a margin, at least 6° across, at most the world
  const [x0, x1] = [Math.min(...lons) * k, Math.max(...lons) * k];
  const [y0, y1] = [-Math.max(...lats), -Math.min(...lats)];
  const home = {
    cx: (x0 + x1) / 2, cy: (y0 + y1) / 2,
    span: Math.min(360, Math.max(6, (x1 - x0) * 1.3, (y1 - y0) * 1.3 * 1.6)),
  };
  let view = { ...home };
  const map = svg('svg', {
    role: 'group', 'aria-label': 'Map of the places with coordinates (arrows move it, + and − zoom)',
    preserveAspectRatio: 'xMidYMid slice', tabindex: '0',
  });
  const sea = svg('rect', { class: 'sea' });
  const outline = svg('g', { class: 'world' });
  const layer = svg('g');
  map.append(sea, outline, layer);
  // the frame alone while a drag moves it; the marks and their labels
  // laid out again once a frame after each change
  const frame = () => {
    const { cx, cy, span } = view;
    const f = { x0: cx - span / 2, x1: cx + span / 2, y0: cy - span / 3.2, y1: cy + span / 3.2 };
    map.setAttribute('viewBox', `${f.x0} ${f.y0} ${span} ${f.y1 - f.y0}`);
    for (const [a, v] of Object.entries({ x: f.x0, y: f.y0, width: span, height: f.y1 - f.y0 })) sea.setAttribute(a, v);
    return f;
  };
  const layout = () => layer.replaceChildren(...placeMarks(places, k, view.span, frame()));
  let pending = false;
  const draw = () => {
    frame();
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      layout();
    });
  };
  // zoom (buttons, the wheel) and pan (a drag); the marks keep their size
  const zoom = (by, at = null) => {
    const span = Math.min(360, Math.max(1.5, view.span * by));
    // the point under the pointer stays where it is
    const [px, py] = at ?? [view.cx, view.cy];
    view = { cx: px + (view.cx - px) * (span / view.span), cy: py + (view.cy - py) * (span / view.span), span };
    draw();
  };
  const toSvg = (e) => {
    const m = map.getScreenCTM()?.inverse();
    if (!m) return null;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(m);
    return [pt.x, pt.y];
  };
  // the wheel zooms with Ctrl or ⌘ held (a trackpad's pinch sends that),
  // and scrolls the page without; a double click zooms in where it is
  map.addEventListener('wheel', (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, toSvg(e));
  }, { passive: false });
  map.addEventListener('dblclick', (e) => { e.preventDefault(); zoom(0.5, toSvg(e)); });
  let drag = null;
  map.addEventListener('pointerdown', (e) => { drag = { at: toSvg(e), x: e.clientX, y: e.clientY, moved: false }; });
  map.addEventListener('pointermove', (e) => {
    if (!drag || !drag.at) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    if (!drag.moved) map.setPointerCapture(e.pointerId);
    drag.moved = true;
    const now = toSvg(e);
    if (!now) return;
    view = { ...view, cx: view.cx - (now[0] - drag.at[0]), cy: view.cy - (now[1] - drag.at[1]) };
    frame();
  });
  const end = () => {
    if (drag?.moved) draw();
    setTimeout(() => { drag = null; }, 0);
  };
  map.addEventListener('pointerup', end);
  map.addEventListener('pointercancel', end);
  // a drag that ends on a place is no click on it
  map.addEventListener('click', (e) => { if (drag?.moved) e.stopPropagation(); }, true);
  // by keyboard: the arrows move the map, + and − zoom
  map.addEventListener('keydown', (e) => {
    if (e.target !== map) return;
    const step = view.span / 8;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      view = { ...view, cx: view.cx + moves[e.key][0], cy: view.cy + moves[e.key][1] };
      draw();
    } else if (e.key === '+' || e.key === '=') zoom(0.5);
    else if (e.key === '-' || e.key === '−') zoom(2);
    else return;
    e.preventDefault();
  });
  const tool = (text, label, act) => {
    const b = el('button', { type: 'button', title: label, 'aria-label': label }, text);
    b.addEventListener('click', act);
    return b;
  };
  const tools = el('div', { class: 'map-tools' },
    tool('+', 'Zoom in', () => zoom(0.5)),
    tool('−', 'Zoom out', () => zoom(2)),
    tool('⌂', 'Show all the places', () => { view = { ...home }; draw(); }));
  layout();
  box.append(map, tools);
  // the outline in a task of its own: its paths are long
  const w = await loadWorld();
  await nextTask();
  if (!w || !box.contains(map)) return;
  outline.setAttribute('transform', `scale(${w.step * k} ${-w.step})`);
  outline.append(svg('path', { d: w.land, class: 'land', 'vector-effect': 'non-scaling-stroke' }),
    svg('path', { d: w.borders, class: 'borders', 'vector-effect': 'non-scaling-stroke' }));
}

/** The dots and labels of the places in frame `f`, `span` wide (x scaled by `k`). */
function placeMarks(places, k, span, f) {
  const r = span / 90;
  const size = r * 3.2;
  const biggest = Math.max(...places.map((p) => p.mentions));
  // the places in the frame only (zoomed in on a long article, most are out of it)
  const dots = [...places].sort((a, b) => b.mentions - a.mentions).map((p) => ({
    p, x: p.lon * k, y: -p.lat, rad: r * (1 + Math.sqrt(p.mentions / biggest)),
  })).filter((d) => d.x + d.rad > f.x0 && d.x - d.rad < f.x1 && d.y + d.rad > f.y0 && d.y - d.rad < f.y1);
  // the most mentioned places are labelled first, each right of its dot,
  // else left, above or below: the first spot inside the frame that covers
  // no dot and no label; a place with no such spot keeps its title and its
  // name for screen readers
  const taken = dots.map((d) => ({ x0: d.x - d.rad, x1: d.x + d.rad, y0: d.y - d.rad, y1: d.y + d.rad, p: d.p }));
  const free = (b, p) => b.x0 >= f.x0 && b.x1 <= f.x1 && b.y0 >= f.y0 && b.y1 <= f.y1
    && taken.every((o) => o.p === p || b.x1 < o.x0 || b.x0 > o.x1 || b.y1 < o.y0 || b.y0 > o.y1);
  return dots.map(({ p, x, y, rad }) => {
    const what = `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.mentions} mention${p.mentions === 1 ? '' : 's'}, ${p.events} event${p.events === 1 ? '' : 's'}`;
    const g = svg('g', {
      class: 'place', tabindex: '0', role: 'button', 'aria-label': what, 'data-name': p.name, 'data-actor': String(p.actor),
    }, svg('title', {}, what),
    svg('circle', { cx: x, cy: y, r: rad, class: p.events ? 'has-events' : '' }));
    const w = p.name.length * size * 0.58;
    const gap = rad + r * 0.6;
    // (text x, baseline y, text-anchor) of each spot, and the box it covers
    const spots = [
      [x + gap, y + size * 0.35, 'start'],
      [x - gap, y + size * 0.35, 'end'],
      [x, y - gap - size * 0.25, 'middle'],
      [x, y + gap + size * 0.85, 'middle'],
    ].map(([tx, ty, anchor]) => {
      const left = anchor === 'start' ? tx : anchor === 'end' ? tx - w : tx - w / 2;
      return { tx, ty, anchor, box: { x0: left, x1: left + w, y0: ty - size * 0.85, y1: ty + size * 0.25 } };
    });
    const spot = spots.find((c) => free(c.box, p));
    if (spot) {
      taken.push(spot.box);
      g.append(svg('text', { x: spot.tx, y: spot.ty, 'font-size': size, 'text-anchor': spot.anchor }, p.name));
    }
    g.addEventListener('click', () => focusActor(p.actor));
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focusActor(p.actor); } });
    return g;
  });
}

// The timeline: each date the article's events and times fall on, in
// order, with its events (a click marks them in the text) and times.
function renderTimeline(days) {
  const list = $('timeline');
  list.replaceChildren();
  $('timeline-section').hidden = days.length === 0;
  for (const d of days) {
    const events = d.events.map((e) => {
      const b = el('button', { type: 'button', class: 'chip', 'data-event': String(e.index), title: e.type },
        eventWords({ type: e.type, arguments: [] }), ' ', el('span', { class: 'trigger-word' }, `“${e.text}”`));
      if (e.status !== 'asserted') b.append(' ', el('span', { class: `status status-${e.status}` }, e.status));
      b.addEventListener('click', () => focusEvent(e.index));
      return b;
    });
    const ts = d.times.map((t) => el('span', { class: 'chip time' }, `“${t.text}”`));
    const more = d.more ? [el('span', { class: 'meta' }, `and ${d.more} more event${d.more === 1 ? '' : 's'}`)] : [];
    list.append(el('li', { 'data-date': d.date }, el('div', { class: 'date' }, ...timeValue(d.date)), el('div', { class: 'chips' }, ...events, ...more, ...ts)));
  }
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

// A file name from the article's headline (its first line): "turkey-says-
// three-soldiers-killed-in-idlib.json"; "lede" when there is none.
function fileName(text, extension) {
  const headline = text.trim().split('\n')[0] ?? '';
  const slug = headline.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${slug || 'lede'}.${extension}`;
}

function loadFile(file) {
  if (!file) return;
  file.text().then((t) => {
    $('text').value = t;
    run();
  }, (e) => showError(`could not read ${file.name}: ${e.message}`));
}

function save(contents, name) {
  const a = el('a', { href: URL.createObjectURL(contents), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The downloads, named after the headline: the analysis as JSON with the
// text and the options it was made with; the events and the entities as
// CSV and the placed places and events as GeoJSON, written by the core.
const DOWNLOADS = {
  json: ['json', 'application/json'],
  csv: ['csv', 'text/csv'],
  'entities-csv': ['entities.csv', 'text/csv'],
  geojson: ['geojson', 'application/geo+json'],
};
async function download(kind) {
  if (!view) return;
  const [extension, type] = DOWNLOADS[kind];
  const name = fileName(view.text, extension);
  try {
    const out = await ask(kind, { doc: name });
    save(out instanceof Blob ? out : new Blob([out], { type }), name);
  } catch (e) {
    showError(e.message);
  }
}

async function setup() {
  $('status').textContent = 'Loading the analyzer…';
  const loaded = await new Promise((resolve) => {
    const first = ({ data }) => {
      if (data.type === 'progress') {
        const mb = (n) => (n / 1e6).toFixed(1);
        const share = data.total && data.loaded <= data.total ? `${Math.round((100 * data.loaded) / data.total)}% of ${mb(data.total)} MB` : `${mb(data.loaded)} MB`;
        $('status').textContent = data.done ? 'Preparing the models…' : `Loading the analyzer… ${share}`;
        return;
      }
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
  $('download-entities').addEventListener('click', () => download('entities-csv'));
  $('download-geojson').addEventListener('click', () => download('geojson'));
  const doc = $('doc');
  doc.addEventListener('focusin', (e) => { if (e.target.matches('mark[tabindex]')) showDetails(e.target); });
  // Enter on a highlight moves into its details; Escape there goes back
  let from = null;
  doc.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter' || !e.target.matches('mark[tabindex]')) return;
    e.preventDefault();
    from = e.target;
    await showDetails(from);
    $('details').focus();
  });
  $('details').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && from?.isConnected) from.focus();
  });
  doc.addEventListener('click', (e) => {
    const m = e.target.closest('mark[tabindex]');
    if (m) showDetails(m);
  });
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
