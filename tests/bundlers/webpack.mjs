// webpack 5 with its defaults (production mode), through its Node API:
// node webpack.mjs ENTRY OUT_DIR
import webpack from 'webpack';
import { resolve } from 'node:path';

const [entry, out] = process.argv.slice(2);
webpack({ mode: 'production', entry: resolve(entry), output: { path: resolve(out), filename: 'main.js' } }, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString('errors-only'));
    process.exit(1);
  }
});
