// lede for browsers and bundlers. Importing this module loads nothing: call
// `await init()` once (it fetches and compiles lede_bg.wasm from beside this
// file, or the input you give it), then `analyze`. No top-level await, so
// any bundler target and a module worker can import it.
import wasmInit, {
  analyze as analyzeWasm,
  analyzeCsv as analyzeCsvWasm,
  analyzeEntitiesCsv as analyzeEntitiesCsvWasm,
  analyzeGeoJson as analyzeGeoJsonWasm,
  analyzeJson as analyzeJsonWasm,
  load,
  version as versionWasm,
} from './lede.js';

let loading = null;
let ready = false;

/**
 * Load the WebAssembly module and decode its models once; later calls
 * return the same promise.
 * `input` is what wasm-bindgen's own init takes: a URL or string, a
 * Request, a Response, the bytes, a compiled WebAssembly.Module, a promise
 * of one of those, or `{ module_or_path }`. By default the lede_bg.wasm
 * beside this file.
 */
export function init(input) {
  if (!loading) {
    const given = input ?? new URL('./lede_bg.wasm', import.meta.url);
    const arg = typeof given === 'object' && given !== null && 'module_or_path' in given
      ? given
      : { module_or_path: given };
    // the models are decoded here, so that the first `analyze` is as
    // quick as the next
    loading = wasmInit(arg).then(
      () => { load(); ready = true; },
      (e) => { loading = null; throw explained(e, arg.module_or_path); },
    );
  }
  return loading;
}

/**
 * The error of a failed load, with what to do when the server answered
 * with something other than the wasm (an HTML page: the file is not where
 * the module looked, as in Vite's dev server, which serves a copy of this
 * module from node_modules/.vite/deps without the wasm beside it).
 */
function explained(e, from) {
  if (!/magic word|MIME type/.test(String(e?.message))) return e;
  const where = typeof from === 'string' || from instanceof URL ? ` from ${from}` : '';
  return new Error(`lede could not load its WebAssembly${where}: the server answered with something else `
    + '(an HTML page?). With Vite\'s dev server, add `optimizeDeps: { exclude: [\'lede-news\'] }` to vite.config; '
    + 'elsewhere, serve lede_bg.wasm beside the package\'s index.js or pass its URL to init().', { cause: e });
}

function loaded() {
  if (!ready) throw new Error('lede is not loaded yet: call `await init()` once before analyze');
}

/** Analyze a text: the result object of schema "lede/1". */
export function analyze(text, options) {
  loaded();
  return analyzeWasm(text, options);
}

/** Analyze a text: the result as a JSON string. */
export function analyzeJson(text, options) {
  loaded();
  return analyzeJsonWasm(text, options);
}

/** Analyze a text: its events as CSV, one row each (the CLI's `--format csv`). */
export function analyzeCsv(text, options, doc) {
  loaded();
  return analyzeCsvWasm(text, options, doc);
}

/** Analyze a text: its entities as CSV, one row per actor (the CLI's `--format entities-csv`). */
export function analyzeEntitiesCsv(text, options, doc) {
  loaded();
  return analyzeEntitiesCsvWasm(text, options, doc);
}

/** Analyze a text: its places and events with coordinates as GeoJSON text. */
export function analyzeGeoJson(text, options, doc) {
  loaded();
  return analyzeGeoJsonWasm(text, options, doc);
}

/** lede's version. */
export function version() {
  loaded();
  return versionWasm();
}

export default init;
