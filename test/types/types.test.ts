// The host-facing types, as a host's compiler sees them. The probes in probes/ (each correct use must
// compile, each `@ts-expect-error` line must be an error — an unneeded one fails tsc) are compiled
// by test/hosts, in the host projects' one `tsc -b`, against the packed tarballs: one compile of them
// per run instead of two (this file's own tsc over dist took 116 s of a loaded run, beside the hosts'
// compile of the same probes). Here: every probe is given to a host, each has its wrong cases, and the
// manifest, the exported detail types and the React/Vue typings agree. Needs `pnpm run build` first.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript build script, no declarations
import { reactTypes, vueTypes, widgetsOf } from '../../packages/widgets/scripts/framework-types.mjs';
import { PROBES, TYPE_PROBES } from '../hosts/support/hosts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const widgets = join(root, 'packages/widgets');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface ManifestEvent {
  name: string;
  type?: { text: string };
}
interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  events?: ManifestEvent[];
}
const manifest = (): { modules: { declarations?: ManifestDeclaration[] }[] } => JSON.parse(read('packages/widgets/custom-elements.json'));
const elements = () => manifest().modules.flatMap((m) => m.declarations ?? []).filter((d) => d.kind === 'class' && d.tagName);

describe('types a host can lean on', () => {
  test('the built packages are there to probe', () => {
    for (const file of ['packages/core/dist/index.d.ts', 'packages/widgets/dist/index.d.ts', 'packages/widgets/dist/react.d.ts', 'packages/widgets/dist/vue.d.ts']) {
      expect(existsSync(join(root, file)), `${file} is missing: run pnpm run build`).toBe(true);
    }
  });

  test('every probe is compiled by a host, once (test/hosts type-checks them against the tarballs)', () => {
    const given = Object.values(TYPE_PROBES).flat();
    expect(PROBES).toBe(join(root, 'test/types/probes'));
    expect([...given].sort()).toEqual(readdirSync(PROBES).filter((f) => /\.tsx?$/.test(f)).sort());
    expect(new Set(given).size).toBe(given.length);
    for (const probe of ['events.ts', 'react.tsx', 'vue.ts', 'escalation.ts']) expect(given).toContain(probe);
  });

  test('each wrong case has its probe', () => {
    const count = (file: string) => (read(`test/types/probes/${file}`).match(/@ts-expect-error/g) ?? []).length;
    const events = read('test/types/probes/events.ts');
    for (const wrong of ['misspelled event name', 'wrong detail field', 'wrong payload shape', 'not a role of the dispute loop']) expect(events).toContain(wrong);
    expect(count('events.ts')).toBeGreaterThanOrEqual(15);
    expect(count('react.tsx')).toBeGreaterThanOrEqual(5);
    expect(count('vue.ts')).toBeGreaterThanOrEqual(5);
    // Escalation events typed in their role: a foreign role, a widened one, a loop that lacks it.
    expect(count('escalation.ts')).toBeGreaterThanOrEqual(3);
    expect(read('test/types/probes/escalation.ts')).not.toMatch(/due\.event as|event as never/);
  });

  test('the manifest lists every event with its detail type, and the widgets export that type', () => {
    const exported = read('packages/widgets/src/classes.ts');
    const all = elements();
    // One manifest entry per component folder: a widget missing from the manifest is caught here.
    expect(all.length).toBe(readdirSync('packages/widgets/src/components').length);
    for (const element of all) {
      const names = (element.events ?? []).map((e) => e.name);
      expect(names, element.tagName).toContain('bh-problem');
      for (const event of element.events ?? []) {
        const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
        expect(detail, `${element.tagName} ${event.name}: ${event.type?.text}`).toBeDefined();
        expect(exported, `${detail} is not exported from @bihuan/widgets`).toMatch(new RegExp(`\\b${detail}\\b`));
      }
    }
  });

  test('every event a widget fires is in its manifest entry', () => {
    const declared = new Map(elements().map((e) => [e.name, new Set((e.events ?? []).map((x) => x.name))]));
    const sources = read('packages/widgets/src/classes.ts').matchAll(/export \{ (Bh\w+)[^}]*\} from '\.\/(components\/[^']+)\.js'/g);
    for (const [, className, path] of sources) {
      const code = read(`packages/widgets/src/${path}.ts`);
      const fired = new Set([...code.matchAll(/['"](bh-[a-z-]+)['"]/g)].map((m) => m[1]!).filter((name) => !name.startsWith(`bh-${path!.split('/')[1]}`)));
      if (/eventName: '(bh-[a-z-]+)-transition'/.test(code)) fired.add(code.match(/eventName: '(bh-[a-z-]+)-transition'/)![1] + '-refused');
      for (const name of fired) expect(declared.get(className!), `${className} fires ${name}`).toContain(name);
    }
  });

  test('the shipped React and Vue typings are the ones the manifest makes', () => {
    const list = widgetsOf(manifest());
    expect(readFileSync(join(widgets, 'dist/react.d.ts'), 'utf8')).toBe(reactTypes(list));
    expect(readFileSync(join(widgets, 'dist/vue.d.ts'), 'utf8')).toBe(vueTypes(list));
    const react = reactTypes(list) as string;
    for (const element of elements()) {
      expect(react).toContain(`'${element.tagName}': BihuanJsxProps<`);
      for (const event of element.events ?? []) expect(react).toContain(`'on${event.name}'?:`);
    }
  });
});
