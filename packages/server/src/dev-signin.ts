// DEVELOPMENT ONLY. A sign-in that issues tokens for sample users, so that the server can be tried
// on one computer with two browser windows acting as two people. It checks no password: never
// mount it where anyone but the developer can reach it. A portal signs its own users in and issues
// the tokens itself; this stands in for that during development.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SignJWT } from 'jose';
import * as z from 'zod';
import type { Localized } from '@bihuan/core/schema';
import { ScopeSchema, type Scope } from './auth.js';
import { HttpError, TEXTS } from './errors.js';

/** A sample user the development sign-in offers, with a label in both languages. */
export interface DevUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly unit?: string;
  readonly scope: Scope;
  readonly label: Localized;
}

export interface DevSignInOptions {
  /** The HS256 secret the server verifies with (32 bytes or more). */
  readonly secret: string | Uint8Array;
  readonly users: readonly DevUser[];
  /** Token lifetime in seconds (default 8 hours). */
  readonly expiresIn?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

export const DEV_TEXTS = {
  warning: {
    'zh-CN': '仅供开发使用：此登录不核验密码，任何能访问本页的人都能以示例用户身份登录。正式门户须由门户自己登录用户并签发令牌。',
    en: 'DEVELOPMENT ONLY: this sign-in checks no password; anyone who can reach this page can act as a sample user. A real portal signs its users in and issues the tokens itself.',
  },
  unknownUser: { 'zh-CN': '没有这个示例用户', en: 'no such sample user' },
  notLocal: { 'zh-CN': '开发登录只接受本机（localhost）访问', en: 'the development sign-in answers this computer (localhost) only' },
  jsonOnly: { 'zh-CN': '请求须为 JSON（Content-Type: application/json）', en: 'the request must be JSON (Content-Type: application/json)' },
  invalid: { 'zh-CN': '请求内容须为 { "user": 示例用户编号 }', en: 'the request body must be { "user": a sample user id }' },
  production: { 'zh-CN': '生产环境（NODE_ENV=production）不能启用开发登录', en: 'the development sign-in cannot run with NODE_ENV=production' },
} as const satisfies Record<string, Localized>;

const TokenRequest = z.object({ user: z.string().min(1).max(120) }).strict();
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * The development sign-in's routes, as a web-standard handler to mount (e.g. at `/dev/`):
 * `GET /users` lists the sample users; `POST /token` with `{ "user": id }` answers
 * `{ token, expiresAt, claims }`, the token carrying what the server reads (sub, name, roles,
 * unit, scope). It answers only requests addressed to localhost, refuses to start under
 * `NODE_ENV=production`, and marks every answer as development-only.
 */
export function createDevSignIn(options: DevSignInOptions): { readonly fetch: (request: Request) => Response | Promise<Response>; readonly users: readonly DevUser[] } {
  if (process.env.NODE_ENV === 'production') throw new Error(`bihuan dev sign-in: ${DEV_TEXTS.production.en}`);
  const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  if (secret.length < 32) throw new Error('bihuan dev sign-in: the secret must be at least 32 bytes');
  const users = options.users.map((u) => ({ ...u, scope: ScopeSchema.parse(u.scope) as Scope }));
  const byId = new Map(users.map((u) => [u.id, u]));
  const expiresIn = options.expiresIn ?? 8 * 3600;
  const app = new Hono();
  const refuse = (error: HttpError) => new Response(JSON.stringify(error.body()), { status: error.status, headers: HEADERS });

  app.onError((error) => refuse(error instanceof HttpError ? error : new HttpError(500, 'internal', TEXTS.internal)));
  app.notFound(() => refuse(new HttpError(404, 'no_route', TEXTS.route)));
  app.use('*', async (c, next) => {
    // Another name for this computer (DNS rebinding) or a proxy's host: not answered.
    if (!LOCAL_HOST.test(c.req.header('host') ?? new URL(c.req.url).host)) return refuse(new HttpError(403, 'not_local', DEV_TEXTS.notLocal));
    await next();
  });
  app.use('*', bodyLimit({ maxSize: 4096, onError: () => refuse(new HttpError(413, 'body_too_large', TEXTS.tooLarge)) }));

  app.get('/users', () => answer({ development: true, warning: DEV_TEXTS.warning, users: users.map(({ id, name, roles, unit, scope, label }) => ({ id, name, roles, unit, scope, label })) }));

  app.post('/token', async (c) => {
    // JSON only: a form on another site cannot send it without the browser asking first (CORS).
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'json_only', DEV_TEXTS.jsonOnly);
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new HttpError(400, 'body_not_json', TEXTS.notJson);
    }
    const parsed = TokenRequest.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid_body', DEV_TEXTS.invalid, 'user');
    const user = byId.get(parsed.data.user);
    if (!user) throw new HttpError(404, 'unknown_user', DEV_TEXTS.unknownUser, 'user');
    const claims = { sub: user.id, name: user.name, roles: [...user.roles], ...(user.unit ? { unit: user.unit } : {}), scope: user.scope };
    const now = Math.floor(Date.now() / 1000);
    let jwt = new SignJWT({ ...claims, dev: true }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + expiresIn);
    if (options.issuer) jwt = jwt.setIssuer(options.issuer);
    if (options.audience) jwt = jwt.setAudience(options.audience);
    return answer({ development: true, warning: DEV_TEXTS.warning, token: await jwt.sign(secret), expiresAt: new Date((now + expiresIn) * 1000).toISOString(), claims });
  });

  return { fetch: (request) => app.fetch(request), users };
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-bihuan-development-only': 'true' };

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: HEADERS });
}
