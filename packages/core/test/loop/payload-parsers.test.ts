import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type * as z from 'zod';
import { compileFastParse, FAIL, type FastParse } from '../../src/loop/fast-parse.js';
import { compiledOf, type AnyLoopDefinition } from '../../src/loop/definition.js';
import { planOf } from '../../src/loop/parse-plan.js';
import { exampleRectificationItems } from '../../src/rectification/examples.js';
import { exampleReceptionDay } from '../../src/reception/examples.js';
import { exampleEventPermits, examplePermitsInProgress } from '../../src/event-permit/example.js';
import { exampleTaskOrders } from '../../src/task/example-orders.js';
import { PAYLOADS } from '../dispute/fixtures.js';
import { cityRoster } from '../task/fixtures.js';
import { containers, scribble } from '../support/containers.js';

// The precompiled payload parsers (src/<dir>/payload-parsers.generated.ts): up to date with their
// generator, wired into their loops, and saying exactly what zod says.

interface Target { readonly dir: string; readonly exportName: string; readonly loops: readonly string[]; readonly uses?: readonly string[] }
interface Script {
  readonly TARGETS: readonly Target[];
  readonly generate: (load: (path: string) => Promise<Record<string, unknown>>) => Promise<{ path: string; text: string }[]>;
}
// A plain .mjs without types: imported by URL so the typecheck does not ask for a declaration.
const { TARGETS, generate } = (await import(new URL('../../scripts/payload-parsers.mjs', import.meta.url).href)) as Script;

/** Imports a core module by its path under src, as the generator's `load` does (here from source). */
// (A plain string, not a template: vite would turn a template into a one-level glob.)
const load = (path: string) => import(/* @vite-ignore */ '../../src/' + path + '.ts') as Promise<Record<string, unknown>>;
const packageFile = (path: string) => new URL(`../../${path}`, import.meta.url);

/** Per target: its loops (by export name) and its generated map. */
const targets = await Promise.all(
  TARGETS.map(async (t) => ({
    ...t,
    parsers: (await load(`${t.dir}/payload-parsers.generated`))[t.exportName] as ReadonlyMap<z.ZodType, FastParse>,
    loopDefs: await Promise.all(t.loops.map(async (ref) => {
      const [path, name] = ref.split('#') as [string, string];
      return [ref, (await load(path))[name] as AnyLoopDefinition & { events: Record<string, { payload?: z.ZodType }> }] as const;
    })),
  })),
);

describe('generated payload parsers are up to date', () => {
  test('regenerating from src gives the committed files', async () => {
    const files = await generate(load);
    expect(files.map((f) => f.path).sort()).toEqual(TARGETS.map((t) => `src/${t.dir}/payload-parsers.generated.ts`).sort());
    for (const { path, text } of files) {
      const committed = readFileSync(packageFile(path), 'utf8');
      expect(committed, `${path} is out of date: run \`pnpm --filter @bihuan/core build && pnpm --filter @bihuan/core generate:parsers\``).toBe(text);
    }
  });
});

describe('generated payload parsers are wired into their loops', () => {
  test.each(targets)('$dir', ({ parsers: own, loopDefs, uses }) => {
    // A domain that borrows another's schemas uses that domain's parsers for them.
    const parsers = new Map([...targets.filter((t) => uses?.includes(t.dir)).flatMap((t) => [...t.parsers]), ...own]);
    const used = new Set<z.ZodType>();
    for (const [ref, loop] of loopDefs) {
      const compiled = compiledOf(loop, 'test');
      for (const [type, event] of Object.entries(loop.events)) {
        if (!event.payload) continue;
        const generated = parsers.get(event.payload);
        if (generated) {
          used.add(event.payload);
          expect(compiled.events.get(type)!.fastPayload, `${ref} ${type}`).toBe(generated);
        } else {
          // Left to zod only when the schema is beyond the fast parsers altogether.
          expect(planOf(event.payload), `${ref} ${type} has a plan but no generated parser`).toBeUndefined();
        }
      }
    }
    // Every generated parser belongs to an event of these loops, and there is at least one.
    expect(used.size).toBeGreaterThan(0);
    for (const schema of own.keys()) expect(used.has(schema)).toBe(true);
  });
});

// ---- Valid seeds: payloads zod accepts, per loop and event type ----

const roster = cityRoster();
/** Payloads from the shipped example data: every history entry that carries one. */
const examplePayloads = new Map<AnyLoopDefinition, { type: string; payload: unknown }[]>();
function harvest(loop: AnyLoopDefinition, items: readonly { history: readonly { type: string; payload?: unknown }[] }[]) {
  const list = examplePayloads.get(loop) ?? [];
  for (const item of items) for (const e of item.history) if (e.payload !== undefined) list.push({ type: e.type, payload: e.payload });
  examplePayloads.set(loop, list);
}

