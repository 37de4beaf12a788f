#!/usr/bin/env node
// bihuan-server: runs the server alone, every setting from the environment (config.ts; the README
// lists them): DATABASE_URL or BIHUAN_DATA_DIR, the token keys, the live-ticket key, limits, PORT, HOST.
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { configFromEnv, ConfigError, type EnvConfig } from './config.js';
import { createServer } from './index.js';

let config: EnvConfig;
try {
  config = configFromEnv(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const logger = pino({ level: config.logLevel, base: { name: 'bihuan-server' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: false }));
for (const warning of config.warnings) logger.warn({ setting: warning.split(' ')[0] }, warning);
const server = await createServer({ ...config.options, logger });
const http = serve({ fetch: server.fetch, port: config.port, hostname: config.host }, (info) => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'listening', url: `http://${config.host}:${info.port}`, database: server.database.kind })}\n`);
});
const stop = () => http.close(() => void server.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
