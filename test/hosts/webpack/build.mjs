import webpack from 'webpack';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const compiler = webpack({
  mode: 'production',
  entry: './src/main.js',
  output: { path: resolve('dist'), filename: 'main.js', clean: true },
  devtool: false,
});
const stats = await new Promise((ok, fail) => compiler.run((error, result) => (error ? fail(error) : ok(result))));
if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
copyFileSync('index.html', 'dist/index.html');
