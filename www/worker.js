// The analyzer off the page's main thread: a module worker loads lede (the
// wasm and its models) while the page is already usable, then answers each
// {id, text, options, kind?, doc?} with {id, out} or {id, error}: `out` is
// the analysis, or for kind "csv" / "geojson" the core's export of it. No
// extraction here either: it only calls the core.
import init, {
  analyze, analyzeCsv, analyzeGeoJson, version,
} from './pkg/index.js';

const ready = init().then(
  () => postMessage({ type: 'ready', version: version() }),
  (e) => { postMessage({ type: 'failed', message: e.message }); throw e; },
);

self.onmessage = async ({ data }) => {
  await ready;
  try {
    const f = { csv: analyzeCsv, geojson: analyzeGeoJson }[data.kind];
    const out = f ? f(data.text, data.options, data.doc) : analyze(data.text, data.options);
    postMessage({ id: data.id, out });
  } catch (e) {
    postMessage({ id: data.id, error: e.message });
  }
};
