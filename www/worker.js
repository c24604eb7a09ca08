// The analyzer off the page's main thread: a module worker loads lede (the
// wasm and its models) while the page is already usable, then answers each
// {id, text, options} with {id, out} or {id, error}. No extraction here
// either: it only calls the core.
import init, { analyze, version } from './pkg/index.js';

const ready = init().then(
  () => postMessage({ type: 'ready', version: version() }),
  (e) => { postMessage({ type: 'failed', message: e.message }); throw e; },
);

self.onmessage = async ({ data }) => {
  await ready;
  try {
    postMessage({ id: data.id, out: analyze(data.text, data.options) });
  } catch (e) {
    postMessage({ id: data.id, error: e.message });
  }
};
