// The package in a module worker; the page only shows the answer.
import { SAMPLE } from './sample.js';

const out = document.querySelector('#out');
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => { out.textContent = data; };
worker.onerror = (e) => { out.textContent = `error: ${e.message}`; };
worker.postMessage(SAMPLE);
