// Generates the precompiled payload parsers of core's own loops (src/<domain>/payload-parsers.generated.ts).
//
//   pnpm --filter @bihuan/core build && pnpm --filter @bihuan/core generate:parsers
//
// At run time the engine may not generate code (a strict CSP forbids `new Function`), and a
// parser built from closures sees every payload shape at the same property loads, which makes it
// several times slower. So the parsers of our own schemas are written out here instead, from the
// schemas themselves; `test/loop/payload-parsers.test.ts` regenerates them from src and fails on
// any difference, and checks each against zod.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Per domain: its loops (module#export), the modules its payload schemas are exported from, and
 * the domains whose generated parsers it reuses for schemas it borrows from them (`uses`).
 */
export const TARGETS = [
  { dir: 'dispute', exportName: 'disputePayloadParsers', loops: ['dispute/definition#disputeLoop'], schemaModules: ['dispute/schema'] },
  { dir: 'task', exportName: 'taskPayloadParsers', loops: ['task/definition#taskOrderLoop'], schemaModules: ['task/schema'] },
  { dir: 'rectification', exportName: 'rectificationPayloadParsers', loops: ['rectification/definition#rectificationLoop', 'rectification/definition#accountabilityLoop'], schemaModules: ['rectification/schema'] },
  { dir: 'reception', exportName: 'receptionPayloadParsers', loops: ['reception/definition#receptionLoop'], schemaModules: ['reception/schema'], uses: ['rectification'] },
  { dir: 'event-permit', exportName: 'eventPermitPayloadParsers', loops: ['event-permit/definition#eventPermitLoop'], schemaModules: ['event-permit/schema'] },
];

export const FILE_NAME = 'payload-parsers.generated.ts';

/**
 * The generated files' paths (relative to the package) and texts. `load(path)` imports a module
 * of core by its path under src without extension: from dist for the script, from src for the test.
 */
export async function generate(load) {
  const { parserModuleSource } = await load('loop/parser-source');
  const files = [];
  for (const target of TARGETS) {
    const modules = await Promise.all(target.schemaModules.map(async (path) => ({ path, exports: await load(path) })));
    const borrowed = TARGETS.filter((t) => target.uses?.includes(t.dir)).flatMap((t) => t.schemaModules);
    const reused = new Set((await Promise.all(borrowed.map(load))).flatMap((m) => Object.values(m)));
    const schemas = [];
    for (const ref of target.loops) {
      const [path, name] = ref.split('#');
      const loop = (await load(path))[name];
      for (const [type, event] of Object.entries(loop.events)) {
        if (!event.payload || reused.has(event.payload) || schemas.some((s) => s.schema === event.payload)) continue;
        const found = modules.flatMap((m) => Object.entries(m.exports).filter(([, value]) => value === event.payload).map(([exportName]) => ({ m, exportName })))[0];
        if (!found) throw new Error(`${ref}: the payload schema of ${type} is not exported from ${[...target.schemaModules, ...borrowed].join(' or ')}`);
        const from = found.m.path.startsWith(`${target.dir}/`) ? `./${found.m.path.slice(target.dir.length + 1)}.js` : `../${found.m.path}.js`;
        schemas.push({ name: found.exportName, schema: event.payload, from });
      }
    }
    schemas.sort((a, b) => a.name.localeCompare(b.name));
    const text = parserModuleSource({ exportName: target.exportName, schemas, srcDir: '..', generator: 'packages/core/scripts/payload-parsers.mjs' });
    files.push({ path: `src/${target.dir}/${FILE_NAME}`, text });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const files = await generate((path) => import(new URL(`dist/${path}.js`, root).href));
  for (const file of files) {
    const url = new URL(file.path, root);
    const before = await readFile(url, 'utf8').catch(() => '');
    if (before === file.text) continue;
    await writeFile(url, file.text);
    console.log(`wrote ${file.path}`);
  }
}
