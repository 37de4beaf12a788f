// Databases for the server's tests, made once per run: a throwaway PostgreSQL 15 cluster (unless
// DATABASE_URL names one) with a migrated template database, and a migrated PGlite data folder
// dumped to a file that every test file loads (PGlite's initdb takes 13–18 s; a load about 3 s),
// cached in packages/server/node_modules/.cache between runs and made from PGlite's seed
// (packages/server/seed/), so that even the first run makes no initdb.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { pgliteDatabase, postgresDatabase } from '../../src/database.ts';
import { MIGRATIONS, migrate } from '../../src/migrations.ts';
import { startCluster, withDatabase } from './cluster.mjs';
import { pgliteSeed } from '../../seed/pglite-seed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    bihuanPostgresAdmin: string;
    bihuanPgliteTemplate: string;
  }
}

/** Vitest's options that take a value as the next argument (a path among them). */
const VALUE_OPTIONS = new Set(['exclude', 'project', 'reporter', 'outputFile', 'config', 'c', 'root', 'r', 'dir', 'testNamePattern', 't', 'shard', 'pool', 'environment', 'maxWorkers']);

/** Where the tests that need a database live. */
const SERVER_TEST_DIRS = ['packages/server/test/', 'packages/core/test/sync/'];

/** Whether this run names test files and none of them needs the server (its own, or core's sync tests): then nothing is started. */
function serverTestsSkipped(): boolean {
  // An option's value is no file filter (`--exclude test/node/catalog.test.ts` once skipped the databases of a whole run).
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('-') && /[/.]/.test(a) && !(i > 0 && /^--?[\w.-]+$/.test(args[i - 1]!) && VALUE_OPTIONS.has(args[i - 1]!.replace(/^--?/, '').split('.')[0]!)));
  // A filter is matched as a substring of a file's path, so `packages/core` names the sync tests too.
  const needsServer = (f: string) => f.includes('server') || f.includes('test/sync') || SERVER_TEST_DIRS.some((dir) => dir.includes(f.replace(/^\.\//, '')));
  return files.length > 0 && !files.some(needsServer);
}

export default async function setup(project: TestProject) {
  if (serverTestsSkipped()) return;
  const teardown: (() => void | Promise<void>)[] = [];

  // PGlite: one migrated template, made while PostgreSQL starts and kept between runs (its initdb
  // is the slow part), under a name that changes with the migrations and the PGlite version.
  const pgliteTemplate = (async () => {
    const pglite = JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')).version as string;
    const key = createHash('sha256').update(JSON.stringify({ pglite, MIGRATIONS })).digest('hex').slice(0, 16);
    const dir = fileURLToPath(new URL('../../node_modules/.cache/bihuan-server/', import.meta.url));
    const file = join(dir, `pglite-template-${key}.tar`);
    if (existsSync(file)) return file;
    // From PGlite's seed (a bare cluster kept in the repository): no initdb on a clean clone either.
    const seed = await pgliteSeed();
    const db = await pgliteDatabase(seed ? { loadDataDir: seed } : {});
    await migrate(db);
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, new Uint8Array(await (await db.dump()).arrayBuffer()));
    renameSync(partial, file);
    await db.close();
    return file;
  })();

  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const cluster = await startCluster();
    teardown.push(() => cluster.stop());
    admin = cluster.url;
  }
  // A migrated template database; each test file copies it (CREATE DATABASE … TEMPLATE).
  const db = await postgresDatabase(admin, { max: 1 });
  await db.query('DROP DATABASE IF EXISTS bihuan_template');
  await db.query('CREATE DATABASE bihuan_template');
  await db.close();
  const template = await postgresDatabase(withDatabase(admin, 'bihuan_template'), { max: 1 });
  await migrate(template);
  await template.close();

  project.provide('bihuanPostgresAdmin', admin);
  project.provide('bihuanPgliteTemplate', await pgliteTemplate);

  return async () => {
    for (const step of teardown.reverse()) await step();
  };
}
