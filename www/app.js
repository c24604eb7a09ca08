// The page only renders what lede's core returns; no extraction happens here.
import { analyze, version } from './pkg/index.js';
import { SAMPLE_TEXT, SAMPLE_DATE } from './sample.js';

const $ = (id) => document.getElementById(id);
const LABEL_NAMES = {
  PERSON: 'person', NORP: 'nationality / group', FAC: 'facility', ORG: 'organization',
  GPE: 'country / city', LOC: 'location', PRODUCT: 'product', EVENT: 'event', DATE: 'date',
  TIME: 'time', MONEY: 'money', PERCENT: 'percent', QUANTITY: 'measure', ORDINAL: 'ordinal',
  CARDINAL: 'number', MISC: 'other',
};
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

function run() {
  showError('');
  const text = $('text').value;
  const date = $('date').value || null;
  const t0 = performance.now();
  let out;
  try {
    out = analyze(text, { date, frames: true });
  } catch (e) {
    showError(e.message);
    $('results').hidden = true;
    return;
  }
  const ms = performance.now() - t0;
  last = { text, out };
  render(text, out);
  $('status').textContent = `${out.sentences.length} sentences, ${out.entities.length} entities, ` +
    `${out.frames.length} predicates, ${out.quotes.length} quotes in ${ms.toFixed(1)} ms`;
}

function render(text, out) {
  renderDoc(text, out.entities);
  renderLegend(out.entities);
  renderEntities(out.entities);
  renderTimes(out.times);
  renderQuantities(out.quantities);
  renderQuotes(out.quotes);
  renderFrames(text, out.frames ?? []);
  $('results').hidden = false;
}

function renderDoc(text, entities) {
  const doc = $('doc');
  doc.replaceChildren();
  let at = 0;
  for (const e of entities) {
    if (e.start < at) continue;
    doc.append(text.slice(at, e.start));
    const title = [LABEL_NAMES[e.label] ?? e.label, e.kind, e.country].filter(Boolean).join(' · ');
    const mark = el('mark', {
      class: 'ent', 'data-label': e.label, title,
      style: `background: var(--${e.label})`,
    }, text.slice(e.start, e.end));
    doc.append(mark);
    at = e.end;
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
    const b = el('button', {
      type: 'button', 'data-label': label, style: `background: var(--${label})`,
      title: `show or hide ${LABEL_NAMES[label]}`,
    }, `${label} · ${LABEL_NAMES[label]} (${counts.get(label)})`);
    b.classList.toggle('off', hidden.has(label));
    b.addEventListener('click', () => {
      if (hidden.has(label)) hidden.delete(label); else hidden.add(label);
      b.classList.toggle('off', hidden.has(label));
      applyHidden();
    });
    legend.append(b);
  }
}

function pill(label, text = label) {
  return el('span', { class: 'pill', style: `background: var(--${label})` }, text);
}

function renderEntities(entities) {
  const groups = new Map();
  for (const e of entities) {
    if (e.source === 'quantity') continue;
    const key = `${e.label}\u0000${e.text}`;
    const g = groups.get(key) ?? { ...e, n: 0 };
    g.n += 1;
    groups.set(key, g);
  }
  const list = $('entities');
  list.replaceChildren();
  for (const g of groups.values()) {
    const meta = [g.kind, g.country, g.n > 1 ? `×${g.n}` : ''].filter(Boolean).join(' · ');
    list.append(el('li', {}, pill(g.label), g.text, ' ', el('span', { class: 'meta' }, meta)));
  }
  $('n-entities').textContent = `(${groups.size})`;
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

function renderTimes(times) {
  const list = $('times');
  list.replaceChildren();
  for (const t of times) {
    const mod = t.mod ? ` (${t.mod.toLowerCase().replace('_', ' ')})` : '';
    list.append(el('li', {}, pill(t.type === 'TIME' ? 'TIME' : 'DATE', t.type.toLowerCase()),
      `“${t.text}” → `, el('strong', {}, t.value), mod));
  }
  $('n-times').textContent = `(${times.length})`;
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

function download() {
  if (!last) return;
  const blob = new Blob([JSON.stringify(last.out, null, 2)], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: 'lede.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function init() {
  $('version').textContent = version();
  $('analyze').disabled = false;
  $('status').textContent = 'Ready.';
  $('analyze').addEventListener('click', run);
  $('sample').addEventListener('click', () => {
    $('text').value = SAMPLE_TEXT;
    $('date').value = SAMPLE_DATE;
    run();
  });
  $('file').addEventListener('change', (e) => loadFile(e.target.files[0]));
  $('download').addEventListener('click', download);
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

init();