/** Hand-written ones (from the domain tests) for the events the examples never reach, and for optional keys and defaults. */
const EXTRA: Record<string, Record<string, unknown[]>> = {
  disputeLoop: {
    ...Object.fromEntries(Object.entries(PAYLOADS).map(([type, p]) => [type, [p]])),
    route: [PAYLOADS.route, { departments: ['court'] }, { departments: ['court'], joint: undefined, lead: undefined }, { departments: ['court', 'publicSecurity'], joint: false, lead: null }],
    mediate: [PAYLOADS.mediate, { mode: 'atHome' }, { mode: 'atHome', mediators: undefined }],
    settle: [PAYLOADS.settle, { terms: ['赔偿 500 元'], consentedBy: ['p1'], date: '2024-02-29', document: 'file:agreement.pdf' }, { terms: ['x'], consentedBy: ['p1'], date: '2025-12-31', document: undefined }],
    refer: [PAYLOADS.refer, { to: 'litigation', reason: '调解不成', date: '2025-10-08', reference: '(2025)辽0603民初123号' }, { to: 'arbitration', reason: 'x', date: '2025-10-08', reference: undefined }],
    recordFollowUp: [PAYLOADS.recordFollowUp, { method: 'homeVisit', agreementKept: null, satisfaction: 'dissatisfied', findings: '协议部分履行' }, { method: 'phone', agreementKept: false, satisfaction: 'basicallySatisfied', findings: undefined }],
  },
  rectificationLoop: {
    giveBack: [{ reason: '缺少通报记录' }],
    supervise: [{ instruction: '请本周内完成整改' }],
    holdAccountable: [{ accountabilityId: 'WZ-2026-001' }],
  },
  accountabilityLoop: {
    decide: [{ measure: 'talk', basis: '整改逾期' }, { measure: 'other', basis: '通报批评并限期整改' }],
    close: [{ outcome: '已约谈主要负责人' }],
    dismiss: [{ reason: '逾期系不可抗力' }],
  },
  receptionLoop: {
    supervise: [{ instruction: '本周内答复企业' }],
    reopen: [{ reason: '企业反映问题仍未解决' }],
    rate: [{ satisfaction: 'satisfied', comment: undefined }],
  },
  eventPermitLoop: {
    submitPlan: [{ summary: '分区疏导、应急通道', stewards: 60 }, { summary: '修订：增设医疗点', stewards: 0, document: 'file:plan-v2.pdf' }, { summary: 'x', stewards: 1, document: undefined }],
    recordHeld: [{ attendance: 0, incidents: 2, summary: '两起轻微纠纷，现场处置' }, { attendance: 3000, incidents: 0, summary: undefined }],
  },
  taskOrderLoop: {
    reassign: [{ officer: 'zhao', station: 'xg', county: 'hg', community: '红旗路社区', reason: '调离' }],
  },
};

const loopsByName = new Map(targets.flatMap((t) => t.loopDefs.map(([ref, loop]) => [ref.split('#')[1]!, loop] as const)));
harvest(loopsByName.get('rectificationLoop')!, exampleRectificationItems(12, 2));
harvest(loopsByName.get('receptionLoop')!, exampleReceptionDay());
harvest(loopsByName.get('eventPermitLoop')!, [...exampleEventPermits(6), ...examplePermitsInProgress()]);
harvest(loopsByName.get('taskOrderLoop')!, exampleTaskOrders({ roster, month: '2025-10', now: '2025-11-05T09:00:00+08:00' }));

/** Every generated parser with its schema and seeds (from all events that use the schema). */
const cases = targets.flatMap(({ dir, parsers, loopDefs }) =>
  [...parsers].map(([schema, parser]) => {
    const seeds: unknown[] = [];
    const names: string[] = [];
    for (const [ref, loop] of loopDefs) {
      const loopName = ref.split('#')[1]!;
      for (const [type, event] of Object.entries(loop.events)) {
        if (event.payload !== schema) continue;
        names.push(`${loopName}.${type}`);
        seeds.push(...(examplePayloads.get(loop) ?? []).filter((e) => e.type === type).map((e) => e.payload), ...(EXTRA[loopName]?.[type] ?? []));
      }
    }
    return { name: `${dir}: ${names.join(', ')}`, schema, generated: parser, closures: compileFastParse(schema)!, seeds: dedupe(seeds) };
  }),
);

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v, (_k, x) => (x === undefined ? '__undefined__' : x));
    return !seen.has(key) && seen.add(key);
  });
}

