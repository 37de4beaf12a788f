#!/usr/bin/env node
// bihuan-server: runs the server alone. DATABASE_URL (PostgreSQL) or BIHUAN_DATA_DIR (PGlite folder,
// default ./bihuan-data); BIHUAN_JWT_SECRET, BIHUAN_JWT_PUBLIC_KEY (PEM) or BIHUAN_JWKS_URL; PORT, HOST.
import { serve } from '@hono/node-server';
import { createServer } from './index.js';

const env = process.env;
const auth = env.BIHUAN_JWT_SECRET
  ? { secret: env.BIHUAN_JWT_SECRET }
  : env.BIHUAN_JWT_PUBLIC_KEY
    ? { publicKey: env.BIHUAN_JWT_PUBLIC_KEY, publicKeyAlgorithm: env.BIHUAN_JWT_ALG }
    : env.BIHUAN_JWKS_URL
      ? { jwks: env.BIHUAN_JWKS_URL }
      : undefined;
if (!auth) {
  process.stderr.write('bihuan-server: set BIHUAN_JWT_SECRET (HS256, 32+ bytes), BIHUAN_JWT_PUBLIC_KEY or BIHUAN_JWKS_URL\n');
  process.exit(2);
}
const server = await createServer({
  database: env.DATABASE_URL ? { url: env.DATABASE_URL, max: Number(env.BIHUAN_DB_POOL ?? 10) } : { dataDir: env.BIHUAN_DATA_DIR ?? './bihuan-data' },
  auth: { ...auth, issuer: env.BIHUAN_JWT_ISSUER, audience: env.BIHUAN_JWT_AUDIENCE },
});
const port = Number(env.PORT ?? 8787);
const hostname = env.HOST ?? '127.0.0.1';
const http = serve({ fetch: server.fetch, port, hostname }, (info) => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'listening', url: `http://${hostname}:${info.port}`, database: server.database.kind })}\n`);
});
const stop = () => http.close(() => void server.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
