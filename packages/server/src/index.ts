// @bihuan/server: the loops of @bihuan/core, authoritative, on PostgreSQL (PGlite embedded by default).
import type { Hono } from 'hono';
import { createApp, type AppOptions } from './app.js';
import { createVerifier, type AuthOptions } from './auth.js';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrations.js';
import { DEFAULT_LOOPS, type Loops } from './loops.js';
import { Service } from './service.js';
import { liveFeedOf } from './live.js';

export { createApp, actorFor, PushBody, CreateBody, type AppOptions } from './app.js';
export { mountLive, sessionOf, liveFeedOf, type LiveOptions, type LiveFeed } from './live.js';
export { configFromEnv, ConfigError, ENV_VARIABLES, type EnvConfig } from './config.js';
export { createVerifier, within, ClaimsSchema, ScopeSchema, type AuthOptions, type Identity, type Scope, type Verifier } from './auth.js';
export { pgliteDatabase, postgresDatabase, openDatabase, type Database, type Queryable, type Row, type PgliteOptions, type PostgresOptions } from './database.js';
export { HttpError, errorBody, type ErrorBody } from './errors.js';
export { MIGRATIONS, migrate } from './migrations.js';
export { DEFAULT_LOOPS, createWith, type LoopBinding, type Loops, type CreationInput } from './loops.js';
export { rollupTasks, TaskRollupQuery, dimensionsOf, DIMENSION_COLUMNS, asOfFor } from './rollups.js';
export { disputeLedger, DisputeLedgerQuery, type LedgerPage } from './ledgers.js';
export { dispatchTasks, DispatchBody, hasPersonalData, type DispatchOptions, type DispatchSummary } from './dispatch.js';
export { loggerFor, requestLog, type LoggerLike, type LogOptions } from './log.js';
export { Service, historyOf, type MutationResult, type Mutation, type Creation, type PulledItem, type AuditEntry, type EventInput } from './service.js';

export interface ServerOptions extends AppOptions {
  /** A database, or where to open one: `{ url }` (PostgreSQL) or `{ dataDir }` (PGlite; in memory when neither). */
  readonly database?: Database | { readonly url?: string; readonly dataDir?: string; readonly max?: number };
  readonly auth: AuthOptions;
  /** The collections served, each with its loop (default: core's loops, `DEFAULT_LOOPS`). */
  readonly loops?: Loops;
  /** Apply pending migrations on start (default true). */
  readonly migrate?: boolean;
}

export interface BihuanServer {
  readonly app: Hono<any>;
  /** The web-standard handler: mount it in a portal's own Node backend, or serve it with `listen`. */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly service: Service;
  readonly database: Database;
  /** Closes the database (when the server opened it). */
  close(): Promise<void>;
}

/** A server: opens (or takes) the database, applies the migrations, and builds the routes. */
export async function createServer(options: ServerOptions): Promise<BihuanServer> {
  const given = options.database && 'query' in options.database ? options.database : undefined;
  const database = given ?? (await openDatabase((options.database as { url?: string; dataDir?: string }) ?? {}));
  if (options.migrate ?? true) await migrate(database);
  const service = new Service(database, options.loops ?? DEFAULT_LOOPS);
  const app = createApp(service, await createVerifier(options.auth), options);
  // LISTEN now on real PostgreSQL: the first client's first notice never waits for it.
  const feed = liveFeedOf(app);
  await feed?.start();
  return {
    app,
    fetch: (request) => app.fetch(request),
    service,
    database,
    close: async () => {
      await feed?.stop();
      if (!given) await database.close();
    },
  };
}
