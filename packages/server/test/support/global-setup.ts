// Databases for the server's tests, made once per run: a throwaway PostgreSQL 15 cluster (unless
// DATABASE_URL names one) with a migrated template database, and a migrated PGlite data folder
// dumped to a file that every test file loads (PGlite's initdb takes 13–18 s; a load about 3 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pgliteDatabase, postgresDatabase } from '../../src/database.ts';
import { migrate } from '../../src/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    bihuanPostgresAdmin: string;
    bihuanPgliteTemplate: string;
  }
}

/** Whether this run names test files and none of them is the server's: then nothing is started. */
function serverTestsSkipped(): boolean {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('-') && /[/.]/.test(a));
  return files.length > 0 && !files.some((f) => f.includes('server'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('server tests: PostgreSQL is not installed (apt-get install postgresql), and DATABASE_URL is not set');
  return found;
}

/** Runs as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
}

export default async function setup(project: TestProject) {
  if (serverTestsSkipped()) return;
  const teardown: (() => void | Promise<void>)[] = [];

  // PGlite: one migrated template per run, made while PostgreSQL starts.
  const pgliteDir = mkdtempSync(join(tmpdir(), 'bihuan-pglite-'));
  teardown.push(() => rmSync(pgliteDir, { recursive: true, force: true }));
  const pgliteTemplate = (async () => {
    const db = await pgliteDatabase();
    await migrate(db);
    const file = join(pgliteDir, 'template.tar');
    writeFileSync(file, new Uint8Array(await (await db.dump()).arrayBuffer()));
    await db.close();
    return file;
  })();

  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-pg-'));
    chmodSync(dir, 0o777);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
    const data = join(dir, 'data');
    const port = await freePort();
    asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, '-w', 'start']);
    teardown.push(() => {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    });
    admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
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

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
