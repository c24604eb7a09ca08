import init, { analyze, version } from 'lede-news';
import { summary } from './sample.js';

const ready = init();
self.onmessage = async ({ data }) => {
  try {
    await ready;
    self.postMessage(summary(analyze(data, { date: '2020-02-27' }), version()));
  } catch (e) {
    self.postMessage(`error: ${e.message}`);
  }
};
