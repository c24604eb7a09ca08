// The page in real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; each launch gets a fresh temporary profile): load, analyze
// the seed article, check what is rendered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  startPage, OUT, analyzeIn, reloadOffline,
} from './serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(root, '../shared/examples/idlib-2020.txt');

let env;
before(async () => { env = await startPage(); });
after(async () => { await env?.stop(); });

const openPage = () => env.openPage();

/**
 * The README's screenshots: taken by the tests into test-output/ and, with
 * LEDE_SCREENSHOTS=docs (scripts/screenshots.sh), into docs/ too.
 */
async function readmeShot(page, name) {
  const shot = await page.screenshot({ type: 'jpeg', quality: 80 });
  await writeFile(join(OUT, name), shot);
  if (process.env.LEDE_SCREENSHOTS) await writeFile(join(root, process.env.LEDE_SCREENSHOTS, name), shot);
}


test('seed article: highlights, quotes with speakers, no console errors', async () => {
  const { context, page, problems } = await openPage();
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');

  const marks = await page.$$eval('#doc mark.ent', (ms) => ms.map((m) => `${m.textContent}/${m.dataset.label}`));
  for (const want of ['Idlib/GPE', 'Ankara/GPE', 'Aleppo/GPE', 'Saraqib/GPE', 'Turkish/NORP', 'Syrian/NORP', 'Russian/NORP']) {
    assert.ok(marks.includes(want), `no highlight ${want}; got ${[...new Set(marks)].join(', ')}`);
  }
  const legend = await page.$$eval('#legend button', (bs) => bs.map((b) => b.dataset.label));
  assert.ok(legend.includes('GPE') && legend.includes('NORP'));

  const quotes = await page.$$eval('#quotes li', (ls) => ls.map((l) => l.textContent));
  const byErdogan = quotes.filter((q) => /— .*Erdogan/.test(q));
  assert.equal(byErdogan.length, 3, quotes.join('\n'));
  assert.ok(quotes.some((q) => q.includes('The fighting continues and will continue') && /Erdogan/.test(q)));
  assert.ok(quotes.some((q) => /— .*Hulusi Akar/.test(q)));

  const text = await page.$eval('#doc', (d) => d.textContent);
  assert.equal(text, await page.$eval('#text', (t) => t.value), 'the rendered text is the input text');

  // who did what: the predicates with their roles, as the core labels them
  const frames = await page.$$eval('#frames > li', (ls) => ls.map((l) => ({
    verb: l.querySelector('strong').textContent,
    text: l.textContent,
  })));
  const retook = frames.find((f) => f.verb === 'retook');
  assert.ok(retook, frames.map((f) => f.verb).join(', '));
  assert.ok(retook.text.includes('Turkish forces and their Syrian proxies'), retook.text);
  assert.ok(retook.text.includes('the key town of Saraqib'), retook.text);
  const roles = await page.$$eval('#frames .args li', (ls) => ls.map((l) => l.dataset.role));
  assert.ok(roles.includes('ARG0') && roles.includes('ARGM-TMP'), roles.join(' '));

  await page.screenshot({ path: join(OUT, 'page-idlib.png'), fullPage: true });
  await page.$eval('#results', (r) => r.scrollIntoView());
  await readmeShot(page, 'screenshot.jpg');
  assert.deepEqual(problems, []);
  await context.close();
});

