// What a portal's own backend does behind `getToken`: for the user its own sign-in has already
// checked (a password, a certificate, the government's single sign-on …), it signs a short-lived
// token with the claims @bihuan/server reads — `sub`, `name`, `roles`, `unit`, `scope` — using the
// secret (or private key) the server is configured with. The browser never sees the secret.
//
// Runnable beside `npm start`: `node examples/server/host-token.mjs clerk-a` prints a token for the
// example county's clerk, signed with the example's secret (examples/.data/dev-secret), which the
// example server accepts at /api/ (see the README, "The example portal").
import { SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { USERS } from './county.mjs';

/**
 * Signs a token for `user` (`{ id, name, roles, unit, scope }` as the portal's own records hold
 * them) with an HS256 `secret`; `expiresIn` as jose reads it (`'8h'`, `'15m'`).
 */
export async function issueToken(user, secret, { expiresIn = '8h' } = {}) {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT({ name: user.name, roles: user.roles, ...(user.unit ? { unit: user.unit } : {}), scope: user.scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const id = process.argv[2];
  const user = USERS.find((u) => u.id === id);
  if (!user) {
    console.error(`usage: node examples/server/host-token.mjs <user>   (one of: ${USERS.map((u) => u.id).join(', ')})`);
    process.exit(2);
  }
  let secret;
  try {
    secret = readFileSync(fileURLToPath(new URL('../.data/dev-secret', import.meta.url)), 'utf8').trim();
  } catch {
    console.error('No example secret yet: run `npm start` once (it makes examples/.data/dev-secret).');
    process.exit(1);
  }
  console.log(await issueToken(user, secret));
}
