// What we publish: core has no DOM dependency, versions agree, every export resolves to a built file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../../packages/widgets/src/internal/version.js';
import { packTarballs } from '../hosts/support/hosts.mjs';

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

  test('each subpath entry of the built core is the same module instance as the root entry (one store, one loop registry)', () => {
    // Run in a plain Node process, so that it resolves the built package through its `exports` map,
    // as a portal does, rather than through the tests' source aliases.
    const exports = Object.keys(read('packages/core/package.json').exports as Record<string, unknown>)
      .filter((k) => k !== '.' && k !== './package.json' && !k.includes('*') && k !== './examples')
      .map((k) => `@bihuan/core${k.slice(1)}`);
    const probe = `
      const root = await import('@bihuan/core');
      const out = {};
      for (const entry of ${JSON.stringify(exports)}) {
        const sub = await import(entry);
        const names = Object.keys(sub);
        out[entry] = { names: names.length, missing: names.filter((n) => !(n in root)), other: names.filter((n) => n in root && root[n] !== sub[n]) };
      }
      console.log(JSON.stringify(out));`;
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })) as Record<string, { names: number; missing: string[]; other: string[] }>;
    expect(Object.keys(result).sort()).toEqual([...exports].sort());
    for (const [entry, { names, missing, other }] of Object.entries(result)) {
      expect(names, `${entry} exports something`).toBeGreaterThan(0);
      expect({ entry, missing, other }).toEqual({ entry, missing: [], other: [] });
    }
  }, 120_000);

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

  test('registration is marked where it happens, and nowhere else (so bundlers keep it, and only it)', () => {
    const { sideEffects } = read('packages/widgets/package.json') as { sideEffects: string[] };
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/^\.\//, '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    const marked = (file: string) => sideEffects.some((pattern) => glob(pattern).test(file));
    const npmFiles = readdirSync('packages/widgets/dist', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js') && !f.startsWith('cdn'))
      .map((f) => `dist/${f}`);
    const registering = npmFiles.filter((f) => /\bdefineElement\("bh-/.test(readFileSync(join('packages/widgets', f), 'utf8')));
    const components = readdirSync('packages/widgets/src/components');
    expect(registering.sort()).toEqual(components.map((c) => `dist/components/${c}/define.js`).sort());
    // index.js registers by importing every define.js; the Trusted Types prelude, imported before
    // lit, is the one other module with an effect (it must run first, so bundlers must keep it).
    expect(npmFiles.filter(marked).sort()).toEqual(['dist/index.js', 'dist/internal/trusted-types.js', ...registering].sort());
    // Every script-tag entry registers; their shared chunks are pulled in by what they export.
    for (const file of readdirSync('packages/widgets/dist/cdn').filter((f) => f.endsWith('.js'))) expect(marked(`dist/cdn/${file}`), file).toBe(true);
  });
});

describe('the tarballs', () => {
  let dir: string;
  let tarballs: { core: string; widgets: string };
  const names = () => [tarballs.core, tarballs.widgets];
  // Each tarball unpacked beside itself: <dir>/<tarball>.d/package/…
  const unpacked = (name: string) => join(dir, `${name}.d`);
  const list = (name: string) => readdirSync(unpacked(name), { recursive: true, encoding: 'utf8' });
  const tar = (name: string, path: string) => readFileSync(join(unpacked(name), path), 'utf8');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-pack-'));
    tarballs = packTarballs(dir);
    for (const name of names()) {
      mkdirSync(unpacked(name));
      execFileSync('tar', ['-xzf', join(dir, name), '-C', unpacked(name)]);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('each holds its README and the MIT licence', () => {
    const licence = readFileSync('LICENSE', 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} bihuan contributors/);
    for (const name of names()) {
      expect(list(name)).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']));
      expect(tar(name, 'package/LICENSE')).toBe(licence);
      expect(JSON.parse(tar(name, 'package/package.json')).license).toBe('MIT');
    }
  });

  test('dependencies are caret ranges, @bihuan/core included (packed from workspace:^)', () => {
    const core = JSON.parse(tar(tarballs.core, 'package/package.json'));
    const widgets = JSON.parse(tar(tarballs.widgets, 'package/package.json'));
    expect(core.dependencies).toEqual({ idb: expect.stringMatching(/^\^8\./), zod: expect.stringMatching(/^\^4\./) });
    expect(widgets.dependencies).toMatchObject({ '@bihuan/core': `^${core.version}`, lit: expect.stringMatching(/^\^3\./) });
    for (const range of [...Object.values(core.dependencies), ...Object.values(widgets.dependencies)]) expect(range).toMatch(/^\^\d/);
  });

  test('source maps cover our own sources only, with no local paths; the script-tag files ship none', () => {
    for (const name of names()) {
      const maps = list(name).filter((f) => f.endsWith('.map'));
      expect(maps.filter((f) => f.includes('/cdn/'))).toEqual([]);
      for (const map of maps) {
        const { sources, sourceRoot } = JSON.parse(tar(name, map)) as { sources: string[]; sourceRoot?: string };
        for (const source of sources) {
          expect(source, `${name} ${map}`).not.toMatch(/node_modules|^\/|^file:|^[A-Za-z]:/);
        }
        expect(sourceRoot ?? '').not.toMatch(/^\/|^file:/);
      }
      const local = list(name).filter((f) => f.startsWith('package/dist/') && /\.(js|ts|map)$/.test(f) && tar(name, f).includes(process.cwd()));
      expect(local).toEqual([]);
    }
  });

  test('publint finds nothing to fix in either package', () => {
    for (const name of names()) {
      const out = execFileSync(process.execPath, ['node_modules/publint/src/cli.js', join(dir, name), '--strict'], { encoding: 'utf8' });
      expect(out).toContain('All good!');
    }
  }, 120_000);

  test('are-the-types-wrong finds nothing wrong for ESM consumers, each widget’s entry included', () => {
    // Both packages are ESM only (`type: module`, `import` conditions): a CommonJS `require` is not offered.
    const attw = join('node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    // attw does not expand the `./*/examples` pattern: each domain's example entry is named.
    const examples = readdirSync('packages/core/src', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join('packages/core/src', d.name, 'examples.ts')))
      .map((d) => `./${d.name}/examples`);
    expect(examples.length).toBeGreaterThan(10);
    execFileSync(process.execPath, [attw, join(dir, tarballs.core), '--profile', 'esm-only', '--format', 'ascii', '--include-entrypoints', ...examples], { encoding: 'utf8' });
    const entries = readdirSync('packages/widgets/src/components').map((c) => `./${c}`);
    execFileSync(process.execPath, [attw, join(dir, tarballs.widgets), '--profile', 'esm-only', '--format', 'ascii', '--include-entrypoints', ...entries], {
      encoding: 'utf8',
    });
  }, 180_000);
});

