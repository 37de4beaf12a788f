// The packed tarballs in real host projects (test/hosts/<host>/): installed outside the workspace,
// type-checked, built in production mode by Vite, webpack 5, esbuild, React 19 + Vite and
// Vue 3 + Vite, and loaded in Chromium under the README's strict CSP with Trusted Types.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { bundleHostAsync, copyHost, prepareHosts, REPO, runAsync, typecheckHostsAsync } from './support/hosts.mjs';
import { ALL_TAGS, openWatched, readmeBlocks, widgetState } from './support/page.ts';
import { launchChromium } from '../node/support/chromium.ts';
import { STRICT_CSP, startStaticServer } from '../../examples/static-server.mjs';


interface Host {
  /** Tags the host imports: each must be defined and render. */
  tags: string[];
  /** Tags it does not import: a per-widget entry must not register them. */
  absent: string[];
  /** bh-* event types the host's own code must have received (it logs `type code`). */
  events: string[];
  /** Elements whose `store` the host sets: a property, never the attribute "[object Object]". */
  storeProperty?: string;
  /** The README's theming block is in the host's stylesheet. */
  themed?: boolean;
  /** Trusted Types policies the host's framework makes itself, allowed beside lit-html. */
  ownPolicies?: string;
}

const HOSTS: Record<string, Host> = {
  'vite-ts': { tags: ALL_TAGS, absent: [], events: ['bh-problem'], themed: true },
  webpack: { tags: ['bh-rate-card', 'bh-dispute-intake'], absent: ['bh-dispute-ledger', 'bh-dispute-case'], events: ['bh-problem'] },
  esbuild: { tags: ['bh-rate-card', 'bh-dispute-ledger'], absent: ['bh-dispute-intake'], events: ['bh-problem'] },
  react: { tags: ['bh-rate-card', 'bh-dispute-ledger'], absent: ['bh-dispute-intake'], events: ['bh-problem'], storeProperty: 'bh-dispute-ledger' },
  // Vue's runtime makes its own policy, named "vue": a Vue portal's CSP names it (see the README).
  vue: {
    tags: ['bh-rate-card', 'bh-dispute-ledger', 'bh-dispute-case'],
    absent: ['bh-dispute-intake'],
    events: ['bh-problem'],
    storeProperty: 'bh-dispute-ledger',
    ownPolicies: 'vue',
  },
};

let prepared: ReturnType<typeof prepareHosts>;
let browser: Browser;
/** Each host's production build, started in beforeAll: one at a time beside the type check, while the tests check the hosts already built in Chromium. */
const built = new Map<string, Promise<string>>();
/** Every host's type check, in one tsc process started in beforeAll. */
let typechecked: ReturnType<typeof typecheckHostsAsync>;
/** The npm route's install (a clean folder, the README's command), started beside the builds. */
let npmRoute: Promise<{ dir: string; command: string | undefined }>;
const npmDir = mkdtempSync(join(tmpdir(), 'bihuan-npm-host-'));

/** Runs `jobs` with at most `limit` at once; each job's promise is its own result. */
function limited<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  return jobs.map(async (job) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  });
}

beforeAll(async () => {
  prepared = prepareHosts();
  // The shared toolchain and both tarballs, installed once for every host below.
  console.info(`hosts: pnpm install of the tarballs and the host toolchain took ${(prepared.installMs / 1000).toFixed(1)} s`);
  const names = Object.keys(HOSTS);
  for (const name of names) copyHost(prepared.root, name);
  // The type check (one process, so one core) and the production builds (one at a time, on the other core) side by side.
  typechecked = typecheckHostsAsync(prepared.root, names);
  const builds = limited(1, names.map((name) => () => bundleHostAsync(prepared.root, name)));
  names.forEach((name, i) => {
    builds[i]!.catch(() => undefined); // awaited (and reported) by the host's own test
    built.set(name, builds[i]!);
  });
  npmRoute = (async () => {
    for (const file of Object.values(prepared.tarballs)) copyFileSync(join(prepared.root, file), join(npmDir, file));
    writeFileSync(join(npmDir, 'package.json'), JSON.stringify({ name: 'npm-host', private: true, type: 'module' }));
    const [command] = readmeBlocks('sh').filter((block) => block.startsWith('npm install ./bihuan-core'));
    if (command) {
      const [program, ...args] = command.trim().split(/\s+/);
      await runAsync(program!, [...args, '--no-audit', '--no-fund'], npmDir);
    }
    return { dir: npmDir, command };
  })();
  npmRoute.catch(() => undefined); // awaited (and reported) by its test
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  // Nothing may still be writing into the folders about to go.
  await Promise.allSettled([...built.values(), npmRoute, typechecked]);
  await browser?.close();
  if (prepared) rmSync(prepared.root, { recursive: true, force: true });
  rmSync(npmDir, { recursive: true, force: true });
}, 600_000);

