// Starting a deployment: every setting from the environment (checked at start, naming the
// variable), LISTEN on real PostgreSQL from the start (not when the first client connects), and
// one live-ticket key shared by every process behind the balancer.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv, ConfigError } from '../src/config.ts';
import { createServer } from '../src/index.ts';
import { postgresDatabase } from '../src/database.ts';
import { freshPostgresUrl, SECRET, tokenFor, USERS } from './support/databases.ts';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const TICKET_KEY = 'the live-ticket key shared by every process, 32+';

describe('settings from the environment', () => {
  const base = { BIHUAN_JWT_SECRET: SECRET };

  it('reads every option a deployment needs', () => {
    const c = configFromEnv({
      ...base,
      DATABASE_URL: 'postgres://bihuan@db:5432/bihuan', BIHUAN_DB_POOL: '24', BIHUAN_MIGRATE: 'false',
      BIHUAN_JWT_ISSUER: 'https://portal.example', BIHUAN_JWT_AUDIENCE: 'bihuan', BIHUAN_JWT_CLOCK_TOLERANCE: '10',
      BIHUAN_LIVE_TICKET_SECRET: TICKET_KEY, BIHUAN_LIVE_TICKET_SECONDS: '90', BIHUAN_LIVE_POLL_MS: '500',
      BIHUAN_BODY_LIMIT: '2097152', BIHUAN_DISPATCH_BODY_LIMIT: '33554432', BIHUAN_DISPATCH_CHUNK: '2000', BIHUAN_HEALTH_TIMEOUT_MS: '1500',
      BIHUAN_LOG_LEVEL: 'warn', PORT: '9000', HOST: '0.0.0.0',
    });
    expect(c.options).toEqual({
      database: { url: 'postgres://bihuan@db:5432/bihuan', max: 24 },
      auth: { secret: SECRET, issuer: 'https://portal.example', audience: 'bihuan', clockTolerance: 10 },
      migrate: false,
      liveTicketSecret: TICKET_KEY, liveTicketSeconds: 90, livePollMs: 500,
      bodyLimit: 2097152, dispatchBodyLimit: 33554432, healthTimeout: 1500,
      dispatch: { chunk: 2000 },
    });
    expect([c.port, c.host, c.logLevel, c.warnings]).toEqual([9000, '0.0.0.0', 'warn', []]);
    const defaults = configFromEnv(base);
    expect(defaults.options).toEqual({ database: { dataDir: './bihuan-data' }, auth: { secret: SECRET }, migrate: true });
    expect([defaults.port, defaults.host, defaults.logLevel]).toEqual([8787, '127.0.0.1', 'info']);
    // Several processes on one PostgreSQL without a shared ticket key: said at start.
    expect(configFromEnv({ ...base, DATABASE_URL: 'postgres://db/bihuan' }).warnings[0]).toMatch(/^BIHUAN_LIVE_TICKET_SECRET/);
  });

  it('refuses an unusable setting at start, naming the variable', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...base, BIHUAN_LIVE_TICKET_SECRET: 'short' }, 'BIHUAN_LIVE_TICKET_SECRET'],
      [{ BIHUAN_JWT_SECRET: 'short' }, 'BIHUAN_JWT_SECRET'],
      [{}, 'BIHUAN_JWT_SECRET'],
      [{ ...base, BIHUAN_JWKS_URL: 'https://portal/jwks' }, 'BIHUAN_JWT_SECRET'],
      [{ BIHUAN_JWKS_URL: 'ftp://portal/jwks' }, 'BIHUAN_JWKS_URL'],
      [{ BIHUAN_JWT_PUBLIC_KEY: 'not a key' }, 'BIHUAN_JWT_PUBLIC_KEY'],
      [{ ...base, BIHUAN_JWT_ALG: 'none' }, 'BIHUAN_JWT_ALG'],
      [{ ...base, BIHUAN_DB_POOL: '0' }, 'BIHUAN_DB_POOL'],
      [{ ...base, BIHUAN_DB_POOL: '10; DROP' }, 'BIHUAN_DB_POOL'],
      [{ ...base, PORT: '70000' }, 'PORT'],
      [{ ...base, DATABASE_URL: 'mysql://db' }, 'DATABASE_URL'],
      [{ ...base, BIHUAN_MIGRATE: 'maybe' }, 'BIHUAN_MIGRATE'],
      [{ ...base, BIHUAN_LOG_LEVEL: 'loud' }, 'BIHUAN_LOG_LEVEL'],
      [{ ...base, BIHUAN_DISPATCH_CHUNK: '1e9' }, 'BIHUAN_DISPATCH_CHUNK'],
    ];
    for (const [env, variable] of cases) {
      let caught: unknown;
      try {
        configFromEnv(env);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).variable).toBe(variable);
      expect((caught as ConfigError).message).toContain(variable);
    }
  });
});

const listeners = async (url: string): Promise<number> => {
  const db = await postgresDatabase(url, { max: 1 });
  try {
    const [row] = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'listen%bihuan_changes%'");
    return Number(row!.n);
  } finally {
    await db.close();
  }
};

describe('starting on PostgreSQL', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  function start(url: string, env: Record<string, string>): Promise<{ url?: string; code?: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN], { env: { ...process.env, DATABASE_URL: url, BIHUAN_JWT_SECRET: SECRET, PORT: '0', BIHUAN_DB_POOL: '2', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let out = '';
      const timer = setTimeout(() => resolve({ out }), 30_000);
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.includes('"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve({ url: JSON.parse(line).url, out });
        }
      });
      child.stderr!.on('data', (chunk) => (out += chunk));
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });
  }

  it('listens for change notices from the start, before any client connects, and stops on close', async () => {
    const url = await freshPostgresUrl();
    const server = await createServer({ database: { url }, auth: { secret: SECRET }, migrate: false, log: () => {} });
    expect(await listeners(url)).toBe(1);
    await server.close();
    expect(await listeners(url)).toBe(0);
  });

  it.skipIf(!existsSync(BIN))('runs processes that listen at start and accept each other’s live tickets; a short ticket key stops the process', async () => {
    const url = await freshPostgresUrl();
    const refused = await start(url, { BIHUAN_LIVE_TICKET_SECRET: 'too short' });
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('BIHUAN_LIVE_TICKET_SECRET must be at least 32 bytes');
    const [a, b] = await Promise.all([start(url, { BIHUAN_LIVE_TICKET_SECRET: TICKET_KEY }), start(url, { BIHUAN_LIVE_TICKET_SECRET: TICKET_KEY })]);
    expect([a.url, b.url].every(Boolean), a.out + b.out).toBe(true);
    expect(await listeners(url)).toBe(2);
    const issued = await (await fetch(`${a.url}/live/ticket`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(USERS.clerkA)}` } })).json();
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/live?ticket=${encodeURIComponent(issued.ticket)}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain(': connected');
    controller.abort();
  });
});
