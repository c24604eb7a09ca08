// The package on the page's main thread: init, then analyze.
import init, { analyze, version } from 'lede-news';
import { SAMPLE, summary } from './sample.js';

const out = document.querySelector('#out');
init().then(
  () => { out.textContent = summary(analyze(SAMPLE, { date: '2020-02-27' }), version()); },
  (e) => { out.textContent = `error: ${e.message}`; },
);