async function expectHostWorks(dist: string, host: Host): Promise<void> {
  // The README's policy: STRICT_CSP ends with `trusted-types lit-html`.
  const csp = host.ownPolicies ? `${STRICT_CSP} ${host.ownPolicies}` : STRICT_CSP;
  expect(STRICT_CSP).toMatch(/trusted-types lit-html$/);
  const server = await startStaticServer({ mounts: { '/': dist }, csp });
  try {
    const { page, violations, errors, close } = await openWatched(browser, server.url);
    const state = await widgetState(page, host.tags, host.absent, host.events);
    expect(state.undefinedTags, 'tags the host imports but the page never defined').toEqual([]);
    expect(state.emptyTags, 'defined tags with no shadow content').toEqual([]);
    expect(state.registeredAbsent, 'tags the host did not import').toEqual([]);
    expect(state.events.map((e) => e.split(' ')[0])).toEqual(expect.arrayContaining(host.events));
    if (host.storeProperty) {
      const store = await page.$eval(host.storeProperty, (el) => ({
        property: typeof (el as HTMLElement & { store?: unknown }).store,
        attribute: el.getAttribute('store'),
      }));
      expect(store).toEqual({ property: 'object', attribute: null });
    }
    if (host.themed) {
      // The first card: 2rem on its ::part(value), and the accent reaches into the shadow root.
      const theme = await page.$eval('bh-rate-card', (el) => ({
        value: getComputedStyle(el.shadowRoot!.querySelector('[part~="value"]')!).fontSize,
        accent: getComputedStyle(el).getPropertyValue('--bh-color-accent').trim(),
      }));
      expect(theme).toEqual({ value: '32px', accent: '#0b5cad' });
    }
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await close();
  } finally {
    await server.close();
  }
}

describe('host projects built from the packed tarballs', () => {
  test.each(Object.keys(HOSTS))('%s: builds for production, and every imported widget works under the strict CSP', async (name) => {
    const dist = await built.get(name)!;
    await expectHostWorks(dist, HOSTS[name]!);
  }, 300_000);

  test('every host type-checks against the tarballs with its own tsconfig (src/ and its type probes)', async () => {
    const { hosts, other } = await typechecked;
    expect({ hosts, other }).toEqual({ hosts: Object.fromEntries(Object.keys(HOSTS).map((name) => [name, ''])), other: '' });
  }, 600_000);

  test('npm installs the tarballs from a clean folder with the README’s command, and a host builds from it', async () => {
    const { dir, command } = await npmRoute;
    expect(command, 'the README’s npm command').toBeDefined();
    // The esbuild host, built against this npm install with the toolchain's esbuild.
    cpSync(join(REPO, 'test/hosts/esbuild'), join(dir, 'esbuild'), { recursive: true });
    execFileSync(process.execPath, ['build.mjs'], {
      cwd: join(dir, 'esbuild'),
      env: { ...process.env, HOST_ESBUILD: join(prepared.root, 'node_modules/esbuild/lib/main.js') },
      stdio: 'pipe',
    });
    await expectHostWorks(join(dir, 'esbuild/dist'), HOSTS.esbuild!);
  }, 300_000);

  test('the README’s pnpm route (an override for @bihuan/core, then pnpm add) is the one this run installed with', () => {
    const yaml = readmeBlocks('yaml').find((block) => block.includes("'@bihuan/core': file:"));
    expect(yaml).toBeDefined();
    const used = readFileSync(join(prepared.root, 'pnpm-workspace.yaml'), 'utf8');
    expect(used).toContain(yaml!.trim().replace('./bihuan-core-0.1.0.tgz', `./${prepared.tarballs.core}`));
    expect(readmeBlocks('sh')).toContain(`pnpm add ./${prepared.tarballs.core} ./${prepared.tarballs.widgets}\n`);
  });

  test('the README’s core example gives exactly the values its comments promise (run against the tarball)', () => {
    const block = readmeBlocks('ts').find((b) => b.includes("from '@bihuan/core'"))!;
    const [importLine, ...lines] = block.trim().split('\n').filter(Boolean);
    const calls = lines.map((line) => {
      const match = /^(.*?);\s*\/\/\s*"([^"]*)"/.exec(line);
      expect(match, line).not.toBeNull();
      return { expression: match![1]!.trim(), promised: match![2]! };
    });
    const script = `${importLine}\nconsole.log(JSON.stringify([${calls.map((c) => c.expression).join(', ')}]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: prepared.root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(calls.map((c) => c.promised));
  });

  test('the README’s widget imports, event listener and theme are the Vite host’s, verbatim', () => {
    const main = readFileSync(join(REPO, 'test/hosts/vite-ts/src/main.ts'), 'utf8');
    const blocks = readmeBlocks('ts').filter((b) => !b.includes("from '@bihuan/core'"));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(main).toContain(block);
    const [css] = readmeBlocks('css');
    expect(readFileSync(join(REPO, 'test/hosts/vite-ts/src/theme.css'), 'utf8')).toContain(css);
  });

  test('the packages’ READMEs promise only what the root README does (and so the hosts exercise)', () => {
    const root = new Set(['sh', 'yaml', 'ts', 'html', 'css'].flatMap((lang) => readmeBlocks(lang)));
    for (const pkg of ['core', 'widgets']) {
      const readme = join(REPO, `packages/${pkg}/README.md`);
      for (const lang of ['sh', 'yaml', 'ts', 'html', 'css']) {
        for (const block of readmeBlocks(lang, readme)) expect(root.has(block), `${pkg} README: ${block}`).toBe(true);
      }
      // The policy a package README quotes is the one every host page here is served under.
      for (const block of readmeBlocks('', readme)) {
        for (const directive of block.trim().split(/;\s*/)) expect(STRICT_CSP.split('; ')).toContain(directive);
      }
    }
  });
});
