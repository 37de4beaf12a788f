import * as z from 'zod';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, errors as joseErrors, type JWTVerifyGetKey, type JSONWebKeySet, type CryptoKey } from 'jose';
import { HttpError, TEXTS } from './errors.js';
import { unstorableTextPath } from './text.js';

/** Where a user works: a city, and optionally down to a county, a town and a community. */
export interface Scope {
  readonly city: string;
  readonly county?: string;
  readonly town?: string;
  readonly community?: string;
}

/** The signed-in user, as the portal's token says: the only source of an event's actor. */
export interface Identity {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly string[];
  readonly unit?: string;
  readonly scope: Scope;
}

/**
 * How tokens are verified: a shared secret (HS256), the portal's public key (PEM, RS256/ES256 …),
 * or its JWKS (a URL, or the key set itself). `issuer` and `audience` are checked when given.
 */
export interface AuthOptions {
  readonly secret?: string | Uint8Array;
  readonly publicKey?: string;
  readonly publicKeyAlgorithm?: string;
  readonly jwks?: string | JSONWebKeySet;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds of clock skew allowed on `exp`/`nbf` (default 30). */
  readonly clockTolerance?: number;
}

const name = z.string().trim().min(1).max(120);
const area = z.string().trim().min(1).max(120);

/** The claims the server reads; a token without them is refused. */
export const ScopeSchema = z
  .object({ city: area, county: area.optional(), town: area.optional(), community: area.optional() })
  .refine((s) => (s.town === undefined || s.county !== undefined) && (s.community === undefined || s.town !== undefined), {
    message: 'a town needs its county, a community its town',
  });
export const ClaimsSchema = z.object({
  sub: name,
  name: name.optional(),
  roles: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  unit: name.optional(),
  scope: ScopeSchema,
});

export type Verifier = (authorization: string | undefined) => Promise<Identity>;

/** A verifier of `Authorization: Bearer …` headers: the identity, or a 401 `HttpError`. */
export async function createVerifier(options: AuthOptions): Promise<Verifier> {
  let key: Uint8Array | CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.secret !== undefined) {
    const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    if (secret.length < 32) throw new Error('bihuan-server: auth.secret must be at least 32 bytes');
    key = secret;
    algorithms = ['HS256'];
  } else if (options.publicKey !== undefined) {
    const alg = options.publicKeyAlgorithm ?? 'RS256';
    key = await importSPKI(options.publicKey, alg);
    algorithms = [alg];
  } else if (options.jwks !== undefined) {
    key = typeof options.jwks === 'string' ? createRemoteJWKSet(new URL(options.jwks)) : createLocalJWKSet(options.jwks);
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  } else {
    throw new Error('bihuan-server: auth needs a secret, a publicKey or a jwks');
  }
  const verifyOptions = {
    algorithms,
    clockTolerance: options.clockTolerance ?? 30,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  };
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]{1,8192})$/.exec(authorization ?? '');
    if (!match) throw new HttpError(401, 'unauthenticated', TEXTS.unauthenticated);
    let payload: unknown;
    try {
      payload = (await jwtVerify(match[1]!, key as Uint8Array, verifyOptions)).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new HttpError(401, 'token_expired', TEXTS.tokenExpired);
      throw new HttpError(401, 'token_invalid', TEXTS.tokenInvalid);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new HttpError(401, 'token_invalid', TEXTS.tokenInvalid, claims.error.issues[0]?.path.join('.') || undefined);
    // A claim the database could not store as an event's actor (a NUL, half a surrogate pair).
    const unstorable = unstorableTextPath(claims.data);
    if (unstorable !== undefined) throw new HttpError(401, 'token_invalid', TEXTS.tokenInvalid, unstorable);
    return claims.data as Identity;
  };
}

/** Whether `inner` lies within `outer` (the same city, and every level `outer` names). */
export function within(outer: Scope, inner: { city: string; county?: string | null; town?: string | null; community?: string | null }): boolean {
  return (
    outer.city === inner.city &&
    (outer.county === undefined || outer.county === inner.county) &&
    (outer.town === undefined || outer.town === inner.town) &&
    (outer.community === undefined || outer.community === inner.community)
  );
}

/** SQL for "the row's scope lies within the user's", with its four parameters from `at`. */
export function scopeClause(at: number): string {
  return `city = $${at} AND ($${at + 1}::text IS NULL OR county = $${at + 1}) AND ($${at + 2}::text IS NULL OR town = $${at + 2}) AND ($${at + 3}::text IS NULL OR community = $${at + 3})`;
}
export function scopeParams(scope: Scope): [string, string | null, string | null, string | null] {
  return [scope.city, scope.county ?? null, scope.town ?? null, scope.community ?? null];
}
