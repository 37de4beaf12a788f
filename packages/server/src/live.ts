import type { Hono } from 'hono';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { ClaimsSchema, within, type Identity, type Scope, type Verifier } from './auth.js';
import { HttpError, TEXTS } from './errors.js';
import type { Service } from './service.js';

export interface LiveOptions {
  /**
   * The key `POST /live/ticket` signs tickets with (32 bytes or more). Give every process behind
   * one load balancer the same key so any of them accepts a ticket; default: a random key of this
   * process (a ticket then works only on the process that issued it).
   */
  readonly liveTicketSecret?: string | Uint8Array;
  /** How often the change feed is polled while clients are connected, in ms (default 250). */
  readonly livePollMs?: number;
  /** Seconds a ticket stays valid (default 60). */
  readonly liveTicketSeconds?: number;
}

/** The session the client library shows: the token's actor and the deepest level of its scope. */
export function sessionOf(identity: Identity, expiresAt?: number) {
  const levels = (['city', 'county', 'town', 'community'] as const).filter((l) => identity.scope[l] !== undefined);
  const level = levels[levels.length - 1]!;
  const path = levels.map((l) => identity.scope[l]!);
  return {
    actor: { id: identity.sub, ...(identity.name ? { name: identity.name } : {}), roles: identity.roles, ...(identity.unit ? { unit: identity.unit } : {}) },
    scope: { level, id: path.join('/'), name: path[path.length - 1]! },
    ...(expiresAt ? { expiresAt: new Date(expiresAt * 1000).toISOString() } : {}),
  };
}

/** The change feed behind `/live`: `start` listens at once (real PostgreSQL), `stop` before the database closes. */
export interface LiveFeed {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const FEEDS = new WeakMap<object, LiveFeed>();

/** The live feed mounted on an app (by `createApp`), if any. */
export function liveFeedOf(app: object): LiveFeed | undefined {
  return FEEDS.get(app);
}

interface Listener {
  readonly scope: Scope;
  send(text: string): void;
}

/**
 * Change notices to connected clients, stateless across processes: each process reads the change
 * feed (`changes`, whose cursors follow commit order) while it has listeners, and tells each
 * listener the newest cursor among the changes inside its scope — never the record, never a change
 * outside its scope. On real PostgreSQL a read follows each `NOTIFY bihuan_changes` (sent at commit
 * by migration 4's trigger; a 2 s poll covers notices lost on a reconnect); on PGlite, which has
 * one process, it is a short poll (250 ms). One indexed query per read per process, however many clients.
 */
class Feed {
  private readonly listeners = new Set<Listener>();
  private last: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private again = false;
  /** On real PostgreSQL: the UNLISTEN of `LISTEN bihuan_changes` (migration 4's trigger); the poll is then a slow safety net. */
  private listening: (() => Promise<void>) | undefined;
  private starting: Promise<void> | undefined;
  /** Listening since the server started, for the process's life (not only while clients are connected). */
  private kept = false;

  constructor(
    private readonly service: Service,
    private readonly pollMs: number,
  ) {}

  /** Starts listening now (real PostgreSQL), so the first client's first notice never waits for LISTEN or a poll. */
  async start(): Promise<void> {
    this.kept = true;
    await this.listen();
  }

  /** Stops listening (the server is closing). */
  async stop(): Promise<void> {
    this.kept = false;
    await this.starting;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const unlisten = this.listening;
    this.listening = undefined;
    await unlisten?.().catch(() => undefined);
  }

  /** LISTEN once; a failed attempt (the database away) is tried again by the next client. */
  private listen(): Promise<void> {
    const db = this.service.db;
    if (!db.listen || this.listening) return Promise.resolve();
    this.starting ??= db
      .listen('bihuan_changes', () => void this.poll())
      .then(
        (unlisten) => void (this.listening = unlisten),
        () => undefined,
      )
      .finally(() => (this.starting = undefined));
    return this.starting;
  }

