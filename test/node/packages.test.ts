// What we publish: core has no DOM dependency, versions agree, every export resolves to a built file.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { VERSION } from '../../packages/widgets/src/internal/version.js';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

describe('published packages', () => {
  test('core compiles without the DOM (Web Worker globals only: IndexedDB, BroadcastChannel)', () => {
    // packages/core/tsconfig.json has lib ES2022 + WebWorker: \`document\`, \`window\`, \`HTMLElement\`
    // do not exist there, so any use of them is a compile error, not a pattern to grep for.
    expect(read('packages/core/tsconfig.json').compilerOptions.lib).toEqual(['ES2022', 'WebWorker']);
    expect(() => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'packages/core/tsconfig.json', '--noEmit'], { encoding: 'utf8' })).not.toThrow();
  }, 120_000);

  test('no code is generated at run time (strict CSP forbids eval, and merely probing is reported)', () => {
    const offenders = [...files('packages/core/src', '.ts'), ...files('packages/widgets/src', '.ts')].filter((f) =>
      /new Function\s*\(|\beval\s*\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  test('core imports zod only through src/schema/zod.ts', () => {
    // That module turns zod's JIT off (its eval probe is a CSP violation in portals) and
    // re-exports zod with \`export *\`, which keeps it tree-shakable; \`import { z } from 'zod'\`
    // would drag all of zod, locales included, into every bundle.
    const offenders = files('packages/core/src', '.ts').filter(
      (f) => !f.endsWith(join('schema', 'zod.ts')) && /from\s*'zod(\/[a-z]+)?'/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  test('the widgets’ VERSION matches package.json', () => {
    expect(VERSION).toBe(read('packages/widgets/package.json').version);
  });

  test.each(['packages/core', 'packages/widgets'])('every export of %s resolves to a built file', (pkg) => {
    const { exports } = read(`${pkg}/package.json`);
    for (const [key, target] of Object.entries(exports as Record<string, unknown>)) {
      if (key === './*') {
        // Each widget's own entry: './<name>' → dist/components/<name>/define.js
        for (const name of readdirSync(join(pkg, 'src/components'))) {
          expect(existsSync(join(pkg, `dist/components/${name}/define.js`)), `${pkg} ./${name}`).toBe(true);
          expect(existsSync(join(pkg, `dist/cdn/bh-${name}.js`)), `${pkg} cdn/bh-${name}.js`).toBe(true);
        }
        continue;
      }
      if (key.includes('*')) continue;
      const paths = typeof target === 'string' ? [target] : Object.values(target as Record<string, string>);
      for (const p of paths) expect(existsSync(join(pkg, p)), `${pkg} ${key} → ${p}`).toBe(true);
    }
  });

  test('the script-tag builds are self-contained (no bare imports left)', () => {
    for (const file of files('packages/widgets/dist/cdn', '.js')) {
      const source = readFileSync(file, 'utf8');
      // A bare specifier is a package name: `from"lit"`, `from"@bihuan/core"`, `import("zod")`.
      expect(source, file).not.toMatch(/\b(?:from|import\s*\()\s*["'](?:@[\w-]+\/)?[a-z][\w-]*(?:\/[\w./-]*)?["']/);
    }
  });

  test('the manifest documents each widget’s tag, attributes, parts and custom properties', () => {
    const manifest = read('packages/widgets/custom-elements.json');
    const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []);
    const card = declarations.find((d: { tagName?: string }) => d.tagName === 'bh-rate-card');
    expect(card.attributes.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['numerator', 'denominator', 'previous-numerator']));
    expect(card.cssParts.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['base', 'value', 'counts', 'change', 'problem']));
    expect(card.cssProperties.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['--bh-color-good', '--bh-radius']));
  });
});
