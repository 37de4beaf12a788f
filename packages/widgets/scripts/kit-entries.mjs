// The script-tag kit's entries (dist/cdn/kit/, see vite.cdn.config.ts): every widget's define
// module, each of core's subpath entries, each domain's example data and the widgets' default
// store, by output name ('bh-dispute-ledger', 'core/dispute', 'core/dispute/examples',
// 'default-store'). `from: 'dist'` points core's entries at its build (the package's kit);
// `from: 'src'` at its sources (the example portal's quick build, examples/build.mjs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../', import.meta.url));
const core = fileURLToPath(new URL('../../core/', import.meta.url));

/** @param {{ from: 'dist' | 'src' }} options @returns {Record<string, string>} */
export function kitEntries({ from }) {
  const exports = JSON.parse(readFileSync(`${core}package.json`, 'utf8')).exports;
  const parts = Object.keys(exports).filter((key) => key.startsWith('./') && !key.includes('*') && key !== './package.json').map((key) => key.slice(2));
  const partFile = (sub) => (from === 'dist' ? `${core}${exports[`./${sub}`].import.slice(2)}` : [`${core}src/${sub}/index.ts`, `${core}src/${sub}.ts`].find((f) => existsSync(f)));
  const domains = readdirSync(`${core}src`, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(`${core}src/${d.name}/examples.ts`)).map((d) => d.name);
  return {
    ...Object.fromEntries(readdirSync(`${widgets}src/components`).map((c) => [`bh-${c}`, `${widgets}src/components/${c}/define.ts`])),
    ...Object.fromEntries(parts.map((sub) => [`core/${sub}`, partFile(sub)])),
    ...Object.fromEntries(domains.map((d) => [`core/${d}/examples`, from === 'dist' ? `${core}dist/${d}/examples.js` : `${core}src/${d}/examples.ts`])),
    'default-store': `${widgets}src/cdn/default-store.ts`,
  };
}
