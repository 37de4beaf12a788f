// A small static file server for the example portal, the built catalog and their tests. It binds
// to 127.0.0.1 only and sends a strict Content-Security-Policy with Trusted Types required, so
// that what the portal shows is proven to work under the policy government portals use.
import { createServer } from 'node:http';
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
 */
export async function startStaticServer({ mounts, port = 0, csp = true }) {
  const entries = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
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

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
