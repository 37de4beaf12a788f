// Real hosts for the packed packages: `pnpm pack` of core and widgets into a fresh folder under
// the OS's temp directory (outside the workspace, so nothing resolves to our sources), the host
// toolchain installed there once per run beside the tarballs, and each host project of
// test/hosts/<name>/ copied in, type-checked and built in production mode.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const HOSTS = fileURLToPath(new URL('../', import.meta.url));

function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  } catch (error) {
    // What the tool printed is the useful part of the failure (tsc reports on stdout).
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** `pnpm pack` of both packages (built already) into `dir`; returns the tarballs' file names. */
export function packTarballs(dir) {
  run('pnpm', ['--filter', '@bihuan/core', '--filter', '@bihuan/widgets', 'pack', '--pack-destination', dir], REPO);
  const version = JSON.parse(readFileSync(join(REPO, 'packages/widgets/package.json'), 'utf8')).version;
  return { core: `bihuan-core-${version}.tgz`, widgets: `bihuan-widgets-${version}.tgz` };
}

/**
 * A fresh folder holding both tarballs, installed with pnpm together with the host toolchain
 * (vite, webpack, esbuild, react, vue, typescript …): the shared node_modules every host in it
 * resolves upwards to. pnpm's store is the machine's usual one, so a second run downloads nothing.
 * Until the scope is on the registry, widgets' dependency on @bihuan/core is pointed at the
 * tarball with an override, exactly as the README tells a host to.
 */
export function prepareHosts() {
  const root = mkdtempSync(join(tmpdir(), 'bihuan-hosts-'));
  const tarballs = packTarballs(root);
  const toolchain = JSON.parse(readFileSync(join(HOSTS, 'toolchain.json'), 'utf8')).dependencies;
  const manifest = {
    name: 'bihuan-hosts',
    private: true,
    type: 'module',
    dependencies: { ...toolchain, '@bihuan/core': `file:./${tarballs.core}`, '@bihuan/widgets': `file:./${tarballs.widgets}` },
  };
  writeFileSync(join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(root, 'pnpm-workspace.yaml'),
    [`overrides:`, `  '@bihuan/core': file:./${tarballs.core}`, `allowBuilds:`, `  esbuild: true`, ''].join('\n'),
  );
  const started = performance.now();
  run('pnpm', ['install'], root, { CI: '1' });
  const installMs = performance.now() - started;
  return { root, tarballs, installMs };
}

// Which of test/types/probes each host type-checks: every probe in one host (test/types checks that
// none is left out), so the probes are compiled once per run, against what the tarballs ship.
export const PROBES = join(HOSTS, '../types/probes');
export const TYPE_PROBES = { 'vite-ts': ['events.ts', 'escalation.ts'], react: ['react.tsx'], vue: ['vue.ts'] };

/** Copies test/hosts/<name> into the prepared folder, with the type probes it checks; returns its folder. */
export function copyHost(root, name) {
  const dir = join(root, name);
  cpSync(join(HOSTS, name), dir, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$|\.tsbuildinfo$/.test(src) });
  // The type probes of test/types (right uses, and `@ts-expect-error` on every wrong one) are checked
  // here too, against the installed tarballs rather than the workspace's dist.
  for (const probe of TYPE_PROBES[name] ?? []) cpSync(join(PROBES, probe), join(dir, 'src', `probe-${probe}`));
  return dir;
}

const tscOf = (root) => join(root, 'node_modules/typescript/bin/tsc');

/** A copied host's production build: by its build.mjs, or else by `vite build` (reading its vite.config.mjs, if any). */
function bundleStep(root, dir, env) {
  const build = existsSync(join(dir, 'build.mjs')) ? ['build.mjs'] : [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'];
  return { args: build, cwd: dir, env: { NODE_ENV: 'production', ...env } };
}

/**
 * Copies test/hosts/<name> into the prepared folder, type-checks its sources (`tsc --noEmit` over
 * src/, where type probes can be dropped in) and builds it for production. Returns the built folder.
 */
export function buildHost(root, name, env = {}) {
  const dir = copyHost(root, name);
  run(process.execPath, [tscOf(root), '-p', 'tsconfig.json', '--noEmit'], dir);
  const step = bundleStep(root, dir, env);
  run(process.execPath, step.args, step.cwd, step.env);
  return join(dir, 'dist');
}

/** Builds a host copied with `copyHost` for production, without blocking the process. Returns the built folder. */
export async function bundleHostAsync(root, name, env = {}) {
  const step = bundleStep(root, join(root, name), env);
  await runAsync(process.execPath, step.args, step.cwd, step.env);
  return join(root, name, 'dist');
}

/**
 * Type-checks the sources of the hosts copied with `copyHost`, each with its own tsconfig, in one
 * `tsc -b` process: the declarations and libraries they share (ours, the DOM's, React's, Vue's)
 * are read and parsed once, not once per host (about 40% less CPU than a tsc per host, measured).
 * Returns each host's diagnostics (tsc's lines naming a file of that host, '' when none) and what
 * tsc printed about no host in particular (a broken tsconfig, a crash).
 */
export function typecheckHostsAsync(root, names) {
  return new Promise((resolve) => {
    execFile(process.execPath, [tscOf(root), '-b', '--pretty', 'false', ...names], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const byHost = Object.fromEntries(names.map((name) => [name, []]));
      const other = [];
      let current = other;
      // A diagnostic starts with its file's path (relative to root) and may go on over indented lines.
      for (const line of `${stdout}${stderr}`.split('\n')) {
        if (!line.trim()) continue;
        if (!/^\s/.test(line)) current = byHost[names.find((name) => line.startsWith(`${name}/`)) ?? ''] ?? other;
        current.push(line);
      }
      if (error && !Object.values(byHost).some((lines) => lines.length) && !other.length) other.push(`tsc -b failed: ${error.message}`);
      resolve({ hosts: Object.fromEntries(names.map((name) => [name, byHost[name].join('\n')])), other: other.join('\n') });
    });
  });
}

/** `run`, as a promise. */
export function runAsync(command, args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`));
      else resolve(stdout);
    });
  });
}

/** The JavaScript files a built host ships, for size figures. */
export function shippedFiles(dist) {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dist, f));
}