test('seed article: event cards say who did what to whom, where, when, how many', async () => {
  const { context, page, problems } = await openPage();
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');
  const cards = await page.$$eval('#events li.event-card', (ls) => ls.map((l) => ({
    type: l.dataset.eventType, text: l.textContent,
  })));
  const killing = cards.find((c) => c.type === 'Life.Die.Unspecified' && c.text.includes('Idlib'));
  assert.ok(killing, cards.map((c) => `${c.type}: ${c.text}`).join('\n'));
  for (const want of ['Killing', 'Three Turkish soldiers', 'Syrian regime forces', '3 killed', 'TURMIL', '2020-02-27', 'Recep Tayyip Erdogan']) {
    assert.ok(killing.text.includes(want), `no ${want} in ${killing.text}`);
  }
  const retaking = cards.find((c) => c.type === 'Conflict.Capture.Unspecified' && c.text.includes('retook'));
  assert.ok(retaking, cards.map((c) => c.text).join('\n'));
  assert.ok(retaking.text.includes('Saraqib') && retaking.text.includes('Turkish forces'), retaking.text);
  const call = cards.find((c) => c.type === 'Contact.Contact.Correspondence');
  assert.ok(call && /planned/i.test(call.text), call?.text);

  // every mention's trigger is marked in the text; a click on a card focuses its own
  const triggers = await page.$$eval('#doc mark.trigger', (ms) => ms.map((m) => m.textContent));
  assert.ok(triggers.includes('retook') && triggers.includes('killed'), triggers.join(', '));
  assert.equal(await page.$eval('#doc', (d) => d.textContent), await page.$eval('#text', (t) => t.value));
  const i = cards.indexOf(retaking);
  await page.click(`#events li[data-event="${i}"] button.event-head`);
  assert.deepEqual(await page.$$eval('#doc mark.trigger.focus', (ms) => ms.map((m) => m.textContent)), ['retook']);

  // the downloads, named after the headline: the JSON holds the text, the
  // options and the analysis with its events; the CSV a row per event; the
  // GeoJSON the placed places and events
  const save = async (button) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: d.suggestedFilename(), body: await readFile(await d.path(), 'utf8') };
  };
  const headline = (await readFile(SEED, 'utf8')).trim().split('\n')[0];
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20);
  const json = await save('#download');
  assert.ok(json.name.startsWith(slug) && json.name.endsWith('.json'), json.name);
  const saved = JSON.parse(json.body);
  assert.equal(saved.text, await page.$eval('#text', (t) => t.value));
  assert.deepEqual(saved.options, { date: '2020-02-27', frames: true });
  assert.equal(saved.analysis.events.length, cards.length);
  assert.ok(saved.analysis.events.some((e) => e.text === 'retook' && e.cameo.root === '19'));
  const csv = await save('#download-csv');
  assert.ok(csv.name.endsWith('.csv'), csv.name);
  const rows = csv.body.trim().split('\n');
  assert.ok(rows[0].startsWith('doc,event,date,date_from,type,'), rows[0]);
  assert.equal(rows.length, 1 + cards.length);
  assert.ok(rows.some((r) => r.includes('Conflict.Capture.Unspecified') && r.includes('retook')));
  const entities = await save('#download-entities');
  assert.ok(entities.name.startsWith(slug) && entities.name.endsWith('.entities.csv'), entities.name);
  const erows = entities.body.trim().split('\n');
  assert.ok(erows[0].startsWith('doc,actor,name,label,kind,role,code,'), erows[0]);
  assert.ok(erows.some((r) => r.includes(',Recep Tayyip Erdogan,PERSON,') && r.includes(',President,TURGOV,')), erows.join('\n'));
  assert.ok(erows.some((r) => r.includes(',Idlib,GPE,') && r.includes(',35.9,36.6,')), erows.join('\n'));
  const geo = await save('#download-geojson');
  assert.ok(geo.name.endsWith('.geojson'), geo.name);
  const fc = JSON.parse(geo.body);
  assert.equal(fc.type, 'FeatureCollection');
  const named = fc.features.map((f) => f.properties.name ?? f.properties.place);
  for (const want of ['Idlib', 'Saraqib', 'Ankara']) assert.ok(named.includes(want), `${want} not placed: ${named}`);
  assert.ok(fc.features.some((f) => f.properties.feature === 'event' && f.properties.type === 'Life.Die.Unspecified'));
  await page.$eval('#events', (r) => r.scrollIntoView());
  await page.screenshot({ path: join(OUT, 'page-idlib-events.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dropped or opened .txt file is analyzed', async () => {
  const { context, page, problems } = await openPage();
  await page.setInputFiles('#file', SEED);
  await page.waitForSelector('#results:not([hidden])');
  const n = await page.$$eval('#doc mark.ent[data-label="GPE"]', (ms) => ms.length);
  assert.ok(n > 10, `only ${n} GPE highlights`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the actor list has one row a person, and a click marks all its mentions', async () => {
  const { context, page, problems } = await openPage();
  await page.setInputFiles('#file', SEED);
  await page.waitForSelector('#results:not([hidden])');
  const rows = await page.$$eval('#entities button.actor', (bs) => bs.map((b) => b.textContent));
  const erdogan = rows.filter((r) => r.includes('Erdogan'));
  assert.equal(erdogan.length, 1, rows.join('\n'));
  assert.ok(erdogan[0].includes('President') && erdogan[0].includes('TURGOV'), erdogan[0]);
  assert.ok(rows.some((r) => r.includes('Syrian Arab Army') && r.includes('SYRMIL')), rows.join('\n'));
  assert.ok(!rows.some((r) => /PERSON\s*Erdogan\b/.test(r)), rows.join('\n'));
  const i = rows.findIndex((r) => r.includes('Recep Tayyip Erdogan'));
  await page.click(`#entities button.actor[data-actor="${i}"]`);
  const marked = await page.$$eval('#doc mark.ent.focus', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marked, ['Recep Tayyip Erdogan', 'Erdogan', 'Recep Tayyip Erdogan']);
  const refs = await page.$$eval('#doc mark.ref', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(refs, ['He', 'he', 'he']);
  assert.equal(await page.getAttribute(`#entities button.actor[data-actor="${i}"]`, 'aria-pressed'), 'true');
  // a second click clears the marks and leaves the text as it was
  const before = await page.$eval('#doc', (d) => d.textContent);
  await page.click(`#entities button.actor[data-actor="${i}"]`);
  assert.equal(await page.$$eval('#doc mark.focus', (ms) => ms.length), 0);
  assert.equal(await page.$eval('#doc', (d) => d.textContent), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('sample article renders entities, times, quantities and quotes', async () => {
  const { context, page, problems } = await openPage();
  await page.click('#sample');
  await page.waitForSelector('#results:not([hidden])');
  const times = await page.$$eval('#times li', (ls) => ls.map((l) => l.textContent));
  assert.ok(times.some((t) => t.includes('“Thursday” → Thu 14 Mar 2024 (2024-03-14)')), times.join('\n'));
  assert.ok(times.some((t) => t.includes('“late February” → Feb 2024 (2024-02)') && t.includes('end')), times.join('\n'));
  assert.ok(times.some((t) => t.includes('48 hours') && t.includes('PT48H')), times.join('\n'));
  const quantities = await page.$$eval('#quantities li', (ls) => ls.map((l) => l.textContent));
  // a number says what it counts
  assert.ok(quantities.some((q) => q.includes('more than a hundred') && q.includes('> 100 villages')), quantities.join('\n'));
  const quotes = await page.$$eval('#quotes li', (ls) => ls.map((l) => l.textContent));
  assert.ok(quotes.some((q) => q.includes('Amina Hassan')), quotes.join('\n'));
  await page.screenshot({ path: join(OUT, 'page-sample.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('works offline once loaded', async () => {
  const { context, page, problems } = await openPage();
  await reloadOffline(context, page);
  await analyzeIn(page, 'Turkish troops entered Idlib.');
  const marks = await page.$$eval('#doc mark.ent', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marks, ['Turkish', 'Idlib']);
  await context.close();
  assert.deepEqual(problems.filter((p) => !p.startsWith('requestfailed')), []);
});

test('the page shows how much of the analyzer has loaded', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.statuses = [];
    new MutationObserver(() => {
      const s = document.getElementById('status')?.textContent;
      if (s && s !== window.statuses.at(-1)) window.statuses.push(s);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(env.base);
  await page.waitForSelector('#analyze:not([disabled])');
  const seen = await page.evaluate(() => window.statuses);
  assert.ok(seen.some((s) => /^Loading the analyzer… \d+% of \d+\.\d MB$/.test(s)), seen.join(' | '));
  assert.ok(seen.includes('Preparing the models…'), seen.join(' | '));
  assert.equal(seen.at(-1), 'Ready.');
  await context.close();
});

test('the results panel shows only after an analysis, and an error clears it', async () => {
  const { context, page, problems } = await openPage();
  const shown = () => page.$eval('#results', (r) => getComputedStyle(r).display !== 'none' && r.offsetHeight > 0);
  await page.waitForFunction(() => !document.querySelector('#analyze').disabled);
  assert.equal(await shown(), false, 'no results panel (nor its Download button) before an analysis');
  await analyzeIn(page, 'Turkish troops entered Idlib on Thursday.');
  assert.equal(await shown(), true);
  // an error: the panel goes, and nothing of the old article stays
  await page.evaluate(() => { document.querySelector('#text').value = 'Idlib \ud800 Ankara'; });
  await page.click('#analyze');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await shown(), false);
  assert.equal(await page.$$eval('#doc mark', (ms) => ms.length), 0);
  assert.doesNotMatch(await page.textContent('#status'), /sentences/);
  await context.close();
  assert.deepEqual(problems, []);
});

test('the legend toggles say whether they are pressed', async () => {
  const { context, page, problems } = await openPage();
  await analyzeIn(page, 'Turkish troops entered Idlib on Thursday.');
  assert.equal(await page.getAttribute('#legend', 'role'), 'group');
  const gpe = '#legend button[data-label="GPE"]';
  assert.equal(await page.getAttribute(gpe, 'aria-pressed'), 'true');
  await page.click(gpe);
  assert.equal(await page.getAttribute(gpe, 'aria-pressed'), 'false');
  await context.close();
  assert.deepEqual(problems, []);
});

test('dark theme follows the system setting', async () => {
  const { context, page, problems } = await openPage();
  const luminance = () => page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(await luminance() > 0.8, 'light background');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(await luminance() < 0.2, 'dark background');
  // the article's panel and the text follow
  await analyzeIn(page, 'Turkish troops entered Idlib on Thursday.');
  const doc = await page.$eval('#doc', (d) => [getComputedStyle(d).backgroundColor, getComputedStyle(d).color]);
  assert.notEqual(doc[0], 'rgb(255, 255, 255)', 'the article panel is not white in the dark');
  assert.notEqual(doc[1], 'rgb(29, 29, 31)', 'the text is not dark on dark');
  await readmeShot(page, 'screenshot-dark.jpg');
  await context.close();
  assert.deepEqual(problems, []);
});

test('times in words, the value beside them, and a hint when the date is missing', async () => {
  const { context, page, problems } = await openPage();
  const times = () => page.$$eval('#times li', (ls) => ls.map((l) => l.textContent));
  await analyzeIn(page, 'Erdogan spoke on Thursday. The talks lasted two weeks.');
  let t = await times();
  assert.ok(t.some((x) => x.includes('a Thursday, date unknown') && x.includes('XXXX-WXX-4')), t.join(' | '));
  assert.ok(t.some((x) => x.includes('2 weeks') && x.includes('P2W')), t.join(' | '));
  assert.equal(await page.isVisible('#date-hint'), true, 'a hint to set the date');
  await page.fill('#date', '2020-02-27');
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelector('#times').textContent.includes('Thu 27 Feb 2020'));
  t = await times();
  assert.ok(t.some((x) => x.includes('Thu 27 Feb 2020') && x.includes('(2020-02-27)')), t.join(' | '));
  assert.equal(await page.isVisible('#date-hint'), false);
  await context.close();
  assert.deepEqual(problems, []);
});

test('event cards filter by type and by an actor they involve', async () => {
  const { context, page, problems } = await openPage();
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');
  const visible = () => page.$$eval('#events li.event-card:not([hidden])', (ls) => ls.map((l) => ({
    type: l.dataset.eventType, actors: l.dataset.actors.split(' '),
  })));
  // the worker filters every event; the page shows the result when it comes
  const filtered = (type, actor) => page.waitForFunction((f) => document.querySelector('#events').dataset.filter === f, `${type}|${actor}`);
  await filtered('', '');
  const all = await visible();
  await page.selectOption('#event-type', 'Conflict.Capture.Unspecified');
  await filtered('Conflict.Capture.Unspecified', '');
  const captures = await visible();
  assert.ok(captures.length > 0 && captures.length < all.length, `${captures.length} of ${all.length}`);
  assert.ok(captures.every((c) => c.type === 'Conflict.Capture.Unspecified'));
  assert.match(await page.textContent('#n-events'), new RegExp(`\\(${captures.length} of ${all.length}\\)`));
  await page.selectOption('#event-type', '');
  await filtered('', '');
  // an actor: only the events that involve it
  const turkish = await page.$$eval('#event-actor option', (os) => os.find((o) => /Turkish soldiers|Turkish forces/.test(o.textContent))?.value);
  assert.ok(turkish, 'a Turkish actor to filter by');
  await page.selectOption('#event-actor', turkish);
  await filtered('', turkish);
  const theirs = await visible();
  assert.ok(theirs.length > 0 && theirs.length < all.length, `${theirs.length} of ${all.length}`);
  assert.ok(theirs.every((c) => c.actors.includes(turkish)));
  await context.close();
  assert.deepEqual(problems, []);
});

test('the map places the seed article\'s places over the world outline, and the timeline orders its events', async () => {
  const { context, page, problems } = await openPage();
  // no smooth scrolling: positions are read while nothing moves, and the
  // zoom below would be sent to whatever a scroll moved under the pointer
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');
  const places = await page.$$eval('#map g.place', (gs) => gs.map((g) => g.dataset.name));
  for (const want of ['Idlib', 'Saraqib', 'Ankara']) assert.ok(places.includes(want), `${want} not on the map: ${places}`);
  // the outline is drawn from the page's own copy of Natural Earth
  await page.waitForSelector('#map path.land');
  assert.ok((await page.getAttribute('#map path.land', 'd')).length > 10000);
  // Ankara is north-west of Idlib on the map, as on the ground
  const at = (name) => page.$eval(`#map g.place[data-name="${name}"] circle`, (c) => c.getBoundingClientRect().toJSON());
  const [ankara, idlib] = [await at('Ankara'), await at('Idlib')];
  assert.ok(ankara.x < idlib.x && ankara.y < idlib.y, `Ankara ${JSON.stringify(ankara)}, Idlib ${JSON.stringify(idlib)}`);
  // a place on the map, by keyboard: its mentions are marked
  await page.focus('#map g.place[data-name="Ankara"]');
  await page.keyboard.press('Enter');
  const marked = await page.$$eval('#doc mark.ent.focus', (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.length > 1 && marked.every((m) => m === 'Ankara'), marked.join(', '));

  // the timeline: dates in order, the day of the article with what happened on it
  const days = await page.$$eval('#timeline > li', (ls) => ls.map((l) => ({ date: l.dataset.date, text: l.textContent })));
  const dates = days.map((d) => d.date);
  assert.deepEqual(dates, [...dates].sort(), dates.join(' '));
  const day = days.find((d) => d.date === '2020-02-27');
  assert.ok(day && day.text.includes('Thu 27 Feb 2020') && day.text.includes('retook'), JSON.stringify(days));
  await page.click('#timeline li[data-date="2020-02-27"] button.chip:has-text("retook")');
  assert.deepEqual(await page.$$eval('#doc mark.trigger.focus', (ms) => ms.map((m) => m.textContent)), ['retook']);
  // zoomed in on Idlib (Ctrl and the wheel there, as a trackpad's pinch
  // sends), Saraqib's dot comes apart from Idlib's; a double click zooms
  // in too; the home button frames every place again
  // (both dots read at once, in one frame: Idlib's left edge, and how far
  // apart the two are; null while one is not drawn)
  const pair = () => page.$$eval('#map g.place circle', (cs) => {
    const [i, s] = ['Idlib', 'Saraqib'].map((n) => cs.find((c) => c.parentNode.dataset.name === n)?.getBoundingClientRect());
    return i && s ? { x: i.x, d: Math.hypot(i.x + i.width / 2 - s.x - s.width / 2, i.y + i.height / 2 - s.y - s.height / 2) } : null;
  });
  const apart = async () => (await pair())?.d ?? 0;
  const inView = () => page.$eval('#map', (m) => m.scrollIntoView({ block: 'center' }));
  await inView();
  const before = await apart();
  const idlibDot = await at('Idlib');
  await page.mouse.move(idlibDot.x + idlibDot.width / 2, idlibDot.y + idlibDot.height / 2);
  // (Chromium may merge wheel events: turn until it is zoomed, or 30 times)
  await page.keyboard.down('Control');
  for (let n = 0; n < 30 && await apart() <= before * 4; n += 1) {
    await page.mouse.wheel(0, -100);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.keyboard.up('Control');
  const zoomed = await apart();
  assert.ok(zoomed > before * 4, `Idlib and Saraqib ${before} → ${zoomed} px apart`);
  // by keyboard, from there: an arrow moves the map (the places go the
  // other way, as far apart as they were), − and + zoom out and in again
  // about the middle. (The marks are laid out again a frame after the view
  // changes: until then, a place may be missing, so the waits allow that.)
  await page.focus('#map svg');
  const settled = async (x, lo, hi) => {
    for (let n = 0; n < 100; n += 1) {
      const p = await pair();
      if (p && p.x > x && p.d > lo && p.d < hi) return;
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    assert.fail(`Idlib right of ${x}, ${lo} to ${hi} px from Saraqib: ${JSON.stringify(await pair())}`);
  };
  const there = await pair();
  await page.keyboard.press('ArrowLeft');
  await settled(there.x + 10, zoomed * 0.98, zoomed * 1.02);
  await page.keyboard.press('-');
  await settled(-Infinity, zoomed * 0.48, zoomed * 0.52);
  await page.keyboard.press('+');
  await settled(-Infinity, zoomed * 0.98, zoomed * 1.02);
  // (a double click in the corner: the view halves, and the places out of
  // it are not drawn)
  const frame = await page.$eval('#map svg', (m) => m.getBoundingClientRect().toJSON());
  const width = () => page.$eval('#map svg', (m) => m.viewBox.baseVal.width);
  const wide = await width();
  await page.mouse.dblclick(frame.x + 3, frame.y + 3);
  assert.ok(Math.abs(await width() - wide / 2) < 1e-6, `${wide} → ${await width()}`);
  await page.waitForFunction(() => !document.querySelector('#map g.place[data-name="Idlib"]'));
  const home = async () => {
    await page.click('#map button[aria-label="Show all the places"]');
    await inView();
    await page.waitForFunction((x) => {
      const dot = document.querySelector('#map g.place[data-name="Idlib"] circle');
      return dot && Math.abs(dot.getBoundingClientRect().x - x) < 1;
    }, idlibDot.x);
  };
  await home();
  // a drag moves the map with the pointer
  const c = await at('Idlib');
  await page.mouse.move(c.x + 40, c.y + 40);
  await page.mouse.down();
  await page.mouse.move(c.x + 10, c.y + 20, { steps: 5 });
  await page.mouse.up();
  const moved = await at('Idlib');
  assert.ok(Math.abs(moved.x - (c.x - 30)) < 3 && Math.abs(moved.y - (c.y - 20)) < 3, `${JSON.stringify(c)} → ${JSON.stringify(moved)}`);
  await home();
  await page.$eval('#map-section', (m) => m.scrollIntoView());
  await readmeShot(page, 'screenshot-map.jpg');
  await context.close();
  assert.deepEqual(problems, []);
});

test('the map labels the sample article\'s places inside its frame, none over another label or a dot', async () => {
  const { context, page, problems } = await openPage();
  await page.click('#sample');
  await page.click('#analyze');
  await page.waitForSelector('#results:not([hidden])');
  const { frame, places } = await page.$eval('#map svg', (svg) => ({
    frame: svg.getBoundingClientRect().toJSON(),
    places: [...svg.querySelectorAll('g.place')].map((g) => ({
      name: g.dataset.name,
      dot: g.querySelector('circle').getBoundingClientRect().toJSON(),
      label: g.querySelector('text')?.getBoundingClientRect().toJSON(),
    })),
  }));
  // Garissa sits close to Nairobi: its label goes above its dot
  for (const want of ['Nairobi', 'Garissa']) assert.ok(places.some((p) => p.name === want && p.label), `${want}: ${JSON.stringify(places)}`);
  const apart = (a, b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
  for (const p of places.filter((x) => x.label)) {
    const l = p.label;
    assert.ok(l.left >= frame.left - 1 && l.right <= frame.right + 1 && l.top >= frame.top - 1 && l.bottom <= frame.bottom + 1, `${p.name} leaves the frame`);
    for (const o of places.filter((x) => x !== p)) {
      assert.ok(apart(l, o.dot), `${p.name}'s label covers ${o.name}`);
      if (o.label) assert.ok(apart(l, o.label), `${p.name}'s label covers ${o.name}'s`);
    }
  }
  await context.close();
  assert.deepEqual(problems, []);
});

test('quotes are marked in the text and linked to their speaker', async () => {
  const { context, page, problems } = await openPage();
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');
  const quoted = await page.$$eval('#doc [data-quote]', (qs) => qs.length);
  assert.ok(quoted > 5, `${quoted} quoted pieces`);
  const i = await page.$$eval('#quotes li.quote', (ls) => ls.find((l) => l.textContent.includes('The fighting continues'))?.dataset.quote);
  assert.ok(i !== undefined);
  await page.click(`#quotes li[data-quote="${i}"] button.quote-head`);
  const text = await page.$$eval(`#doc [data-quote="${i}"].focus`, (qs) => qs.map((q) => q.textContent).join(''));
  assert.ok(text.includes('The fighting continues and will continue'), text);
  // its speaker (the name by the quote, and the name it stands for) is marked too
  const speakers = await page.$$eval('#doc mark.speaker-focus', (ms) => ms.map((m) => m.textContent));
  assert.ok(speakers.includes('Erdogan') && speakers.every((s) => /Erdogan/.test(s)), speakers.join(', '));
  await context.close();
  assert.deepEqual(problems, []);
});

test('keyboard only: analyze, reach a name\'s details, mark its mentions, come back', async () => {
  const { context, page, problems } = await openPage();
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, tag: a.tagName, cls: a.className, text: a.textContent.slice(0, 60) };
  });
  const tabTo = async (want, max = 400) => {
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      const a = await active();
      if (want(a)) return a;
    }
    throw new Error('not reached by Tab');
  };
  await tabTo((a) => a.id === 'sample');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results:not([hidden])');
  // the legend's toggles, then the highlights in the text
  const legend = await tabTo((a) => a.tag === 'BUTTON' && a.text.startsWith('GPE'));
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#legend button[data-label="GPE"]', 'aria-pressed'), 'false', legend.text);
  await page.keyboard.press('Enter');
  const mark = await tabTo((a) => a.tag === 'MARK' && a.cls.includes('ent') && a.text === 'Nairobi');
  assert.match(await page.textContent('#details'), /Nairobi/, mark.text);
  await page.keyboard.press('Enter');
  assert.equal((await active()).id, 'details', 'Enter moves into the details');
  await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Mark all its mentions', 5);
  await page.keyboard.press('Enter');
  const marked = await page.$$eval('#doc mark.ent.focus', (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.length >= 2 && marked.every((m) => m.toLowerCase() === 'nairobi'), marked.join(', '));
  await page.focus('#details');
  await page.keyboard.press('Escape');
  assert.equal((await active()).text, 'Nairobi', 'Escape goes back to the highlight');
  // an event's trigger: its card's facts in the details
  const trigger = await tabTo((a) => a.tag === 'MARK' && a.cls.includes('trigger'));
  await page.waitForFunction((t) => document.querySelector('#details dl') && document.querySelector('#details').textContent.includes(t), trigger.text);
  await context.close();
  assert.deepEqual(problems, []);
});

test('axe finds no serious or critical accessibility problem, before and after an analysis', async () => {
  const { context, page, problems } = await openPage();
  const axe = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const serious = async () => {
    const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  };
  assert.deepEqual(await serious(), [], 'before');
  await analyzeIn(page, await readFile(SEED, 'utf8'), '2020-02-27');
  await page.waitForSelector('#map path.land');
  assert.deepEqual(await serious(), [], 'after');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await serious(), [], 'after, dark');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a 1 MB paste: no task on the main thread over 200 ms, the whole text highlighted', async () => {
  const { context, page, problems } = await openPage();
  const seed = await readFile(SEED, 'utf8');
  const big = Array(Math.ceil(1_000_000 / seed.length)).fill(seed).join('\n\n');
  await page.evaluate((t) => { document.querySelector('#text').value = t; }, big);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask' });
  });
  await page.click('#analyze');
  await page.waitForFunction(() => /sentences/.test(document.querySelector('#status').textContent), null, { timeout: 300_000 });
  // the page answers while it works, and after
  await page.waitForTimeout(500);
  const long = await page.evaluate(() => window.longTasks);
  assert.ok(long.every((ms) => ms <= 200), `long tasks: ${long.join(', ')} ms`);
  assert.equal(await page.$eval('#doc', (d) => d.textContent.length), big.length);
  assert.ok(await page.$$eval('#doc mark.ent', (ms) => ms.length) > 20_000);
  // the long lists show a page at a time
  assert.match(await page.textContent('#events'), /Show more \(100 of \d+ shown\)/);
  await context.close();
  assert.deepEqual(problems, []);
});
