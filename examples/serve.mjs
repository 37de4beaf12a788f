// Serves the example portal (examples/portal) with the widgets' script-tag files, under a strict
// CSP. `PORT=8080 node examples/serve.mjs` picks the port; the default is 4173. By default the
// files come from the package build (packages/widgets/dist/cdn/); `--source` builds them
// from the sources first (examples/build.mjs, a few seconds: what `npm start` does).
// Beside the portal runs @bihuan/server on PGlite in examples/.data/ (the example county seeded) at
// /api/, and the DEVELOPMENT-ONLY sign-in at /dev/ (its endpoints at /dev/api/): see server/start.mjs.
// `--no-server` serves the pages alone.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';
import { buildPortalBundle } from './build.mjs';
import { buildExampleServer, startExampleServer } from './server/start.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const fromSource = process.argv.includes('--source');
// The server is built first (esbuild, before the portal's build stops esbuild's service) and then
// starts while the portal's file builds and is served: the pages never wait for the database.
const backend = process.argv.includes('--no-server') ? undefined : startExampleServer(await buildExampleServer());
backend?.then(
  (b) => {
    console.log(`bihuan server ready in ${(b.ms / 1000).toFixed(1)} s (PGlite in examples/.data/; ${b.created} example items created now)`);
  },
  (error) => console.error('bihuan server failed to start:', error),
);
const widgets = fromSource ? (await buildPortalBundle()).outdir : here('../packages/widgets/dist/');
if (!existsSync(`${widgets}cdn/bihuan.js`)) {
  console.error('The widgets are not built yet: run `npm start` (it installs and builds first).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer({
  mounts: { '/': here('./portal/'), '/widgets/': widgets, ...(backend ? { '/dev/': here('./dev-signin/') } : {}) },
  // Requests that come before the server is ready wait for it.
  apps: backend ? { '/api/': async (request) => (await backend).api(request), '/dev/api/': async (request) => (await backend).dev(request) } : {},
  port,
});
console.log(`bihuan example portal: ${server.url}`);
if (backend) {
  console.log(`bihuan server (@bihuan/server, starting): ${server.url}api/`);
  console.log(`DEVELOPMENT-ONLY sign-in (no passwords; this computer only): ${server.url}dev/`);
}
console.log('Press Ctrl+C to stop.');
