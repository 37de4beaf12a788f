import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod';
import { compileFastParse, FAIL, type FastParse, safeParseFast } from '../../src/loop/fast-parse.js';
import { type Plan, planOf } from '../../src/loop/parse-plan.js';
import type { AnyLoopDefinition } from '../../src/loop/definition.js';
import { snapshotSchema } from '../../src/loop/snapshot.js';
import { availableEvents, transition } from '../../src/loop/transition.js';
import { CREATED, type Snapshot } from '../../src/loop/types.js';
import { formatInstant, parseInstant } from '../../src/calendar/instant.js';
import type { StoreSpec } from '../../src/store/types.js';
import { disputeLoop } from '../../src/dispute/definition.js';
import { taskOrderLoop } from '../../src/task/definition.js';
import { accountabilityLoop, rectificationLoop } from '../../src/rectification/definition.js';
import { receptionLoop } from '../../src/reception/definition.js';
import { eventPermitLoop } from '../../src/event-permit/definition.js';
import { acceptWindowCase, windowCaseLoop } from '../../src/business/window-case.js';
import { assignLiaison } from '../../src/business/liaison.js';
import type { KeyFirm } from '../../src/business/schema.js';
import { exampleRectificationItems } from '../../src/rectification/examples.js';
import { sweepOverdue } from '../../src/rectification/ledger.js';
import { exampleReceptionDay } from '../../src/reception/examples.js';
import { exampleEventPermits, examplePermitsInProgress } from '../../src/event-permit/example.js';
import { exampleTaskOrders } from '../../src/task/example-orders.js';
import { civilCodeQuiz } from '../../src/quiz/example.js';
import { exampleVolunteerLog } from '../../src/volunteer/example.js';
import { exampleEmergencyUnits } from '../../src/emergency-unit/example.js';
import { receptionStoreSpec } from '../../src/reception/ledger.js';
import { evaluationStoreSpec } from '../../src/evaluation/store.js';
import { taskStoreSpec } from '../../src/task/store.js';
import { businessStore } from '../../src/business/store.js';
import { eventPermitStore } from '../../src/event-permit/store.js';
import { quizStore } from '../../src/quiz/store.js';
import { rectificationStoreSpec } from '../../src/rectification/store.js';
import { volunteerStore } from '../../src/volunteer/store.js';
import { disputeStoreSpec } from '../../src/dispute/store.js';
import { jobFairStore } from '../../src/job-fair/store.js';
import { emergencyUnitStore } from '../../src/emergency-unit/store.js';
import { accept, ACTORS, noiseIntake, PAYLOADS, send, walkTo } from '../dispute/fixtures.js';
import { cityRoster } from '../task/fixtures.js';
import { containers, scribble } from '../support/containers.js';

// Records — loop snapshots and the stores' collections — go through `safeParseFast`: the closures
// of `compileFastParse` answer when they accept, zod otherwise. Here the closures must say exactly
// what zod says on real records and thousands of near misses: the same output when zod accepts,
// FAIL when it refuses.

// ---- helpers ----

type Path = readonly (string | number)[];
type Item = Snapshot & { readonly data: unknown };

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Deduplicated by their JSON (undefined kept apart from absent). */
function dedupe<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '__undefined__' : x));
    return !seen.has(key) && seen.add(key);
  });
}

/** The values a plan passes through unparsed (`z.unknown()`), with their paths in `value`. */
function unknownSlots(plan: Plan, value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  switch (plan.kind) {
    case 'unknown':
      out.push({ path, value });
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      if (value !== undefined && value !== null) unknownSlots(plan.inner, value, path, out);
      break;
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => unknownSlots(plan.element, v, [...path, i], out));
      break;
    case 'object':
      if (value !== null && typeof value === 'object') for (const f of plan.fields) unknownSlots(f.plan, (value as Record<string, unknown>)[f.key], [...path, f.key], out);
      break;
    case 'union': {
      if (value === null || typeof value !== 'object') break;
      const tag = (value as Record<string, unknown>)[plan.discriminator];
      const option = plan.options.find((o) => o.values.includes(tag));
      if (option) unknownSlots(option.plan, value, path, out);
      break;
    }
    default:
      break;
  }
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur;
}

const DELETE: unique symbol = Symbol('delete');

/** A copy of `root` with the node at `path` replaced by `f(node)` (or deleted); the rest shared. */
function setAt(root: unknown, path: Path, f: (v: unknown) => unknown): unknown {
  if (path.length === 0) {
    const v = f(root);
    return v === DELETE ? undefined : v;
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    const v = rest.length === 0 ? f(copy[head as number]) : setAt(copy[head as number], rest, f);
    if (v === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = v;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  const v = rest.length === 0 ? f(copy[head]) : setAt(copy[head], rest, f);
  if (v === DELETE) delete copy[head];
  else copy[head] = v;
  return copy;
}

/** Every node of a JSON-like value (plain objects and arrays descended into), root first. */
function nodesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...path, i], out));
  else if (isPlain(value)) for (const k of Object.keys(value)) nodesOf(value[k], [...path, k], out);
  return out;
}

