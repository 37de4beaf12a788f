// A small static file server for the example portal, the built catalog and their tests. It binds
// to 127.0.0.1 only and sends a strict Content-Security-Policy with Trusted Types required, so
// that what the portal shows is proven to work under the policy government portals use.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
};

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Serves `mounts` (`{ '/': dir, '/widgets/': dir }`, longest prefix wins) on 127.0.0.1.
 * `csp: false` leaves the policy off (the catalog's own pages use inline scripts); a string is sent
 * as the policy instead of STRICT_CSP (a host page whose framework makes its own Trusted Types policy).
 * `apps` (`{ '/api/': fetch }`) hands every request under a prefix, the prefix taken off, to a
 * web-standard handler `(Request) => Response` (the example's server and its dev sign-in).
 */
export async function startStaticServer({ mounts, port = 0, csp = true, apps = {} }) {
  const handlers = Object.entries(apps).sort((a, b) => b[0].length - a[0].length);
  const entries = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const app = handlers.find(([prefix]) => url.pathname.startsWith(prefix));
      if (app) return await handOver(req, res, app[1], `/${url.pathname.slice(app[0].length)}${url.search}`);
      const path = decodeURIComponent(url.pathname);
      const mount = entries.find(([prefix]) => path.startsWith(prefix));
      if (!mount) return send(res, 404, 'not found');
      const [prefix, dir] = mount;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) return send(res, 403, 'forbidden');
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 404, 'not found');
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      if (csp && extname(file) === '.html') headers['content-security-policy'] = typeof csp === 'string' ? csp : STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      send(res, 500, String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Passes a request to a web-standard handler (both bodies streamed: the handler's own size limit applies). */
async function handOver(req, res, fetch, path) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${path}`, { method: req.method, headers, ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}) });
  const response = await fetch(request);
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'x-content-type-options': 'nosniff' });
  if (!response.body) return res.end();
  // Streamed as it comes, so that a live stream (the server's Server-Sent Events at /api/live)
  // reaches the page notice by notice; when the page goes away, the handler's stream is cancelled.
  const body = Readable.fromWeb(response.body);
  res.on('close', () => body.destroy());
  body.on('error', () => res.destroy());
  body.pipe(res);
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
