// HOST_ESBUILD lets the test build this host in a folder where only the tarballs are installed.
import { copyFileSync } from 'node:fs';

const { build } = await import(process.env.HOST_ESBUILD ?? 'esbuild');
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'dist',
  logLevel: 'warning',
});
copyFileSync('index.html', 'dist/index.html');