/** Names a mutation can use: the loop's states, events and roles, instants and ids seen in the seeds. */
interface Vocabulary {
  readonly states: readonly string[];
  readonly events: readonly string[];
  readonly roles: readonly string[];
  readonly words: readonly unknown[];
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function shiftInstant(text: string, ms: number): string {
  const t = parseInstant(text);
  return Number.isNaN(t) ? text : formatInstant(t + ms);
}

/** One change to a leaf or container, steered by `n`. */
function changeNode(v: unknown, n: number, other: unknown, vocab: Vocabulary, inContainer: boolean): unknown {
  const k = n % 16;
  if (k === 0) return other;
  if (k === 1 && inContainer) return DELETE;
  if (k === 2) return pick(vocab.words, n >> 4);
  const m = n >> 2;
  if (typeof v === 'string') {
    const parsed = parseInstant(v);
    const ops: (() => unknown)[] = [
      () => ` ${v} `,
      () => `\u3000${v}`,
      () => `${v}\n`,
      () => `\t${v}\t`,
      () => v.toUpperCase(),
      () => '',
      () => ' ',
      () => `${v}${v}`,
      () => (Number.isFinite(Number(v)) && v !== '' ? Number(v) : v.length),
      () => (Number.isNaN(parsed) ? `${v} ` : formatInstant(parsed - 86_400_000)),
      () => (Number.isNaN(parsed) ? v.slice(1) : new Date(parsed).toISOString()),
      () => (Number.isNaN(parsed) ? `${v}x` : shiftInstant(v, 60_000)),
      () => pick([...vocab.states, ...vocab.events, ...vocab.roles], m >> 4),
      () => v.slice(0, 10),
      () => null,
      () => pick(['\u00a0', '\u2028', '\ufeff', '\u205f', '\u200b', '\u180e', '\u3000'], m >> 4) + v,
      () => v + pick(['\u00a0', '\u2028', '\ufeff', '\u205f', '\u200b', '\u180e', '\u3000'], m >> 4),
    ];
    return pick(ops, m)();
  }
  if (typeof v === 'number') {
    const ops: (() => unknown)[] = [() => String(v), () => v + 1, () => v - 1, () => -v, () => v + 0.5, () => -0, () => Number.NaN, () => 2 ** 53, () => v * 1000, () => null];
    return pick(ops, m)();
  }
  if (typeof v === 'boolean') return pick([!v, String(v), v ? 1 : 0, null], m);
  if (v === null) return pick([{}, '', undefined, [], 0, false], m);
  if (Array.isArray(v)) {
    const ops: (() => unknown)[] = [
      () => [],
      () => [...v, other],
      () => v.slice(0, -1),
      () => [...v].reverse(),
      () => (v.length ? [v[0], ...v] : [other]),
      () => (v.length ? [...v, v[v.length - 1]] : v),
      () => v.slice(1),
      () => ({ ...v }),
      () => {
        const holey = [...v];
        holey.length += 1; // a hole at the end
        return holey;
      },
    ];
    return pick(ops, m)();
  }
  if (v !== null && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    const key = keys.length ? pick(keys, m >> 3) : 'extra';
    const ops: (() => unknown)[] = [
      () => ({ ...obj, extra: other }),
      () => ({ ...obj, [`${key}X`]: obj[key] }),
      () => ({ ...obj, [key]: undefined }),
      () => Object.create(obj) as unknown,
      () => Object.assign(Object.create(null) as object, obj),
      () => Object.defineProperty({ ...obj }, '__proto__', { value: other, enumerable: true, configurable: true, writable: true }),
      () => [obj],
      () => null,
      () => {
        const copy = { ...obj };
        delete copy[key];
        return copy;
      },
    ];
    return pick(ops, m)();
  }
  return other;
}

/** A change that knows what a snapshot is: history order, times, the creation's payload. */
function changeSnapshot(s: Record<string, unknown>, n: number, other: unknown, vocab: Vocabulary): unknown {
  const history = Array.isArray(s.history) ? Array.from(s.history as unknown[], (e) => (e !== null && typeof e === 'object' ? (e as Record<string, unknown>) : {})) : [];
  if (history.length === 0) return { ...s, history: [other] };
  const i = (n >> 4) % history.length;
  const entry = history[i]!;
  const withEntry = (e: unknown) => ({ ...s, history: history.map((h, j) => (j === i ? e : h)) });
  const m = n >> 8;
  const at = typeof entry.at === 'string' ? entry.at : '';
  switch (n % 16) {
    case 0:
      return withEntry({ ...entry, seq: pick([(entry.seq as number) + 1, (entry.seq as number) - 1, String(entry.seq), -1, 0.5], m) });
    case 1:
      return withEntry({ ...entry, type: pick([CREATED, 'unknownEvent', ...vocab.events], m) });
    case 2:
      return withEntry({ ...entry, from: pick([null, 'nowhere', ...vocab.states], m) });
    case 3:
      return withEntry({ ...entry, to: pick(['nowhere', ...vocab.states], m) });
    case 4: // out of order, another form of the same instant, a date only, a minute later
      return withEntry({ ...entry, at: pick([shiftInstant(at, -86_400_000), new Date(parseInstant(at) || 0).toISOString(), at.slice(0, 10), shiftInstant(at, 60_000), at.replace('+08:00', '')], m) });
    case 5:
      return withEntry({ ...entry, actor: { ...(entry.actor as object), role: pick(['stranger', ...vocab.roles], m) } });
    case 6: {
      const payload = entry.payload as Record<string, unknown> | undefined;
      const created = history[0]!;
      const p = (created.payload ?? {}) as Record<string, unknown>;
      const variants: unknown[] = [
        { ...p, id: `${String(p.id)}-other` },
        { id: p.id },
        { ...p, data: s.data },
        { ...p, data: changeNode(p.data, m, other, vocab, false) },
        { ...p, extra: other },
        undefined,
        payload === undefined ? other : { ...payload, extra: 1 },
      ];
      const chosen = pick(variants, m);
      const target = m % 3 === 0 ? entry : created;
      const changed = { ...target, payload: chosen };
      if (chosen === undefined) delete (changed as Record<string, unknown>).payload;
      return { ...s, history: history.map((h) => (h === target ? changed : h)) };
    }
    case 7:
      return { ...s, state: pick(vocab.states, m) };
    case 8:
      return { ...s, updatedAt: pick([s.createdAt, shiftInstant(String(s.updatedAt), 1), new Date(parseInstant(String(s.updatedAt)) || 0).toISOString()], m) };
    case 9:
      return { ...s, createdAt: pick([s.updatedAt, shiftInstant(String(s.createdAt), -1), new Date(parseInstant(String(s.createdAt)) || 0).toISOString()], m) };
    case 10: {
      const copy: Record<string, unknown> = { ...s };
      if (m % 3 === 0) delete copy.deadline;
      else copy.deadline = m % 3 === 1 ? s.updatedAt : 'soon';
      return copy;
    }
    case 11:
      return { ...s, loop: pick([{ ...(s.loop as object), id: 'other' }, { ...(s.loop as object), version: 2 }, { ...(s.loop as object), version: '1' }, { ...(s.loop as object), extra: 1 }], m) };
    case 12:
      return { ...s, history: pick([history.slice(0, -1), [...history, history[history.length - 1]], [...history].reverse(), [], history.slice(1)], m) };
    case 13:
      return withEntry({ ...entry, note: pick([' ', '', '备注', 5], m), attachments: pick([[], [''], ['file:a.pdf'], 'file:a.pdf'], m >> 2) });
    case 14: // the creation's data as the current data: valid in type, so zod passes it
      return { ...s, data: (history[0]!.payload as { data?: unknown } | undefined)?.data };
    default:
      return withEntry({ ...entry, actor: pick([{ ...(entry.actor as object), id: '' }, { id: 'x' }, { ...(entry.actor as object), extra: 1 }], m) });
  }
}

/** One change somewhere in `value`. */
function mutate(value: unknown, where: number, how: number, other: unknown, vocab: Vocabulary): unknown {
  if (how % 5 === 0 && isPlain(value) && 'history' in value) return changeSnapshot(value, how >> 3, other, vocab);
  const nodes = nodesOf(value);
  const path = nodes[where % nodes.length]!;
  return setAt(value, path, (v) => changeNode(v, how >> 3, other, vocab, path.length > 0));
}

const REPLACEMENTS: unknown[] = [
  '', ' ', '\u3000', '\n\t', '\u2028', '\ufeff', '\u00a0', '\u200b', '\u180e', 'x', 'x'.repeat(2001), 'x'.repeat(201), ' 陈建国 ', '2025-02-30', '2025-10-01', '2025-09-26T09:00:00+08:00', '2025-09-26T01:00:00.000Z', '2025-09-26T09:00:00', 'not a time',
  null, undefined, 0, -1, 1, 1.5, 366, 367, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, -0,
  true, false, [], [''], ['x'], {}, { id: 'x' }, new Date(0), Object.create(null), Symbol('s'), 10n, () => 'x',
];
const replacement = fc.oneof({ arbitrary: fc.constantFrom(...REPLACEMENTS), weight: 5 }, { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }), weight: 1 });
/** Which seed, whether as a JSON round trip, and up to three changes. */
const variation = fc.tuple(fc.nat(), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(), replacement), { maxLength: 3 }));

