import type { AuthOptions } from './auth.js';
import type { ServerOptions } from './index.js';

/**
 * A deployment's settings from the environment (what `bihuan-server` reads): every option a
 * process behind a load balancer needs, each checked here so that a wrong value stops the process
 * at start with a sentence naming the variable, never later on a request.
 */
export interface EnvConfig {
  readonly options: Omit<ServerOptions, 'logger' | 'log'>;
  readonly port: number;
  readonly host: string;
  /** pino's level for the process's own logger (default `info`). */
  readonly logLevel: string;
  /** Advice for the operator that does not stop the process (e.g. a per-process ticket key). */
  readonly warnings: readonly string[];
}

/** A setting from the environment that cannot be used; `message` names the variable and the rule. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`bihuan-server: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/** The variables `configFromEnv` reads, with what each means (the README's table says the same). */
export const ENV_VARIABLES = [
  'DATABASE_URL', 'BIHUAN_DATA_DIR', 'BIHUAN_DB_POOL', 'BIHUAN_MIGRATE',
  'BIHUAN_JWT_SECRET', 'BIHUAN_JWT_PUBLIC_KEY', 'BIHUAN_JWT_ALG', 'BIHUAN_JWKS_URL', 'BIHUAN_JWT_ISSUER', 'BIHUAN_JWT_AUDIENCE', 'BIHUAN_JWT_CLOCK_TOLERANCE',
  'BIHUAN_LIVE_TICKET_SECRET', 'BIHUAN_LIVE_TICKET_SECONDS', 'BIHUAN_LIVE_POLL_MS',
  'BIHUAN_BODY_LIMIT', 'BIHUAN_DISPATCH_BODY_LIMIT', 'BIHUAN_DISPATCH_CHUNK', 'BIHUAN_HEALTH_TIMEOUT_MS',
  'BIHUAN_LOG_LEVEL', 'PORT', 'HOST',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

type Env = Readonly<Record<string, string | undefined>>;

/** The settings in `env` (e.g. `process.env`); throws `ConfigError` on the first unusable one. */
export function configFromEnv(env: Env): EnvConfig {
  const get = (name: (typeof ENV_VARIABLES)[number]): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const whole = (name: (typeof ENV_VARIABLES)[number], min: number, max: number, fallback?: number): number | undefined => {
    const value = get(name);
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!(n >= min && n <= max)) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value.slice(0, 40))})`);
    return n;
  };
  const atLeast32 = (name: (typeof ENV_VARIABLES)[number]): string | undefined => {
    const value = get(name);
    if (value !== undefined && new TextEncoder().encode(value).length < 32) throw new ConfigError(name, 'must be at least 32 bytes (a random string of 32+ characters)');
    return value;
  };
  const warnings: string[] = [];

  // Tokens: exactly one way of checking them.
  const secret = atLeast32('BIHUAN_JWT_SECRET');
  const publicKey = get('BIHUAN_JWT_PUBLIC_KEY');
  const jwks = get('BIHUAN_JWKS_URL');
  const ways = [secret, publicKey, jwks].filter((v) => v !== undefined).length;
  if (ways === 0) throw new ConfigError('BIHUAN_JWT_SECRET', 'is not set: set BIHUAN_JWT_SECRET (HS256, 32+ bytes), BIHUAN_JWT_PUBLIC_KEY or BIHUAN_JWKS_URL');
  if (ways > 1) throw new ConfigError('BIHUAN_JWT_SECRET', 'and BIHUAN_JWT_PUBLIC_KEY / BIHUAN_JWKS_URL are set together: set exactly one');
  const alg = get('BIHUAN_JWT_ALG');
  if (alg !== undefined && !ALGORITHMS.includes(alg)) throw new ConfigError('BIHUAN_JWT_ALG', `must be one of ${ALGORITHMS.join(', ')}`);
  if (publicKey !== undefined && !/-----BEGIN PUBLIC KEY-----/.test(publicKey)) throw new ConfigError('BIHUAN_JWT_PUBLIC_KEY', 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  if (jwks !== undefined && !/^https?:\/\/\S+$/.test(jwks)) throw new ConfigError('BIHUAN_JWKS_URL', 'must be an http(s) address');
  const auth: AuthOptions = {
    ...(secret !== undefined ? { secret } : publicKey !== undefined ? { publicKey, ...(alg ? { publicKeyAlgorithm: alg } : {}) } : { jwks: jwks! }),
    ...(get('BIHUAN_JWT_ISSUER') ? { issuer: get('BIHUAN_JWT_ISSUER') } : {}),
    ...(get('BIHUAN_JWT_AUDIENCE') ? { audience: get('BIHUAN_JWT_AUDIENCE') } : {}),
    ...(get('BIHUAN_JWT_CLOCK_TOLERANCE') ? { clockTolerance: whole('BIHUAN_JWT_CLOCK_TOLERANCE', 0, 600) } : {}),
  };

  // The database.
  const url = get('DATABASE_URL');
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// address');
  const pool = whole('BIHUAN_DB_POOL', 1, 1000, 10)!;
  const migrateSetting = get('BIHUAN_MIGRATE');
  if (migrateSetting !== undefined && !['true', 'false', '1', '0'].includes(migrateSetting)) throw new ConfigError('BIHUAN_MIGRATE', 'must be true or false');
  const database = url !== undefined ? { url, max: pool } : { dataDir: get('BIHUAN_DATA_DIR') ?? './bihuan-data' };

  // Live notices: one ticket key shared by every process behind the balancer.
  const liveTicketSecret = atLeast32('BIHUAN_LIVE_TICKET_SECRET');
  if (liveTicketSecret === undefined && url !== undefined) {
    warnings.push('BIHUAN_LIVE_TICKET_SECRET is not set: each process signs live tickets with its own random key, so behind a load balancer a ticket works only on the process that issued it');
  }

  const level = get('BIHUAN_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(level)) throw new ConfigError('BIHUAN_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const host = get('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host)) throw new ConfigError('HOST', 'must be a host name or an IP address');

  const options: EnvConfig['options'] = {
    database,
    auth,
    migrate: migrateSetting === undefined ? true : migrateSetting === 'true' || migrateSetting === '1',
    ...(liveTicketSecret !== undefined ? { liveTicketSecret } : {}),
    ...optional('liveTicketSeconds', whole('BIHUAN_LIVE_TICKET_SECONDS', 5, 3600)),
    ...optional('livePollMs', whole('BIHUAN_LIVE_POLL_MS', 50, 60_000)),
    ...optional('bodyLimit', whole('BIHUAN_BODY_LIMIT', 1024, 64 * 1024 * 1024)),
    ...optional('dispatchBodyLimit', whole('BIHUAN_DISPATCH_BODY_LIMIT', 1024, 256 * 1024 * 1024)),
    ...optional('healthTimeout', whole('BIHUAN_HEALTH_TIMEOUT_MS', 100, 60_000)),
  };
  const chunk = whole('BIHUAN_DISPATCH_CHUNK', 1, 5000);
  return {
    options: chunk === undefined ? options : { ...options, dispatch: { chunk } },
    port: whole('PORT', 0, 65535, 8787)!,
    host,
    logLevel: level,
    warnings,
  };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}