  async add(listener: Listener): Promise<() => void> {
    const db = this.service.db;
    await this.listen();
    if (this.last === undefined) {
      const [head] = await db.query<{ cursor: string }>('SELECT cursor::text AS cursor FROM feed_head');
      this.last ??= Number(head?.cursor ?? 0);
    }
    this.listeners.add(listener);
    this.arm();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size) return;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.last = undefined;
      if (this.kept) return;
      const unlisten = this.listening;
      this.listening = undefined;
      void unlisten?.().catch(() => undefined);
    };
  }

  private arm(): void {
    if (this.timer !== undefined || !this.listeners.size) return;
    // With LISTEN, a notice triggers the read; the timer only covers a notice lost on a reconnect.
    this.timer = setTimeout(() => void this.poll(), this.listening ? Math.max(this.pollMs, 2000) : this.pollMs);
  }

  private async poll(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.polling) {
      this.again = true;
      return;
    }
    if (this.last === undefined || !this.listeners.size) return this.arm();
    this.polling = true;
    try {
      const rows = await this.service.db.query<{ cursor: string; city: string; county: string | null; town: string | null; community: string | null }>(
        'SELECT cursor::text AS cursor, city, county, town, community FROM changes WHERE cursor > $1::bigint ORDER BY cursor LIMIT 1000',
        [this.last],
      );
      if (rows.length) {
        this.last = Number(rows[rows.length - 1]!.cursor);
        for (const l of this.listeners) {
          let newest = 0;
          for (const r of rows) if (within(l.scope, r)) newest = Number(r.cursor);
          if (newest) l.send(`data: ${JSON.stringify({ cursor: newest })}\n\n`);
        }
      }
    } catch {
      // The database is away for a moment: the next poll tries again; clients pull on reconnect.
    } finally {
      this.polling = false;
      if (this.again) {
        this.again = false;
        void this.poll();
      } else this.arm();
    }
  }
}

/**
 * `GET /session`, `POST /live/ticket` and `GET /live` (Server-Sent Events). Mounted before the
 * app's token check: `/live` also takes a short-lived `?ticket=` (an `EventSource` cannot send
 * headers), so each route checks who is asking itself.
 */
export function mountLive(app: Hono<any>, service: Service, verify: Verifier, options: LiveOptions = {}): LiveFeed {
  const feed = new Feed(service, options.livePollMs ?? 250);
  FEEDS.set(app, feed);
  const given = options.liveTicketSecret;
  const key = typeof given === 'string' ? new TextEncoder().encode(given) : (given ?? crypto.getRandomValues(new Uint8Array(32)));
  if (key.length < 32) throw new Error('bihuan-server: liveTicketSecret must be at least 32 bytes');
  const seconds = options.liveTicketSeconds ?? 60;

  app.get('/session', async (c) => {
    const authorization = c.req.header('authorization');
    const identity = await verify(authorization);
    const exp = decodeJwt(authorization!.slice('Bearer '.length)).exp;
    c.header('cache-control', 'no-store');
    return c.json(sessionOf(identity, exp));
  });

  app.post('/live/ticket', async (c) => {
    const identity = await verify(c.req.header('authorization'));
    const ticket = await new SignJWT({ ...identity, purpose: 'live' } as unknown as Record<string, unknown>)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .sign(key);
    c.header('cache-control', 'no-store');
    return c.json({ ticket, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() });
  });

  app.get('/live', async (c) => {
    const ticket = c.req.query('ticket');
    let identity: Identity;
    if (ticket !== undefined) {
      let claims: unknown;
      try {
        const { payload } = await jwtVerify(ticket, key, { algorithms: ['HS256'] });
        if (payload.purpose !== 'live') throw new Error('not a live ticket');
        claims = payload;
      } catch {
        throw new HttpError(401, 'ticket_invalid', { 'zh-CN': '实时通道凭证无效或已过期，请重新获取', en: 'the live ticket is invalid or has expired; ask for a new one' });
      }
      const parsed = ClaimsSchema.safeParse(claims);
      if (!parsed.success) throw new HttpError(401, 'ticket_invalid', TEXTS.tokenInvalid);
      identity = parsed.data as Identity;
    } else {
      identity = await verify(c.req.header('authorization'));
    }
    const encoder = new TextEncoder();
    let stop: (() => void) | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    const end = () => {
      stop?.();
      stop = undefined;
      if (ping !== undefined) clearInterval(ping);
      ping = undefined;
    };
    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            end();
          }
        };
        // Registered first, then ": connected": a client that has seen it is told of every later commit
        // (the feed's starting cursor is read before the line goes out). The browser's EventSource
        // reconnects after `retry` ms; the ping comment keeps proxies from closing an idle stream.
        stop = await feed.add({ scope: identity.scope, send });
        send('retry: 2000\n: connected\n\n');
        ping = setInterval(() => send(': ping\n\n'), 15_000);
        c.req.raw.signal?.addEventListener('abort', () => {
          end();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      cancel: end,
    });
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    });
  });
  return feed;
}
