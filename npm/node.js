// lede for Node: the WebAssembly module is read from disk and instantiated
// synchronously when this module is imported, so `analyze` works at once;
// `init()`, as in the browser, decodes the models ahead of the first call.
import { readFileSync } from 'node:fs';
import {
  initSync, analyze, analyzeCsv, analyzeEntitiesCsv, analyzeGeoJson, analyzeJson, load, version,
} from './lede.js';

initSync({ module: readFileSync(new URL('./lede_bg.wasm', import.meta.url)) });

let loaded = null;

/**
 * Decode the models now (else the first `analyze` does it, a few hundred
 * milliseconds); resolves when done. `analyze` works without it.
 */
export function init() {
  if (!loaded) {
    loaded = Promise.resolve().then(() => load());
  }
  return loaded;
}

export {
  analyze, analyzeCsv, analyzeEntitiesCsv, analyzeGeoJson, analyzeJson, version,
};
export default init;
