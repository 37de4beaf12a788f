/**
 * The one thing the server asks of a database: parameterised queries, transactions, close. Two
 * adapters: PGlite (PostgreSQL in WebAssembly, embedded, the default) and a real PostgreSQL
 * server through `DATABASE_URL`. Every statement the server runs is written for both.
 */
export type Row = Record<string, unknown>;

/** Runs one parameterised statement and returns its rows. Values only ever travel as parameters. */
export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  script(text: string): Promise<void>;
}

export interface Database extends Queryable {
  /** `postgres` or `pglite`: for health reports and logs. */
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** `LISTEN channel` on a connection of its own (real PostgreSQL only); resolves to the unlisten. */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Optional: runs one statement and returns each row's columns as the UTF-8 bytes the server sent
   * (null for NULL), never decoded into strings — pulls pass large JSON text through this way.
   */
  readonly bytes?: (text: string, params?: readonly unknown[]) => Promise<(Uint8Array | null)[][]>;
}

export interface PgliteOptions {
  /** A data folder (kept between runs); in memory when absent. */
  readonly dataDir?: string;
  /** A dump of a data folder (`dumpDataDir`) to start from: tests copy one migrated template. */
  readonly loadDataDir?: Blob;
}

/** The embedded database: PGlite in this process, in a data folder or in memory. */
export async function pgliteDatabase(options: PgliteOptions = {}): Promise<Database & { dump(): Promise<Blob> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  const run = async <T extends Row>(q: { query: typeof db.query }, text: string, params?: readonly unknown[]): Promise<T[]> => (await q.query<T>(text, params ? [...params] : [])).rows;
  return {
    kind: 'pglite',
    query: (text, params) => run(db, text, params),
    script: async (text) => void (await db.exec(text)),
    transaction: (fn) => db.transaction((tx) => fn({ query: (text, params) => run(tx, text, params), script: async (text) => void (await tx.exec(text)) })),
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
  };
}

export interface PostgresOptions {
  /** Connections in this process's pool (default 10). */
  readonly max?: number;
}

/** A real PostgreSQL server, e.g. `postgres://user:pass@host:5432/bihuan` (porsager's `postgres` driver). */
export async function postgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, idle_timeout: 30, connect_timeout: 10 });
  const run = async <T extends Row>(q: typeof sql, text: string, params?: readonly unknown[]): Promise<T[]> => [...(await q.unsafe(text, (params ?? []) as never[]))] as unknown as T[];
  return {
    kind: 'postgres',
    query: (text, params) => run(sql, text, params),
    script: async (text) => void (await sql.unsafe(text)),
    transaction: async (fn) =>
      (await sql.begin((tx) => {
        const q = tx as unknown as typeof sql;
        return fn({ query: (text, params) => run(q, text, params), script: async (text) => void (await q.unsafe(text)) });
      })) as never,
    close: () => sql.end({ timeout: 5 }),
    listen: async (channel, onNotify) => (await sql.listen(channel, () => onNotify())).unlisten,
    bytes: async (text, params) => [...(await sql.unsafe(text, (params ?? []) as never[]).raw())] as unknown as (Uint8Array | null)[][],
  };
}

/** `DATABASE_URL` when set, else PGlite in `dataDir` (or in memory). */
export function openDatabase(options: { url?: string; dataDir?: string; max?: number } = {}): Promise<Database> {
  return options.url ? postgresDatabase(options.url, { max: options.max }) : pgliteDatabase({ dataDir: options.dataDir });
}
