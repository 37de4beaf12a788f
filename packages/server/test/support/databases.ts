// Each server test runs once on PGlite and once on a real PostgreSQL (see global-setup.ts).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { SignJWT } from 'jose';
import { pgliteDatabase, postgresDatabase, type Database } from '../../src/database.ts';
import { createServer, type BihuanServer } from '../../src/index.ts';
import type { Scope } from '../../src/auth.ts';
import { withDatabase } from './cluster.mjs';

export const KINDS = ['pglite', 'postgres'] as const;
export type Kind = (typeof KINDS)[number];

let pgliteTemplate: Blob | undefined;

/** A fresh migrated database of this kind (a copy of the run's template). */
export async function freshDatabase(kind: Kind): Promise<Database> {
  if (kind === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(inject('bihuanPgliteTemplate'))]);
    return pgliteDatabase({ loadDataDir: pgliteTemplate });
  }
  return postgresDatabase(await freshPostgresUrl(), { max: 20 });
}

/** The address of a new PostgreSQL database copied from the run's migrated template. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = inject('bihuanPostgresAdmin');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const db = await postgresDatabase(admin, { max: 1 });
  await db.query(`CREATE DATABASE ${name} TEMPLATE bihuan_template`);
  await db.close();
  return withDatabase(admin, name);
}

export const SECRET = 'a development secret of at least thirty-two bytes!';
export const OTHER_SECRET = 'another secret, also thirty-two bytes or longer';

export interface User {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly string[];
  readonly unit?: string;
  readonly scope: Scope;
}

/** A token as a portal would sign it (HS256), valid for an hour unless told otherwise. */
export async function tokenFor(user: User, options: { secret?: string; expiresIn?: string | number; extra?: Record<string, unknown> } = {}): Promise<string> {
  return new SignJWT({ ...user, ...options.extra } as Record<string, unknown>)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

export const CITY = '示例市';
export const USERS = {
  clerkA: { sub: 'clerk-a', name: '王受理', roles: ['intakeClerk'], unit: '甲镇综治中心', scope: { city: CITY, county: '东区', town: '甲镇' } },
  clerkB: { sub: 'clerk-b', name: '李受理', roles: ['intakeClerk'], unit: '乙镇综治中心', scope: { city: CITY, county: '东区', town: '乙镇' } },
  mediatorA: { sub: 'mediator-a', name: '赵调解', roles: ['mediator'], unit: '甲镇人民调解委员会', scope: { city: CITY, county: '东区', town: '甲镇' } },
  supervisorCounty: { sub: 'sup-east', name: '钱主任', roles: ['supervisor'], unit: '东区综治中心', scope: { city: CITY, county: '东区' } },
  supervisorWest: { sub: 'sup-west', name: '孙主任', roles: ['supervisor'], unit: '西区综治中心', scope: { city: CITY, county: '西区' } },
  liaisonA: { sub: 'liaison-a', name: '周联络', roles: ['departmentLiaison'], unit: 'justice', scope: { city: CITY, county: '东区', town: '甲镇' } },
  twoRoles: { sub: 'both-a', name: '吴双岗', roles: ['intakeClerk', 'mediator'], unit: '甲镇综治中心', scope: { city: CITY, county: '东区', town: '甲镇' } },
} satisfies Record<string, User>;

/** A server on a fresh database, with a `call` that sends JSON as a signed-in user. */
export async function serverOn(kind: Kind, options: { bodyLimit?: number; dispatchBodyLimit?: number } = {}) {
  const database = await freshDatabase(kind);
  const logged: Record<string, unknown>[] = [];
  const server: BihuanServer = await createServer({ database, auth: { secret: SECRET }, migrate: false, log: (e) => logged.push(e), ...options });
  async function call(method: string, path: string, as: User | string | null, body?: unknown): Promise<{ status: number; text: string; json: any }> {
    const headers: Record<string, string> = {};
    if (as !== null) headers.authorization = `Bearer ${typeof as === 'string' ? as : await tokenFor(as)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return answerOf(await server.fetch(new Request(`http://bihuan.test${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })));
  }
  return { server, database, call, logged, close: () => database.close() };
}

/** An answer as the tests read it: status, text, and the JSON when the text is JSON (a live stream is closed at once, its text empty). */
export async function answerOf(response: Response): Promise<{ status: number; text: string; json: any }> {
  const text = response.headers.get('content-type')?.startsWith('text/event-stream') ? (await response.body?.cancel(), '') : await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** Row counts of the tables a refused request must leave as they were. */
export async function counts(db: Database): Promise<Record<'items' | 'events' | 'changes' | 'mutations' | 'clients', number>> {
  const out = {} as Record<'items' | 'events' | 'changes' | 'mutations' | 'clients', number>;
  for (const table of ['items', 'events', 'changes', 'mutations', 'clients'] as const) {
    const [row] = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    out[table] = Number(row!.n);
  }
  return out;
}

/** A dispute intake with personal data (names, phones, an id number, an address). */
export function intake(n: number, town = '甲镇') {
  return {
    title: `邻里漏水纠纷 ${n}`,
    category: 'neighbour',
    description: '楼上漏水导致楼下墙面受损，双方就赔偿金额争执不下。',
    channel: 'walkIn',
    town,
    community: '幸福社区',
    parties: [
      { id: 'p1', side: 'applicant', name: '张三丰', phone: '13812345678', idNumber: '110101199003074514', address: '幸福社区3栋201室' },
      { id: 'p2', side: 'respondent', name: '李四海', phone: '13987654321' },
    ],
  };
}

export const AT = (minute: number) => new Date(Date.UTC(2026, 10, 2, 1, 0) + minute * 60_000).toISOString();

/** Uploads a file to an item as a signed-in user (`PUT …/attachments/:id`, with its SHA-256). */
export async function uploadFile(
  server: { fetch(request: Request): Promise<Response> | Response },
  as: User,
  path: { collection: string; item: string; id: string },
  body: Uint8Array<ArrayBuffer>,
  options: { type?: string; name?: string; mediaType?: string; at?: string; role?: string } = {},
): Promise<{ status: number; json: any }> {
  const query = new URLSearchParams({ type: options.type ?? 'agreementScan', name: options.name ?? '调解协议书.pdf', at: options.at ?? AT(5), ...(options.role ? { role: options.role } : {}) });
  const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', body)).toString('hex');
  const headers = { authorization: `Bearer ${await tokenFor(as)}`, 'content-type': options.mediaType ?? 'application/pdf', 'x-bihuan-sha256': sha256 };
  const url = `http://bihuan.test/items/${path.collection}/${encodeURIComponent(path.item)}/attachments/${encodeURIComponent(path.id)}?${query}`;
  const response = await server.fetch(new Request(url, { method: 'PUT', headers, body }));
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) };
}
