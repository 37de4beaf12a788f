// Every domain has the same anatomy and its own entry; shared vocabulary comes from the kernel,
// never from another domain; the root entry is a thin re-export.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const core = fileURLToPath(new URL('../../', import.meta.url));
const src = join(core, 'src');
const read = (p: string) => readFileSync(join(src, p), 'utf8');

const DOMAINS = ['attachment', 'business', 'dispute', 'emergency-unit', 'evaluation', 'event-permit', 'job-fair', 'quiz', 'reception', 'rectification', 'supervision', 'task', 'three-lists', 'volunteer'];
const LOOPS = ['dispute', 'event-permit', 'reception', 'rectification', 'supervision', 'task'];
const PARTS = ['schema', 'rate', 'privacy', 'calendar', 'loop', 'store', 'export', 'sync'];

describe('domain anatomy', () => {
  test('the list of domains is every folder that is not a shared part', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !PARTS.includes(f) && f !== 'errors' && f !== 'i18n').sort()).toEqual([...DOMAINS].sort());
  });

  test.each(DOMAINS)('%s has index.ts, store.ts and examples.ts (and definition.ts when it is a loop)', (domain) => {
    const files = readdirSync(join(src, domain));
    for (const f of ['index.ts', 'store.ts', 'examples.ts']) expect(files, `${domain}/${f}`).toContain(f);
    expect(files.includes('definition.ts'), `${domain}/definition.ts`).toBe(LOOPS.includes(domain));
    expect(files.some((f) => /^example[^s]/.test(f) && f !== 'example-catalog.ts' && f !== 'example-orders.ts'), 'one examples.ts, not example.ts').toBe(false);
  });

  test.each(DOMAINS)('%s: its label tables live in labels.ts (shared ones in the kernel), nowhere else', (domain) => {
    const elsewhere = readdirSync(join(src, domain))
      .filter((f) => f.endsWith('.ts') && f !== 'labels.ts')
      .filter((f) => /^export const [A-Z_]+_LABELS\b/m.test(read(`${domain}/${f}`)));
    expect(elsewhere).toEqual([]);
  });

  // store.ts declares where a domain keeps its records; what runs against that store (`…In`,
  // `…ToStore`, a sweep in one batch) lives in operations.ts.
  test.each(DOMAINS)('%s: store.ts declares the store (no schema, no operation of its own)', (domain) => {
    const text = read(`${domain}/store.ts`);
    expect(text, 'a record schema belongs in the domain’s schema or rules').not.toMatch(/z\.object\(/);
    // Factories of the declaration itself (`createDisputeStoreSpec`, `disputeCollections`) are declarations.
    expect(text, 'a store operation belongs in operations.ts').not.toMatch(/^(export )?(async )?function (?!create\w*StoreSpec\b|\w+Collections\b)/m);
  });

  test.each(DOMAINS)('%s: its entry leaves the example data out', (domain) => {
    expect(read(`${domain}/index.ts`)).not.toMatch(/examples?(-[a-z]+)?\.js'/);
  });

  test.each(DOMAINS)('%s takes shared vocabulary from the kernel, not from another domain’s schema', (domain) => {
    const offenders = readdirSync(join(src, domain))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => new RegExp(`from '\\.\\./(?!${domain}/)(${DOMAINS.join('|')})/schema\\.js'`).test(read(`${domain}/${f}`)) && !/import type/.test(read(`${domain}/${f}`).match(/.*\/schema\.js';/)?.[0] ?? ''));
    expect(offenders).toEqual([]);
  });
});

describe('entries', () => {
  const pkg = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

  test.each([...DOMAINS, ...PARTS, 'examples'])('@bihuan/core/%s is an entry with types', (name) => {
    const entry = pkg.exports[`./${name}`] as { types: string; import: string } | undefined;
    expect(entry).toBeDefined();
    const file = name === 'examples' ? 'examples' : `${name}/index`;
    expect(entry).toEqual({ types: `./dist/${file}.d.ts`, import: `./dist/${file}.js` });
    expect(existsSync(join(src, `${file}.ts`))).toBe(true);
  });

  test('the root entry is a thin re-export of the entries, without the example data', () => {
    const statements = read('index.ts').split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\/\*\*|\*)/.test(l));
    expect(statements.every((l) => /^export \* from '\.\/[a-z-]+(\/index)?\.js';$/.test(l))).toBe(true);
    const reexported = statements.map((l) => l.match(/'\.\/([a-z-]+)/)![1]);
    expect(reexported.sort()).toEqual([...DOMAINS, ...PARTS].sort());
  });

  test.each(DOMAINS)('@bihuan/core/%s/examples is an entry of its own (one domain\'s example data)', (domain) => {
    expect(pkg.exports['./*/examples']).toEqual({ types: './dist/*/examples.d.ts', import: './dist/*/examples.js' });
    expect(existsSync(join(src, `${domain}/examples.ts`))).toBe(true);
    expect(read('examples.ts')).toContain(`export * from './${domain}/examples.js';`);
  });
});
