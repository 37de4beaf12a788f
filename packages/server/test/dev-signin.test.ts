// The DEVELOPMENT-ONLY sign-in: its tokens carry what the server reads and pass its verifier; it
// answers localhost only, JSON only, small bodies only, with typed errors in both languages.
import { describe, expect, it } from 'vitest';
import { createDevSignIn, type DevUser } from '../src/dev-signin.ts';
import { createVerifier } from '../src/auth.ts';
const SECRET = 'a development secret of at least thirty-two bytes!';
const OTHER_SECRET = 'another secret, also thirty-two bytes or longer';

const USERS: DevUser[] = [
  { id: 'clerk-a', name: '王受理', roles: ['intakeClerk'], unit: '甲镇综治中心', scope: { city: '示例市', county: '东区', town: '甲镇' }, label: { 'zh-CN': '甲镇受理员', en: 'Clerk, town A' } },
  { id: 'sup', name: '钱主任', roles: ['supervisor'], scope: { city: '示例市', county: '东区' }, label: { 'zh-CN': '区督导', en: 'County supervisor' } },
];
const dev = createDevSignIn({ secret: SECRET, users: USERS });
const call = async (path: string, init: RequestInit & { host?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.host) headers.set('host', init.host);
  const r = await dev.fetch(new Request(`http://127.0.0.1:4173${path}`, { ...init, headers }));
  const text = await r.text();
  return { status: r.status, text, json: JSON.parse(text), headers: r.headers };
};
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => call('/token', { method: 'POST', body, headers });

describe('the development sign-in', () => {
  it('lists the sample users, marked development-only', async () => {
    const r = await call('/users');
    expect(r.status).toBe(200);
    expect(r.json.development).toBe(true);
    expect(r.json.warning.en).toMatch(/DEVELOPMENT ONLY/);
    expect(r.json.warning['zh-CN']).toMatch(/仅供开发/);
    expect(r.json.users.map((u: { id: string }) => u.id)).toEqual(['clerk-a', 'sup']);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it("issues tokens the server's verifier accepts, with the user's id, name, roles, unit and scope", async () => {
    const verify = await createVerifier({ secret: SECRET });
    for (const user of USERS) {
      const r = await post(JSON.stringify({ user: user.id }));
      expect(r.status, r.text).toBe(200);
      const identity = await verify(`Bearer ${r.json.token}`);
      expect(identity).toEqual({ sub: user.id, name: user.name, roles: user.roles, ...(user.unit ? { unit: user.unit } : {}), scope: user.scope });
      expect(r.json.claims).toEqual({ sub: user.id, name: user.name, roles: user.roles, ...(user.unit ? { unit: user.unit } : {}), scope: user.scope });
      expect(Date.parse(r.json.expiresAt)).toBeGreaterThan(Date.now());
    }
    const other = await createVerifier({ secret: OTHER_SECRET });
    const r = await post(JSON.stringify({ user: 'clerk-a' }));
    await expect(other(`Bearer ${r.json.token}`)).rejects.toMatchObject({ status: 401, code: 'token_invalid' });
  });

  it('refuses unknown users, other content types, bad and oversized bodies and hostile strings with typed errors', async () => {
    const cases: [string, Record<string, string> | undefined, number, string][] = [
      [JSON.stringify({ user: 'nobody' }), undefined, 404, 'unknown_user'],
      [JSON.stringify({ user: "x'; DROP TABLE items; --" }), undefined, 404, 'unknown_user'],
      [JSON.stringify({ user: '__proto__' }), undefined, 404, 'unknown_user'],
      [JSON.stringify({ user: 'clerk-a', roles: ['supervisor'] }), undefined, 400, 'invalid_body'],
      [JSON.stringify({ user: 'clerk-a', scope: { city: '别市' } }), undefined, 400, 'invalid_body'],
      ['{"user": ', undefined, 400, 'body_not_json'],
      ['user=clerk-a', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'json_only'],
      [JSON.stringify({ user: 'x'.repeat(10_000) }), undefined, 413, 'body_too_large'],
    ];
    for (const [body, headers, status, code] of cases) {
      const r = await post(body, headers);
      expect([r.status, r.json.error.code], body.slice(0, 60)).toEqual([status, code]);
      expect(r.json.error.message['zh-CN']).toBeTruthy();
      expect(r.json.error.message.en).toBeTruthy();
      expect(r.json.token).toBeUndefined();
      expect(r.text).not.toMatch(/\bat \S+:\d+|stack/i);
    }
  });

  it('answers only requests addressed to this computer', async () => {
    for (const host of ['evil.example', 'bihuan.gov.cn:4173', '127.0.0.1.evil.example']) {
      const r = await call('/users', { host });
      expect([r.status, r.json.error.code]).toEqual([403, 'not_local']);
    }
    for (const host of ['localhost:4173', '127.0.0.1', '[::1]:8080']) expect((await call('/users', { host })).status).toBe(200);
    expect((await call('/nowhere')).json.error.code).toBe('no_route');
  });

  it('will not start under NODE_ENV=production, nor with a short secret', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => createDevSignIn({ secret: SECRET, users: USERS })).toThrow(/production/);
    } finally {
      process.env.NODE_ENV = before;
    }
    expect(() => createDevSignIn({ secret: 'short', users: USERS })).toThrow(/32 bytes/);
  });
});
