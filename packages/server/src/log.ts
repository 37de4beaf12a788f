import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/**
 * Structured logs with pino: one entry per request — request id, user id, method, route pattern
 * (`/items/:collection/:id`, never the ids themselves), status, duration — and one per failure.
 * Never a token, a header, a body, a query string or anything from a snapshot: personal data stays
 * out of the logs.
 */
export type { Logger } from 'pino';

/** The least a host's own logger must offer (a pino logger does; so do most others' adapters). */
export interface LoggerLike {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface LogOptions {
  /** A host's own logger (e.g. its pino instance, or a child of it). */
  readonly logger?: LoggerLike;
  /** Where entries go as plain objects instead (one per entry); used when no `logger` is given. */
  readonly log?: (entry: Record<string, unknown>) => void;
}

/** The server's logger: the host's, or a pino logger writing JSON lines to stderr (or to `log`). */
export function loggerFor(options: LogOptions): LoggerLike {
  if (options.logger) return options.logger;
  const sink = options.log;
  const base = { name: 'bihuan-server' };
  if (sink) return pino({ base, timestamp: pino.stdTimeFunctions.isoTime }, { write: (line: string) => sink(JSON.parse(line) as Record<string, unknown>) });
  return pino({ base, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: false })) as Logger;
}

// A request id a client or proxy sends is kept only when it is short and plain.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Logs every request once it is answered; sets `x-request-id` on the answer. */
export function requestLog(logger: LoggerLike, userOf: (c: Context) => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    const started = performance.now();
    c.set('requestId' as never, requestId as never);
    await next();
    c.header('x-request-id', requestId);
    const status = c.res.status;
    const entry = { requestId, userId: userOf(c), method: c.req.method, route: routePath(c, -1), status, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    if (status >= 500) logger.error(c.error ? { ...entry, error: `${c.error.name}: ${c.error.message}` } : entry, 'request failed');
    else if (status >= 400) logger.warn(entry, 'request refused');
    else logger.info(entry, 'request');
  };
}