interface Tally {
  passed: number;
  changedPassed: number;
  failed: number;
  /** Refused only by refinements (the snapshot's history checks and the like), not by shape. */
  refinedOut: number;
}

/**
 * zod's verdict and output against the closures' and `safeParseFast`'s on one input; unknown
 * values passed on by reference by both.
 */
function agree(schema: z.ZodType, fast: FastParse | undefined, plan: Plan | undefined, input: unknown, tally: Tally, changed: boolean): void {
  const expected = schema.safeParse(input);
  const viaFast = safeParseFast(schema, input);
  if (expected.success) {
    tally.passed++;
    if (changed) tally.changedPassed++;
    if (fast) {
      const out = fast(input);
      expect(out, 'zod accepts, the fast parser refuses').not.toBe(FAIL);
      expect(out).toStrictEqual(expected.data);
      expect(keyOrder(out)).toEqual(keyOrder(expected.data));
      for (const slot of plan ? unknownSlots(plan, input) : []) {
        expect(getAt(out, slot.path)).toBe(slot.value);
        expect(getAt(expected.data, slot.path)).toBe(slot.value);
      }
    }
    expect(viaFast.success).toBe(true);
    expect(viaFast).toStrictEqual({ success: true, data: expected.data });
  } else {
    tally.failed++;
    if (expected.error.issues.every((i) => i.code === 'custom')) tally.refinedOut++;
    if (fast) expect(fast(input), 'zod refuses, the fast parser accepts').toBe(FAIL);
    expect(viaFast.success).toBe(false);
    if (!viaFast.success) {
      expect(viaFast.error).toBeInstanceOf(z.ZodError);
      expect(viaFast.error.issues).toStrictEqual(expected.error.issues);
      expect(viaFast.error.message).toBe(expected.error.message);
    }
  }
}

/**
 * Every key path of the output, in order (what a store writes follows it); the values themselves
 * are compared by toStrictEqual. A walk over own keys, not JSON.stringify: a fuzzed unknown value
 * may inherit a `toJSON` (from a Date) that throws on it.
 */
function keyOrder(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [`${path}.${key}`, ...keyOrder((value as Record<string, unknown>)[key], `${path}.${key}`)]);
}

function fuzz(schema: z.ZodType, seeds: readonly unknown[], vocab: Vocabulary, runs: number): Tally {
  const fast = compileFastParse(schema);
  const plan = planOf(schema);
  const tally: Tally = { passed: 0, changedPassed: 0, failed: 0, refinedOut: 0 };
  fc.assert(
    fc.property(variation, ([which, json, changes]) => {
      let value: unknown = seeds[which % seeds.length];
      if (json) value = JSON.parse(JSON.stringify(value));
      for (const [where, how, other] of changes) value = mutate(value, where, how, other, vocab);
      agree(schema, fast, plan, value, tally, changes.length > 0);
    }),
    { numRuns: runs },
  );
  return tally;
}

// ---- seeds: real snapshots, walked on through every event the loops allow ----

const actorOf = (role: string) => ({ id: `${role}-1`, role });

/**
 * From `start`, every event some role may send, with the first payload of `payloads[type]` the loop
 * accepts (an hour after the last entry; every other step with a note and attachments), to `depth`.
 */
function explore(def: AnyLoopDefinition, start: readonly Item[], payloads: Readonly<Record<string, readonly unknown[]>>, depth: number): Item[] {
  const out = [...start];
  const seen = new Set(start.map((s) => s.history.map((e) => e.type).join('>')));
  let frontier = [...start];
  for (let d = 0; d < depth; d++) {
    const next: Item[] = [];
    for (const item of frontier) {
      const done = new Set<string>();
      for (const role of Object.keys(def.roles)) {
        for (const type of availableEvents(def, item, role)) {
          if (done.has(type)) continue;
          for (const payload of payloads[type] ?? [undefined]) {
            const at = formatInstant(parseInstant(item.updatedAt) + 3_600_000);
            const extras = (d + next.length) % 2 ? { note: '已电话联系', attachments: ['file:note.pdf'] } : {};
            const event = { type, actor: actorOf(role), at, ...extras, ...(payload === undefined ? {} : { payload }) };
            const r = transition(def, item as never, event as never);
            if (!r.ok) continue;
            done.add(type);
            const signature = r.snapshot.history.map((e) => e.type).join('>');
            if (!seen.has(signature)) {
              seen.add(signature);
              next.push(r.snapshot as Item);
            }
            break;
          }
        }
      }
    }
    out.push(...next);
    frontier = next.slice(0, 40);
  }
  return out;
}

/** Payloads by event type, from the histories of `items`, plus `extra`. */
function payloadsOf(items: readonly Item[], extra: Record<string, unknown[]> = {}): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const item of items) for (const e of item.history) if (e.type !== CREATED && e.payload !== undefined) (out[e.type] ??= []).push(e.payload);
  for (const [type, list] of Object.entries(extra)) (out[type] ??= []).push(...list);
  for (const type of Object.keys(out)) out[type] = dedupe(out[type]!);
  return out;
}

const supervisor = { id: 'kaoping-office', role: 'supervisor' } as const;

const disputeStart: Item[] = [
  ...(['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff', 'closed', 'withdrawn', 'merged'] as const).map((s) => walkTo(s)),
  accept('D-2025-0002', '2025-10-08T10:00:00+08:00', {
    channel: 'grid',
    reportedBy: { id: 'grid-07', name: '刘网格' },
    parties: [...noiseIntake().parties, { id: 'p3', side: 'respondent', name: '王某', needsHomeVisit: true }],
  }),
  send(walkTo('mediating', accept('D-2025-0003')), 'refer', ACTORS.mediator),
];
const disputePayloads = payloadsOf([], {
  ...Object.fromEntries(Object.entries(PAYLOADS).map(([type, p]) => [type, [p]])),
  settle: [PAYLOADS.settle, { terms: ['赔偿 500 元'], consentedBy: ['p1', 'p2', 'p3'], date: '2025-10-09', document: 'file:agreement.pdf' }],
  recordFollowUp: [PAYLOADS.recordFollowUp, { method: 'homeVisit', agreementKept: null, satisfaction: 'dissatisfied', findings: '协议部分履行' }],
});

const rectificationStart = exampleRectificationItems(12, 2) as Item[];
const rectificationPayloads = payloadsOf(rectificationStart, {
  giveBack: [{ reason: '缺少通报记录' }],
  supervise: [{ instruction: '请本周内完成整改' }],
  holdAccountable: [{ accountabilityId: 'ZG-001/accountability' }],
});

