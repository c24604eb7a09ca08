// Build www/world.json, the page's offline world outline, from Natural
// Earth's 1:50m countries (public domain) as the world-atlas npm package
// ships them: the land as one SVG path and the land borders as another, in
// degrees (x = longitude, y = latitude), rounded to 0.02°. Same input, same
// bytes. Run: node tools/build_world.mjs (after npm ci). The paths are in
// whole units of the step (x = longitude / STEP, y = latitude / STEP): the
// page scales them.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const STEP = 0.02;
const topo = JSON.parse(await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const version = JSON.parse(await readFile(require.resolve('world-atlas/package.json'), 'utf8')).version;

const units = (x) => Math.round(x / STEP);
// SVG needs no separator before a minus sign
const pair = (x, y) => `${x}${y < 0 ? '' : ' '}${y}`;

/** One line or ring as a path: absolute first point, then relative steps; repeated points dropped. */
function path(points, close) {
  let d = '';
  let prev = null;
  let n = 0;
  for (const [lon, lat] of points) {
    const p = [units(lon), units(lat)];
    if (prev && p[0] === prev[0] && p[1] === prev[1]) continue;
    d += prev ? `l${pair(p[0] - prev[0], p[1] - prev[1])}` : `M${pair(p[0], p[1])}`;
    prev = p;
    n += 1;
  }
  if (n < (close ? 3 : 2)) return '';
  return close ? `${d}z` : d;
}

const land = feature(topo, topo.objects.land);
let landPath = '';
for (const f of land.features ?? [land]) {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) for (const ring of poly) landPath += path(ring, true);
}
const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
let borderPath = '';
for (const line of borders.coordinates) borderPath += path(line, false);

const out = {
  source: `Natural Earth 1:50m (public domain), via world-atlas ${version}`,
  step: STEP,
  land: landPath,
  borders: borderPath,
};
await writeFile(new URL('../www/world.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`www/world.json: land ${out.land.length} chars, borders ${out.borders.length} chars`);