// ---- Mutations: from valid seeds to near misses (and some still-valid variations) ----

const REPLACEMENTS: unknown[] = [
  '', ' ', '\u3000', '\n\t', 'x', 'x'.repeat(2001), 'x'.repeat(2000), 'x'.repeat(121), 'a b', 'court', 'talk', 'satisfied', 'atHome',
  '2025-02-30', '2025-10-01', '2024-02-29', '2025-13-01', 'file:a.pdf', 'WZ-001',
  null, undefined, 0, -1, 1.5, 3000, 10_000_001, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, -0,
  true, false, [], ['x'], [''], {}, { reason: 'x' }, new Date(0), new Map(), Object.create(null), Symbol('s'), 10n, () => 'x',
];
const replacement = fc.oneof({ arbitrary: fc.constantFrom(...REPLACEMENTS), weight: 4 }, { arbitrary: fc.anything(), weight: 1 });

/** One change somewhere in `value`, steered by `seed`. */
function mutate(value: unknown, seed: number, other: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || seed % 4 === 0) return seed % 8 === 0 ? [] : [...value, other];
    const i = (seed >> 2) % value.length;
    return value.map((v, j) => (j === i ? mutate(v, seed >> 4, other) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...value };
    if (keys.length === 0) return { extra: other };
    const key = keys[(seed >> 3) % keys.length]!;
    switch (seed % 7) {
      case 0: delete copy[key]; return copy; // missing key (absent optional, or default to fill)
      case 1: copy.extra = other; return copy; // unknown key: stripped
      case 2: copy[key] = undefined; return copy; // present as undefined
      case 3: copy[key] = other; return copy;
      case 4: return Object.create(copy); // keys inherited, not own
      default: copy[key] = mutate(copy[key], seed >> 6, other); return copy;
    }
  }
  return other;
}

const input = fc.tuple(fc.array(fc.tuple(fc.nat(), replacement), { maxLength: 3 }), fc.nat());

describe('generated parsers and compileFastParse agree with zod', () => {
  test.each(cases)('$name: valid seeds pass', ({ name, schema, seeds, generated, closures }) => {
    expect(seeds.length, `${name}: no valid seed`).toBeGreaterThan(0);
    for (const seed of seeds) {
      const expected = schema.safeParse(seed);
      expect(expected.success, `${name}: seed ${JSON.stringify(seed)} must be valid`).toBe(true);
      expect(generated(seed)).toStrictEqual(expected.data);
      expect(closures(seed)).toStrictEqual(expected.data);
    }
  });

  test.each(cases)('$name: same verdict and output on 4,000 variations', ({ schema, seeds, generated, closures }) => {
    let passed = 0;
    let failed = 0;
    fc.assert(
      fc.property(input, ([changes, pick]) => {
        let value = seeds[pick % seeds.length];
        for (const [seed, other] of changes) value = mutate(value, seed, other);
        const expected = schema.safeParse(value);
        if (expected.success) {
          passed++;
          expect(generated(value)).toStrictEqual(expected.data);
          expect(closures(value)).toStrictEqual(expected.data);
        } else {
          failed++;
          expect(generated(value)).toBe(FAIL);
          expect(closures(value)).toBe(FAIL);
        }
      }),
      { numRuns: 4000 },
    );
    // Both verdicts were exercised, not only refusals.
    expect(passed).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });
});


describe('parsed payloads share nothing with the input', () => {
  test.each(cases)('$name', ({ schema, seeds, generated, closures }) => {
    for (const seed of seeds) {
      for (const parse of [generated, closures, (v: unknown) => schema.parse(v)]) {
        const value = structuredClone(seed);
        const out = parse(value);
        const before = structuredClone(out);
        const shared = [...containers(out)].filter((c) => containers(value).has(c));
        expect(shared).toEqual([]);
        scribble(value);
        expect(out).toStrictEqual(before);
      }
    }
  });

  test('defaults are fresh on every parse, as zod gives them', () => {
    const mediate = cases.find((c) => c.name.startsWith('dispute:') && c.name.includes('.mediate'))!;
    for (const parse of [mediate.generated, mediate.closures, (v: unknown) => mediate.schema.parse(v)]) {
      const a = parse({ mode: 'atHome' }) as { mediators: string[] };
      const b = parse({ mode: 'atHome' }) as { mediators: string[] };
      expect(a).toStrictEqual({ mode: 'atHome', mediators: [] });
      expect(a.mediators).not.toBe(b.mediators);
    }
  });
});
