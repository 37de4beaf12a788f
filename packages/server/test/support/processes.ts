// `bihuan-server` as a separate operating-system process (the built `dist/bin.js`), for the tests
// that need two real processes on one PostgreSQL: the push race (concurrency.test.ts) and the
// city-wide dispatch race (dispatch.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SECRET } from './databases.ts';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts `bihuan-server` on `databaseUrl` (port 0) and resolves once it prints that it listens. */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BIHUAN_JWT_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', BIHUAN_DB_POOL: '8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve({ url: JSON.parse(line).url, child });
      }
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
