// lede for Node: the WebAssembly module is read from disk and instantiated
// synchronously when this module is imported, so `analyze` works at once;
// `init()` is there for code shared with the browser and resolves at once.
import { readFileSync } from 'node:fs';
import { initSync, analyze, analyzeJson, version } from './lede.js';

initSync({ module: readFileSync(new URL('./lede_bg.wasm', import.meta.url)) });

/** Nothing to load in Node: resolves at once. */
export function init() {
  return Promise.resolve();
}

export { analyze, analyzeJson, version };
export default init;
