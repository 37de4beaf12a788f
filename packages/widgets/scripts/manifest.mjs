// Writes custom-elements.json with the analyzer (cem), unless it is newer than every source file
// and the analyzer's config: `npm test` makes the manifest first, so that the catalog's build and
// the type check (both read it) run beside the rest of the build, and the build then finds it up
// to date instead of rewriting it under their feet.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const manifest = join(root, 'custom-elements.json');
const config = join(root, 'custom-elements-manifest.config.mjs');
const inputs = [config, ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join(root, 'src', f))];
const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));

if (existsSync(manifest) && statSync(manifest).mtimeMs > newest) {
  console.log('custom-elements.json is up to date');
} else {
  const cem = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cem, 'analyze', '--config', config], { cwd: root, stdio: 'inherit' });
}
