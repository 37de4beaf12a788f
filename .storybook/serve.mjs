// Serves the built catalog (`pnpm catalog:build` → test/.catalog) on 127.0.0.1, as any static
// web server would: `pnpm catalog:serve` (PORT=8080 picks the port; the default is 6006).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../examples/static-server.mjs';

const dir = fileURLToPath(new URL('../test/.catalog/', import.meta.url));
if (!existsSync(`${dir}index.html`)) {
  console.error('The catalog is not built yet: run `npx pnpm@12.21.0 catalog:build` first.');
  process.exit(1);
}
// Storybook's pages use inline scripts: no CSP here (the portal's pages are served under one).
const server = await startStaticServer({ mounts: { '/': dir }, port: Number(process.env.PORT ?? 6006), csp: false });
console.log(`bihuan catalog: ${server.url}`);
console.log('Press Ctrl+C to stop.');