const accountabilityStart = sweepOverdue(exampleRectificationItems(12, 4), '2026-03-02T09:00:00+08:00', supervisor).accountability as Item[];
const accountabilityPayloads = payloadsOf([], {
  decide: [{ measure: 'talk', basis: '整改逾期' }, { measure: 'other', basis: '通报批评并限期整改' }],
  close: [{ outcome: '已约谈主要负责人' }],
  dismiss: [{ reason: '逾期系不可抗力' }],
});

const receptionStart = exampleReceptionDay() as Item[];
const receptionPayloads = payloadsOf(receptionStart, {
  supervise: [{ instruction: '本周内答复企业' }],
  reopen: [{ reason: '企业反映问题仍未解决' }],
  rate: [{ satisfaction: 'satisfied', comment: '满意' }],
});

const permitStart = [...exampleEventPermits(8), ...examplePermitsInProgress()] as Item[];
const permitPayloads = payloadsOf(permitStart, {
  submitPlan: [{ summary: '修订：增设医疗点', stewards: 0, document: 'file:plan-v2.pdf' }],
  refuse: [{ reason: '安保力量不足' }],
  withdraw: [{ reason: '活动取消' }],
  recordHeld: [{ attendance: 3000, incidents: 0 }],
});

const roster = cityRoster();
const taskStart = exampleTaskOrders({ roster, month: '2025-10', now: '2025-11-05T09:00:00+08:00' }).slice(0, 60) as Item[];

const windowDef = windowCaseLoop(1);
const clerk = { id: 'clerk-1', role: 'clerk' } as const;
const matter = { id: 'M-seal', name: '公章刻制备案', previousLimit: 3, limit: 1 };
const windowStart: Item[] = [
  acceptWindowCase({ id: 'W-1', matter, applicant: '汪洋', firmId: 'F-001', actor: clerk, at: '2025-09-30T09:00:00+08:00' }),
  acceptWindowCase({ id: 'W-2', matter: { ...matter, limit: 0.5 }, applicant: '张三', actor: clerk, at: '2025-11-03T09:00:00+08:00', note: '窗口受理' }),
];
const windowPayloads = payloadsOf([], { requestMaterials: [{ missing: ['营业执照副本', '法人身份证'] }], refuse: [{ reason: '不属于本窗口受理范围' }], withdraw: [{ reason: '申请人撤回' }] });

interface LoopCase {
  readonly name: string;
  readonly def: AnyLoopDefinition;
  readonly seeds: readonly Item[];
}

const LOOPS: readonly LoopCase[] = [
  { name: 'disputeLoop', def: disputeLoop, seeds: explore(disputeLoop, disputeStart, disputePayloads, 3) },
  { name: 'taskOrderLoop', def: taskOrderLoop, seeds: taskStart },
  { name: 'rectificationLoop', def: rectificationLoop, seeds: explore(rectificationLoop, rectificationStart, rectificationPayloads, 3) },
  { name: 'accountabilityLoop', def: accountabilityLoop, seeds: explore(accountabilityLoop, accountabilityStart, accountabilityPayloads, 3) },
  { name: 'receptionLoop', def: receptionLoop, seeds: explore(receptionLoop, receptionStart, receptionPayloads, 3) },
  { name: 'eventPermitLoop', def: eventPermitLoop, seeds: explore(eventPermitLoop, permitStart, permitPayloads, 3) },
  { name: 'windowCaseLoop', def: windowDef, seeds: explore(windowDef, windowStart, windowPayloads, 3) },
];

/** The loops whose snapshots must compile (task orders: see the finding below). */
const compiling = LOOPS.filter((l) => l.name !== 'taskOrderLoop');

function vocabularyOf(def: AnyLoopDefinition | undefined, seeds: readonly unknown[]): Vocabulary {
  const words = new Set<unknown>(['@create', 'other', '']);
  for (const seed of seeds.slice(0, 30)) {
    for (const path of nodesOf(seed)) {
      const v = getAt(seed, path);
      if (typeof v === 'string' && v.length < 40) words.add(v);
    }
  }
  return {
    states: def ? Object.keys(def.states) : ['open', 'closed'],
    events: def ? Object.keys(def.events) : ['close'],
    roles: def ? Object.keys(def.roles) : ['supervisor'],
    words: [...words].slice(0, 400),
  };
}

// ---- the first part of the plan a schema has none for ----

interface ZodDefLike {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string; readonly format?: string; readonly when?: unknown; readonly pattern?: unknown } } }[];
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly catchall?: z.ZodType;
  readonly discriminator?: unknown;
  readonly unionFallback?: unknown;
  readonly format?: unknown;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
const SUPPORTED_TYPES = new Set(['string', 'boolean', 'number', 'enum', 'literal', 'unknown', 'any', 'nullable', 'optional', 'default', 'array', 'object', 'union']);
const SUPPORTED_CHECKS = new Set(['min_length', 'max_length', 'greater_than', 'less_than', 'custom', 'overwrite']);

/** Where and why a schema has no plan (first such part, outside in), or undefined if it has one. */
function blocker(schema: z.ZodType, path = ''): string | undefined {
  if (planOf(schema)) return undefined;
  const def = defOf(schema);
  const at = path || '(root)';
  if (!SUPPORTED_TYPES.has(def.type)) return `${at}: ${def.type}`;
  if (def.type === 'object' && def.catchall !== undefined) return `${at}: object with catchall (strict/loose)`;
  if (def.type === 'union' && (typeof def.discriminator !== 'string' || def.unionFallback)) return `${at}: union (not discriminated)`;
  if (def.type === 'number' && def.format !== undefined && def.format !== 'safeint') return `${at}: number format ${String(def.format)}`;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' && d.format !== 'regex') return `${at}: string format ${String(d.format)}`;
    if (!SUPPORTED_CHECKS.has(d.check) && d.check !== 'string_format') return `${at}: check ${d.check}`;
    if (d.check === 'custom' && d.when !== undefined) return `${at}: conditional check (when)`;
  }
  const children: [string, z.ZodType][] =
    def.type === 'object' ? Object.entries(def.shape ?? {}).map(([k, s]) => [`${path}${path ? '.' : ''}${k}`, s])
    : def.type === 'array' ? [[`${path}[]`, def.element!]]
    : def.type === 'union' ? (def.options ?? []).map((o, i): [string, z.ZodType] => [`${path}|${i}`, o])
    : def.innerType ? [[path, def.innerType]]
    : [];
  for (const [p, s] of children) {
    const b = blocker(s, p);
    if (b) return b;
  }
  return `${at}: ${def.type} (depth or another limit)`;
}

// ---- 1. loop snapshots ----

