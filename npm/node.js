// lede for Node: the WebAssembly module is read from disk and instantiated
// once, synchronously, when this module is imported.
import { readFileSync } from 'node:fs';
import { initSync, analyze, analyzeJson, version } from './lede.js';

initSync({ module: readFileSync(new URL('./lede_bg.wasm', import.meta.url)) });

export { analyze, analyzeJson, version };
