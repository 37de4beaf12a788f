// Serves the example portal (examples/portal) with the widgets' one-file build, under a strict
// CSP. `PORT=8080 node examples/serve.mjs` picks the port; the default is 4173. By default the
// file comes from the package build (packages/widgets/dist/cdn/bihuan.js); `--source` builds it
// from the sources first (examples/build.mjs, a few seconds: what `npm start` does).
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';
import { buildPortalBundle } from './build.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const fromSource = process.argv.includes('--source');
const widgets = fromSource ? (await buildPortalBundle()).outdir : here('../packages/widgets/dist/');
if (!existsSync(`${widgets}cdn/bihuan.js`)) {
  console.error('The widgets are not built yet: run `npm start` (it installs and builds first).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer({ mounts: { '/': here('./portal/'), '/widgets/': widgets }, port });
console.log(`bihuan example portal: ${server.url}`);
console.log('Press Ctrl+C to stop.');