describe('loop snapshots take the fast path', () => {
  test('the core loops are all here (the one-window case loop is exported)', () => {
    expect(LOOPS.map((l) => l.def.id).sort()).toEqual(['accountability', 'dispute', 'event-permit', 'one-window-case', 'task-order', 'reception-day', 'rectification'].sort());
  });

  test.each(compiling)('$name: compileFastParse(snapshotSchema(def)) is a function', ({ def }) => {
    expect(compileFastParse(snapshotSchema(def))).toBeTypeOf('function');
  });

  // FINDING: a task order's data keeps feedback values in a z.record (a plain union inside), which
  // has no plan, so task-order snapshots — and the task store's `orders` — are parsed by zod alone.
  // Expected to fail until records are planned; then turn this into the test above.
  test.fails('taskOrderLoop: compileFastParse(snapshotSchema(def)) is a function (not yet: data.feedback.values is a z.record)', () => {
    expect(compileFastParse(snapshotSchema(taskOrderLoop))).toBeTypeOf('function');
  });
  test('taskOrderLoop: what keeps its snapshots off the fast path', () => {
    expect(blocker(snapshotSchema(taskOrderLoop))).toBe('data.feedback.values: record');
  });
});

describe('loop snapshots: the fast parser says what zod says', () => {
  test.each(LOOPS)('$name: real snapshots are valid, at every state the examples and events reach', ({ def, seeds }) => {
    const schema = snapshotSchema(def);
    const states = new Set(seeds.map((s) => s.state));
    expect(seeds.length).toBeGreaterThan(5);
    // Every state of the loop is represented (task orders: the example month's states).
    if (def !== taskOrderLoop) expect([...states].sort()).toEqual(Object.keys(def.states).sort());
    const fast = compileFastParse(schema);
    for (const seed of seeds) {
      const expected = schema.safeParse(seed);
      expect(expected.success, JSON.stringify(expected.error?.issues)).toBe(true);
      if (fast) expect(fast(seed)).toStrictEqual(expected.data);
      if (fast) expect(fast(JSON.parse(JSON.stringify(seed)))).toStrictEqual(schema.safeParse(JSON.parse(JSON.stringify(seed))).data);
    }
  });

  test.each(LOOPS)('$name: same verdict and output on 4,000 variations (both verdicts occur)', ({ def, seeds }) => {
    const schema = snapshotSchema(def);
    const tally = fuzz(schema, seeds, vocabularyOf(def, seeds), 4000);
    expect(tally.passed).toBeGreaterThan(100);
    expect(tally.changedPassed).toBeGreaterThan(50);
    expect(tally.failed).toBeGreaterThan(1000);
    // Many refused by the history checks alone (the superRefine), not by shape.
    expect(tally.refinedOut).toBeGreaterThan(200);
  });

  test.each(compiling)('$name: targeted near misses', ({ def, seeds }) => {
    const schema = snapshotSchema(def);
    const fast = compileFastParse(schema)!;
    const plan = planOf(schema);
    const tally: Tally = { passed: 0, changedPassed: 0, failed: 0, refinedOut: 0 };
    const seed = seeds.find((s) => s.history.length >= 3) ?? seeds[0]!;
    const h = seed.history;
    const created = h[0]!;
    const last = h[h.length - 1]!;
    const entry = (i: number, change: Record<string, unknown>) => ({ ...seed, history: h.map((e, j) => (j === i ? { ...e, ...change } : e)) });
    const cases: [string, unknown, boolean][] = [
      ['unchanged', seed, true],
      ['extra keys everywhere', { ...seed, extra: 1, loop: { ...seed.loop, extra: 2 }, history: h.map((e) => ({ ...e, extra: 3, actor: { ...e.actor, extra: 4 } })) }, true],
      ['seq out of order', entry(1, { seq: 2 }), false],
      ['seq as text', entry(1, { seq: '1' }), false],
      ['unknown event', entry(1, { type: 'teleport' }), false],
      ['a second creation', entry(1, { type: CREATED }), false],
      ['the creation not first', entry(0, { type: h[1]!.type }), false],
      ['from the wrong state', entry(1, { from: last.to === h[1]!.from ? h[0]!.from : last.to }), false],
      ['the creation from a state', entry(0, { from: created.to }), false],
      ['to an unknown state', entry(h.length - 1, { to: 'nowhere' }), false],
      ['at out of order', entry(1, { at: shiftInstant(created.at, -60_000) }), false],
      ['at without an offset', entry(1, { at: h[1]!.at.replace(/(Z|[+-]\d\d:\d\d)$/, '') }), false],
      ['an unknown role', entry(1, { actor: { ...h[1]!.actor, role: 'stranger' } }), false],
      ['an empty actor id', entry(1, { actor: { ...h[1]!.actor, id: '' } }), false],
      ['the creation for another item', entry(0, { payload: { ...(created.payload as object), id: 'someone-else' } }), false],
      ['the creation without data', entry(0, { payload: { id: seed.id } }), false],
      ['the creation with invalid data', entry(0, { payload: { id: seed.id, data: { ...(seed.data as object), [Object.keys(seed.data as object)[0]!]: 42 } } }), false],
      ['the creation without payload', entry(0, { payload: undefined }), false],
      ['state not where the history ends', { ...seed, state: created.to === seed.state ? Object.keys(def.states).find((s) => s !== seed.state) : created.to }, false],
      ['updatedAt not the last entry', { ...seed, updatedAt: shiftInstant(seed.updatedAt, 1000) }, false],
      ['createdAt not the creation', { ...seed, createdAt: shiftInstant(seed.createdAt, -1000) }, false],
      ['wrong loop id', { ...seed, loop: { ...seed.loop, id: 'other' } }, false],
      ['wrong loop version', { ...seed, loop: { ...seed.loop, version: seed.loop.version + 1 } }, false],
      ['no history', { ...seed, history: [] }, false],
      ['a number for the id', { ...seed, id: 7 }, false],
      ['an empty id', { ...seed, id: '' }, false],
      ['a deadline that is not an instant', { ...seed, deadline: '2025-10-01' }, false],
      ['an inherited snapshot', Object.create(seed) as unknown, true],
      ['a null-prototype snapshot', Object.assign(Object.create(null) as object, seed), true],
      ['an array', [seed], false],
      ['null', null, false],
    ];
    for (const [name, input, valid] of cases) {
      agree(schema, fast, plan, input, tally, true);
      expect(schema.safeParse(input).success, name).toBe(valid);
    }
  });

  test('trimmed strings inside snapshot data: trimmed by both, blank refused by both', () => {
    const schema = snapshotSchema(disputeLoop);
    const fast = compileFastParse(schema)!;
    const seed = walkTo('mediating');
    const parties = (seed.data.parties as { name: string }[]).map((p, i) => ({ ...p, name: i ? `\u3000${p.name}\t` : ` ${p.name} ` }));
    const padded = { ...seed, data: { ...seed.data, parties, town: ` ${seed.data.town}\n` } };
    const out = fast(padded) as typeof seed;
    expect(out).toStrictEqual(schema.parse(padded));
    expect(out.data.town).toBe(seed.data.town);
    expect(out.data.parties.map((p) => p.name)).toEqual(seed.data.parties.map((p) => p.name));
    const blank = { ...seed, data: { ...seed.data, town: ' \u3000 ' } };
    expect(fast(blank)).toBe(FAIL);
    expect(schema.safeParse(blank).success).toBe(false);
    // The window case's applicant name, trimmed in the data and in the creation's payload alike.
    const wc = windowStart[0]!;
    const wcSchema = snapshotSchema(windowDef);
    const wcPadded = { ...wc, data: { ...(wc.data as object), applicant: '  汪洋 ' } };
    expect(compileFastParse(wcSchema)!(wcPadded)).toStrictEqual(wcSchema.parse(wcPadded));
  });

  test('wrong discriminators in the data (dispute outcome, window-case outcome) fail in both', () => {
    const settled = walkTo('followUp');
    const schema = snapshotSchema(disputeLoop);
    const fast = compileFastParse(schema)!;
    const outcome = settled.data.outcome as { kind: string };
    for (const kind of ['referred', 'other', undefined, 1]) {
      const input = { ...settled, data: { ...settled.data, outcome: { ...outcome, kind } } };
      expect(schema.safeParse(input).success).toBe(false);
      expect(fast(input)).toBe(FAIL);
    }
    const input = { ...settled, data: { ...settled.data, outcome: [outcome] } };
    expect(schema.safeParse(input).success).toBe(false);
    expect(fast(input)).toBe(FAIL);
  });
});

