// The example portal's server: @bihuan/server on PGlite in a data folder (examples/.data/), built
// straight from the sources with esbuild (like the portal's widgets file, so `npm start` waits for
// no package build), seeded with the example county, and the DEVELOPMENT-ONLY sign-in that issues
// tokens for its sample users. The dev secret is made at the first start and kept in the folder.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { USERS, seedCounty } from './county.mjs';
import { pgliteSeed } from '../../packages/server/seed/pglite-seed.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const serverDir = here('../../packages/server/');
const coreSrc = here('../../packages/core/src/');

// core's entries from its sources; PGlite stays outside the bundle (it loads its WebAssembly
// beside its own files), imported from the server package's dependencies.
const fromSources = {
  name: 'bihuan-server-sources',
  setup(b) {
    b.onResolve({ filter: /^@bihuan\/core(\/.*)?$/ }, (args) => {
      const sub = args.path.slice('@bihuan/core'.length).replace(/^\//, '');
      const found = (sub ? [`${coreSrc}${sub}/index.ts`, `${coreSrc}${sub}.ts`] : [`${coreSrc}index.ts`]).find((c) => existsSync(c));
      return found ? { path: found } : { errors: [{ text: `no source entry for ${args.path}` }] };
    });
    b.onResolve({ filter: /^@electric-sql\/pglite$/ }, () => ({ path: `${realpathSync(`${serverDir}node_modules/@electric-sql/pglite`)}/dist/index.js`, external: true }));
  },
};

/** Builds the server and the dev sign-in from the sources into examples/.build/server/ (a second or two). */
export async function buildExampleServer() {
  const outdir = here('../.build/server/');
  await build({
    entryPoints: { index: `${serverDir}src/index.ts`, 'dev-signin': `${serverDir}src/dev-signin.ts`, 'seed-loops': here('./seed-loops.mjs') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
    // CommonJS dependencies bundled into ESM (pino) still call `require` for Node's own modules.
    banner: { js: "import { createRequire as __bihuanRequire } from 'node:module'; const require = __bihuanRequire(import.meta.url);" },
    plugins: [fromSources],
  });
  return outdir;
}

/** The dev secret: made once (32 random bytes) and kept, readable by this user only, in the data folder. */
function devSecret(dataDir) {
  const file = `${dataDir}dev-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Starts the server built by `buildExampleServer` (a new data folder starts from PGlite's seed, so
 * no initdb): answers `{ api, dev, database, created, ms, close }` — `api` and `dev`
 * are web-standard handlers for the static server to mount at /api/ and /dev/api/. `log` takes the
 * server's log entries (default: JSON lines from pino); `template` (a Blob of a migrated PGlite
 * data folder, `dumpDataDir`) starts from a copy of it in memory instead of the data folder (tests).
 */
export async function startExampleServer(outdir, { dataDir = here('../.data/'), log, template } = {}) {
  const t0 = performance.now();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = devSecret(dataDir);
  const { createServer, pgliteDatabase } = await import(pathToFileURL(`${outdir}index.js`).href);
  const { createDevSignIn } = await import(pathToFileURL(`${outdir}dev-signin.js`).href);
  const { seedLoops } = await import(pathToFileURL(`${outdir}seed-loops.js`).href);
  // A test's copy of a migrated template (in memory, no initdb), or the data folder: a new one is
  // made from PGlite's seed (packages/server/seed/, no initdb either), an existing one reopened.
  const folder = `${dataDir}pglite`;
  const seed = template || existsSync(folder) ? undefined : await pgliteSeed();
  const opened = template ? await pgliteDatabase({ loadDataDir: template }) : seed ? await pgliteDatabase({ dataDir: folder, loadDataDir: seed }) : undefined;
  const server = await createServer({ database: opened ?? { dataDir: folder }, auth: { secret }, ...(log ? { log } : {}) });
  const created = (await seedCounty(server.service)) + (await seedLoops(server.service));
  const dev = createDevSignIn({ secret, users: USERS });
  const close = async () => {
    await server.close();
    if (opened) await server.database.close();
  };
  return { api: server.fetch, dev: dev.fetch, database: server.database.kind, created, ms: performance.now() - t0, close };
}
