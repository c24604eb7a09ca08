// lede for browsers and bundlers: the WebAssembly module is fetched next to
// this file and instantiated once, before `analyze` can be called.
import init, { analyze, analyzeJson, version } from './lede.js';

await init({ module_or_path: new URL('./lede_bg.wasm', import.meta.url) });

export { analyze, analyzeJson, version };