// ---- 2. store collections ----

const STORES: Readonly<Record<string, StoreSpec>> = {
  receptionStoreSpec,
  evaluationStoreSpec,
  taskStoreSpec,
  businessStore,
  eventPermitStore,
  quizStore,
  rectificationStoreSpec,
  volunteerStore,
  disputeStoreSpec,
  jobFairStore,
  emergencyUnitStore,
} as unknown as Record<string, StoreSpec>;

const collections = Object.values(STORES).flatMap((spec) => Object.entries(spec.collections).map(([name, c]) => ({ name: `${spec.name}/${name}`, schema: c.schema as z.ZodType })));

const firm: KeyFirm = { id: 'F-001', name: '秦皇岛某帆船体育文化公司', kind: 'firm', officer: null, assistant: null, assignedOn: null };
const assigned = assignLiaison(firm, { officer: { id: 'P-liliang', name: '李亮', unit: '西港治安派出所', phone: '13800001111' }, assistant: { id: 'A-zhao', name: '赵敏', unit: '西港治安派出所' }, date: '2025-03-10' });
const volunteers = exampleVolunteerLog(40, 80);
const units = exampleEmergencyUnits(12, 6, { detained: 3, disputesStopped: 5, helped: 4 });
const seedOf = (cases: readonly LoopCase[], name: string) => cases.find((l) => l.name === name)!.seeds;

/** Records for every collection that has a plan: from the example data and the domain tests. */
const RECORDS: Readonly<Record<string, readonly unknown[]>> = {
  'bihuan-reception/issues': seedOf(LOOPS, 'receptionLoop'),
  'bihuan-business/firms': [
    firm,
    ...(assigned.ok ? [assigned.value] : []),
    { ...firm, id: 'F-002', kind: 'project', district: '海港区', contact: { name: '周经理', phone: '0335-1234567' } },
    { ...firm, id: 'F-003', contact: { name: '吴女士' } },
  ],
  'bihuan-business/visits': [
    { id: 'V-1', firmId: 'F-001', date: '2025-03-10', by: 'P-liliang', kind: 'onSite', needs: '今年计划承办的赛事安保' },
    { id: 'V-2', firmId: 'F-001', date: '2025-04-01', by: 'A-zhao', kind: 'phone', note: '已协调交警部门' },
  ],
  'bihuan-business/matters': [
    { id: 'M-seal', name: '公章刻制备案', previousLimit: 7, limit: 4.9 },
    { id: 'M-1', name: '事项1', department: '区行政审批局', previousLimit: 10, limit: 7, online: true },
    { id: 'M-2', name: '事项2', previousLimit: 0.1, limit: 0.07, online: false },
  ],
  'bihuan-business/windowCases': seedOf(LOOPS, 'windowCaseLoop'),
  'bihuan-event-permit/permits': seedOf(LOOPS, 'eventPermitLoop'),
  'bihuan-quiz/quizzes': [
    civilCodeQuiz(),
    civilCodeQuiz('en'),
    { id: 'q-small', title: '小测验', questions: [{ id: 'q1', prompt: '谁?', choices: [{ id: 'a', text: '甲' }, { id: 'b', text: '乙' }], answer: 'a', explanation: '因为' }] },
  ],
  'bihuan-rectification/items': seedOf(LOOPS, 'rectificationLoop'),
  'bihuan-rectification/accountability': seedOf(LOOPS, 'accountabilityLoop'),
  'bihuan-volunteer/volunteers': [...volunteers.roster.slice(0, 30), ...volunteers.roster.filter((v) => v.leftOn !== null), { id: 'V-new', name: '王建国', phone: '13912345678', joinedOn: '2025-01-02' }, { id: 'V-s', name: '李四', joinedOn: '2025-01-02', leftOn: null, skills: ['急救', '驾驶'] }],
  'bihuan-volunteer/assists': [...volunteers.assists.slice(0, 40), { id: 'A-x', volunteerId: 'V0001', kind: 'patrol', date: '2025-05-01', minutes: 90, place: '海滨路', note: '夜间巡逻' }],
  'bihuan-dispute/disputes': seedOf(LOOPS, 'disputeLoop'),
  'bihuan-job-fair/fairs': [{ id: 'fair-1', title: '春风行动招聘会', date: '2026-03-20', venue: '监狱会见中心' }, { id: 'fair-2', title: '出监就业招聘会', date: '2026-09-01' }],
  'bihuan-job-fair/firms': [{ id: 'firm-1', fairId: 'fair-1', name: '爱心企业1', industry: '制造业', contact: { name: '张经理', phone: '027-8888888' } }, { id: 'firm-2', fairId: 'fair-1', name: '爱心企业2' }],
  'bihuan-job-fair/intentions': [
    { id: 'I-1', fairId: 'fair-1', name: '张某某', kinds: ['skilled', 'general'], expectedPay: 4200, skills: ['电焊', '叉车'], certificates: ['特种作业操作证'], preferredLocation: '武汉', filledOn: '2026-03-20' },
    { id: 'I-2', fairId: 'fair-1', name: '李某', kinds: ['service'], expectedPay: 0, releaseDate: '2026-06-01', filledOn: '2026-03-20', note: '希望在本地就业' },
  ],
  'bihuan-emergency-unit/units': [...units.units, { ...units.units[0]!, id: 'U-x', members: [{ id: 'm1', name: '王伟', phone: '13800138000' }], meets: [] }],
  'bihuan-emergency-unit/responses': [...units.responses, { id: 'R-x', unitId: 'U0001', kind: 'drill', at: '2025-01-05T10:00:00+08:00', times: { selfRescue: 30, mutualAid: 120, reinforcement: 300 } }],
};

const LOOP_OF: Readonly<Record<string, AnyLoopDefinition>> = {
  'bihuan-reception/issues': receptionLoop,
  'bihuan-business/windowCases': windowDef,
  'bihuan-event-permit/permits': eventPermitLoop,
  'bihuan-rectification/items': rectificationLoop,
  'bihuan-rectification/accountability': accountabilityLoop,
  'bihuan-dispute/disputes': disputeLoop,
  'bihuan-task/orders': taskOrderLoop,
};

