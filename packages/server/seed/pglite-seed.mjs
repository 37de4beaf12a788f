// A new PGlite data folder, made once and kept here, so that a first start never runs PGlite's
// initdb (10–18 s on an idle 2-core machine, 90 s and more under load): `pgliteSeed()` answers the
// dump (`dumpDataDir`, brotli-compressed in this folder, about 1.4 MB) to hand to PGlite's
// `loadDataDir` (one to three seconds). It is a bare cluster, not migrated: the migrations still run
// as on any start, so the seed changes only with PGlite. One file per PGlite version (the folder's
// format is PGlite's own); for a version without one, `pgliteSeed()` answers undefined and callers
// run initdb as before. After upgrading PGlite: `node packages/server/seed/pglite-seed.mjs` writes
// the installed version's seed (and removes the others); commit it (a test checks that it exists).
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';

const here = new URL('./', import.meta.url);

/** The installed PGlite's version (the server package's dependency). */
export function pgliteVersion() {
  return JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', here), 'utf8')).version;
}

/** Where the seed of a PGlite version lives (this folder, `pglite-<version>.tar.br`). */
export function pgliteSeedFile(version = pgliteVersion()) {
  return fileURLToPath(new URL(`pglite-${version}.tar.br`, here));
}

/** The installed PGlite's seed as a Blob for `loadDataDir`, or undefined when there is none. */
export async function pgliteSeed() {
  const file = pgliteSeedFile();
  if (!existsSync(file)) return undefined;
  return new Blob([await promisify(brotliDecompress)(readFileSync(file))]);
}

/** Runs initdb once in the installed PGlite and writes its dump as this version's seed. */
export async function makePgliteSeed() {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();
  const packed = await promisify(brotliCompress)(tar, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: tar.length },
  });
  const file = pgliteSeedFile();
  writeFileSync(`${file}.partial`, packed);
  renameSync(`${file}.partial`, file);
  for (const name of readdirSync(here)) {
    if (/^pglite-.*\.tar\.br$/.test(name) && fileURLToPath(new URL(name, here)) !== file) rmSync(new URL(name, here));
  }
  return { file, bytes: packed.length, tarBytes: tar.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { file, bytes, tarBytes } = await makePgliteSeed();
  console.log(`wrote ${file}: ${(bytes / 1e6).toFixed(2)} MB (a ${(tarBytes / 1e6).toFixed(1)} MB data folder)`);
}