const planned = collections.filter((c) => planOf(c.schema) !== undefined);

describe('store collections: the fast parser says what zod says', () => {
  test('every store declared in core is here', () => {
    const root = new URL('../../src/', import.meta.url);
    const declared: string[] = [];
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(new URL(file, root), 'utf8');
      for (const m of text.matchAll(/export const (\w+) = (?:\/\* @__PURE__ \*\/ )?(defineStore|createDisputeStoreSpec)\(/g)) declared.push(m[1]!);
      if (/defineStore\(/.test(text) && !/export const \w+ = (?:\/\* @__PURE__ \*\/ )?defineStore\(/.test(text) && !file.includes('dispute') && !file.endsWith('spec.ts')) declared.push(`unlisted defineStore in ${file}`);
    }
    expect(declared.sort()).toEqual(Object.keys(STORES).sort());
  });

  test('the collection schemas without a plan (zod parses them), and why', () => {
    expect(Object.fromEntries(collections.filter((c) => planOf(c.schema) === undefined).map((c) => [c.name, blocker(c.schema)]))).toEqual({
      'bihuan-evaluation/schemes': 'topGradeCap: union (not discriminated)',
      'bihuan-evaluation/reports': 'adjustments: record',
      'bihuan-evaluation/sheets': 'scores: record',
      'bihuan-task/orders': 'data.feedback.values: record',
      'bihuan-task/catalogs': 'name: pipe',
      'bihuan-task/rosters': 'city.name: pipe',
      'bihuan-quiz/attempts': 'answers: record',
      'bihuan-job-fair/openings': 'conditions: prefault',
    });
  });

  test('loop collections use the loop’s own snapshot schema', () => {
    for (const [name, def] of Object.entries(LOOP_OF)) expect(collections.find((c) => c.name === name)!.schema, name).toBe(snapshotSchema(def));
  });

  test('every collection with a plan has valid records to start from', () => {
    expect(planned.map((c) => c.name).sort()).toEqual(Object.keys(RECORDS).sort());
    for (const { name, schema } of planned) {
      const fast = compileFastParse(schema)!;
      expect(fast, name).toBeTypeOf('function');
      for (const record of RECORDS[name]!) {
        const expected = schema.safeParse(record);
        expect(expected.success, `${name}: ${JSON.stringify(expected.error?.issues)}`).toBe(true);
        expect(fast(record)).toStrictEqual(expected.data);
      }
    }
  });

  test.each(planned)('$name: same verdict and output on 3,000 variations (both verdicts occur)', ({ name, schema }) => {
    const seeds = RECORDS[name]!;
    const tally = fuzz(schema, seeds, vocabularyOf(LOOP_OF[name], seeds), 3000);
    expect(tally.passed).toBeGreaterThan(50);
    expect(tally.changedPassed).toBeGreaterThan(20);
    expect(tally.failed).toBeGreaterThan(500);
  });

  test('trimming, defaults and refinements of store records agree with zod', () => {
    const check = (name: string, input: unknown, valid: boolean) => {
      const schema = collections.find((c) => c.name === name)!.schema;
      const expected = schema.safeParse(input);
      expect(expected.success, `${name} ${JSON.stringify(input)}`).toBe(valid);
      const out = compileFastParse(schema)!(input);
      if (valid) expect(out).toStrictEqual(expected.data);
      else expect(out).toBe(FAIL);
    };
    check('bihuan-volunteer/volunteers', { id: 'V', name: '  王五 ', joinedOn: '2025-01-02', skills: [' 急救 '] }, true);
    check('bihuan-volunteer/volunteers', { id: 'V', name: '   ', joinedOn: '2025-01-02' }, false);
    check('bihuan-volunteer/volunteers', { id: 'V', name: '王五', joinedOn: '2025-01-02', leftOn: '2024-12-31' }, false);
    check('bihuan-volunteer/volunteers', { id: 'V', name: '王五', joinedOn: '2025-02-30' }, false);
    check('bihuan-business/firms', { ...firm, contact: { name: ' 周经理 ' } }, true);
    check('bihuan-business/firms', { ...firm, assignedOn: '2025-03-10' }, false);
    check('bihuan-business/matters', { id: 'M', name: 'x', previousLimit: 1, limit: 4.123 }, false);
    check('bihuan-business/matters', { id: 'M', name: 'x', previousLimit: 1, limit: 0 }, false);
    check('bihuan-business/matters', { id: 'M', name: ' ', previousLimit: 1, limit: 1 }, false);
    check('bihuan-quiz/quizzes', { id: 'q', title: 't', questions: [{ id: 'a', prompt: 'p', choices: [{ id: 'x', text: '1' }, { id: 'x', text: '2' }], answer: 'x', explanation: 'e' }] }, false);
    check('bihuan-quiz/quizzes', { id: 'q', title: 't', passPercent: 101, questions: [{ id: 'a', prompt: 'p', choices: [{ id: 'x', text: '1' }, { id: 'y', text: '2' }], answer: 'x', explanation: 'e' }] }, false);
    check('bihuan-emergency-unit/responses', { id: 'R', unitId: 'U', kind: 'drill', at: '2025-01-05T10:00:00+08:00', times: { selfRescue: 30, mutualAid: null, reinforcement: 300 } }, false);
    check('bihuan-emergency-unit/responses', { id: 'R', unitId: 'U', kind: 'incident', at: '2025-01-05T10:00:00+08:00', times: { selfRescue: 30, mutualAid: null, reinforcement: null }, outcome: { detained: 1, disputesStopped: 0, helped: 2 } }, true);
    check('bihuan-emergency-unit/units', { ...units.units[0]!, name: '  海港商户联防组 ', members: [{ id: 'm', name: ' 王伟 ' }, { id: 'm', name: '李' }] }, false);
    check('bihuan-emergency-unit/units', { ...units.units[0]!, name: '  海港商户联防组 ', members: [{ id: 'm', name: ' 王伟 ' }] }, true);
    check('bihuan-job-fair/intentions', { id: 'I', fairId: 'f', name: ' 张 ', kinds: ['skilled', 'skilled'], expectedPay: 1, filledOn: '2026-03-20' }, false);
    check('bihuan-job-fair/intentions', { id: 'I', fairId: 'f', name: ' 张 ', kinds: ['skilled'], expectedPay: 1, filledOn: '2026-03-20' }, true);
  });
});

// ---- 3. safeParseFast gives zod's answer, success and failure ----

describe('safeParseFast answers as zod does', () => {
  const all = [...LOOPS.map((l) => ({ name: l.name, schema: snapshotSchema(l.def) as z.ZodType, seeds: l.seeds as readonly unknown[] })), ...planned.map((c) => ({ name: c.name, schema: c.schema, seeds: RECORDS[c.name]! }))];

  test.each(all)('$name: { success: true, data } with zod’s data; on failure zod’s own error and issues', ({ schema, seeds }) => {
    for (const seed of seeds.slice(0, 10)) {
      const ok = safeParseFast(schema, seed);
      expect(Object.keys(ok)).toEqual(['success', 'data']);
      expect(ok).toStrictEqual(schema.safeParse(seed));
      for (const broken of [null, [], { ...(seed as object), id: 42 }, { ...(seed as object), id: '' }]) {
        const expected = schema.safeParse(broken);
        const got = safeParseFast(schema, broken);
        expect(got.success).toBe(false);
        if (got.success || expected.success) continue;
        expect(got.error).toBeInstanceOf(z.ZodError);
        expect(got.error.issues).toStrictEqual(expected.error.issues);
        expect(got.error.issues.length).toBeGreaterThan(0);
        expect(got.error.message).toBe(expected.error.message);
      }
    }
  });
});

// ---- 4. the output shares nothing with the input, but unknown values (as zod) ----


describe('parsed records share nothing with the input but z.unknown() values, as with zod', () => {
  const all = [...LOOPS.filter((l) => planOf(snapshotSchema(l.def))).map((l) => ({ name: l.name, schema: snapshotSchema(l.def) as z.ZodType, seeds: l.seeds as readonly unknown[] })), ...planned.map((c) => ({ name: c.name, schema: c.schema, seeds: RECORDS[c.name]! }))];

  test.each(all)('$name', ({ schema, seeds }) => {
    const plan = planOf(schema)!;
    const fast = compileFastParse(schema)!;
    for (const seed of seeds.slice(0, 12)) {
      for (const [label, parse] of [['fast', fast], ['safeParseFast', (v: unknown) => safeParseFast(schema, v).data], ['zod', (v: unknown) => schema.parse(v)]] as const) {
        const input = structuredClone(seed);
        const slots = unknownSlots(plan, input);
        const out = parse(input);
        // What is shared: exactly the unknown values (history payloads), by reference.
        const expectedShared = new Set<object>();
        for (const s of slots) containers(s.value, expectedShared);
        const shared = [...containers(out)].filter((c) => containers(input).has(c));
        expect(new Set(shared), label).toEqual(expectedShared);
        for (const s of slots) expect(getAt(out, s.path), label).toBe(s.value);
        const before = structuredClone(out);
        scribble(input);
        // Unchanged, but for the unknown values, which changed with the input as they are the input's.
        let expected: unknown = before;
        for (const s of slots) expected = setAt(expected, s.path, () => s.value);
        expect(out, label).toStrictEqual(expected);
      }
    }
  });

  test('loop snapshots do pass unknown values through (the history payloads)', () => {
    const seed = structuredClone(walkTo('closed'));
    const schema = snapshotSchema(disputeLoop);
    const slots = unknownSlots(planOf(schema)!, seed);
    expect(slots.filter((s) => s.value !== undefined).length).toBeGreaterThan(3);
    const fromFast = compileFastParse(schema)!(seed) as typeof seed;
    const fromZod = schema.parse(seed);
    seed.history.forEach((e, i) => {
      expect(fromFast.history[i]!.payload).toBe(e.payload);
      expect(fromZod.history[i]!.payload).toBe(e.payload);
    });
  });

  test('defaults are fresh on every parse', () => {
    const schema = collections.find((c) => c.name === 'bihuan-volunteer/volunteers')!.schema;
    const fast = compileFastParse(schema)!;
    const input = { id: 'V', name: '王五', joinedOn: '2025-01-02' };
    const a = fast(input) as { skills: string[] };
    const b = fast(input) as { skills: string[] };
    expect(a).toStrictEqual(schema.parse(input));
    expect(a.skills).toEqual([]);
    expect(a.skills).not.toBe(b.skills);
  });
});

enum NumericEnum {
  A,
  B,
}

// ---- schemas beyond core's records ----

// None of these shapes occurs in core's loop snapshots or store collections, but a host's store
// schemas go through the same `safeParseFast` (validateIn / validateOut). Each was once a
// disagreement with zod 4.6: a schema must either have no plan (zod decides) or agree exactly.
describe('compileFastParse beyond core records: zod 4.6 rules on formats, key presence, defaults and enums', () => {
  const verdict = (schema: z.ZodType, input: unknown) => {
    const expected = schema.safeParse(input);
    const fast = compileFastParse(schema);
    if (fast === undefined) return;
    const out = fast(input);
    if (expected.success) expect(out).toStrictEqual(expected.data);
    else expect(out).toBe(FAIL);
    const viaStore = safeParseFast(schema, input);
    expect(viaStore.success).toBe(expected.success);
  };

  test.each([
    ['z.email() refuses any other string', z.email(), 'not an email'],
    ['z.url() refuses any other string', z.url(), 'not a url'],
    ['z.uuid() refuses any other string', z.uuid(), 'x'],
    ['z.iso.date() refuses a false date', z.iso.date(), '2025-02-30x'],
    ['an absent non-optional z.unknown() is refused (nonoptional)', z.object({ a: z.unknown() }), {}],
    ['a present undefined z.unknown() is kept', z.object({ a: z.unknown() }), { a: undefined }],
    ['an absent non-optional z.any() is refused', z.object({ a: z.any() }), {}],
    ['an absent z.literal(undefined) is refused', z.object({ a: z.literal(undefined) }), {}],
    ['an absent .optional().nullable() key stays absent', z.object({ a: z.string().optional().nullable() }), {}],
    ['an absent .default().optional() key gets the default', z.object({ a: z.string().default('x').optional() }), {}],
    ['an undefined .default().optional() key gets the default', z.object({ a: z.string().default('x').optional() }), { a: undefined }],
    ['an absent .default() key gets the default', z.object({ a: z.string().default('x') }), {}],
    ['an absent non-optional z.unknown().nullable() is refused', z.object({ a: z.unknown().nullable() }), {}],
    ['.exactOptional() refuses an explicit undefined', z.object({ a: z.string().exactOptional() }), { a: undefined }],
    ['.exactOptional() lets a key be absent', z.object({ a: z.string().exactOptional() }), {}],
    ['a numeric TS enum refuses its reverse-mapping names', z.enum(NumericEnum), 'A'],
    ['a numeric TS enum takes its values', z.enum(NumericEnum), 1],
    ['a literal list takes each of its values', z.literal(['a', 1]), 1],
  ] as const)('%s', (_name, schema, input) => {
    verdict(schema, input);
  });

  // What it means for a host's store: validateIn / validateOut refuse an invalid e-mail address.
  test('through safeParseFast, as the stores call it: an invalid e-mail address is refused', () => {
    const schema = z.object({ id: z.string(), email: z.email() });
    expect(schema.safeParse({ id: 'a', email: 'nope' }).success).toBe(false);
    expect(safeParseFast(schema, { id: 'a', email: 'nope' }).success).toBe(false);
    expect(safeParseFast(schema, { id: 'a', email: 'a@example.com' })).toStrictEqual(schema.safeParse({ id: 'a', email: 'a@example.com' }));
  });
});
