import { describe, expect, test } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { z } from 'zod';
import {
  type AnyLoopDefinition,
  type DisputeItem,
  REFUSAL_CODES,
  REFERRAL_TARGETS,
  SATISFACTION,
  type Snapshot,
  acceptDispute,
  createItem,
  defaultDepartmentRegistry,
  disputeLoop,
  isFinal,
  isoInstant,
  loadSnapshot,
  reopenEvents,
  replay,
  transition,
} from '@bihuan/core';
import { noiseIntake } from '../dispute/fixtures.js';
import { rectificationLoop, receptionLoop, taskLoop } from './fixtures.js';

const RUNS = 10_000;
const START = Date.parse('2025-09-26T01:00:00Z');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// Plain checks in the hot loop: vitest's expect costs microseconds per call.
function check(condition: boolean, message: string | (() => string | undefined)): void {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

interface Harness {
  readonly def: AnyLoopDefinition;
  readonly create: (at: string) => Snapshot;
  /** A payload for the event, valid for most seeds, invalid or missing for some. */
  readonly payload: (type: string, seed: number, snapshot: Snapshot) => unknown;
}

const departmentIds = defaultDepartmentRegistry.departments.map((d) => d.id);

const disputeHarness: Harness = {
  def: disputeLoop,
  create: (at) => acceptDispute({ id: 'D-1', intake: noiseIntake(), actor: { id: 'c', role: 'intakeClerk' }, at }),
  payload(type, seed, snapshot) {
    const item = snapshot as DisputeItem;
    if (seed % 29 === 0) return undefined;
    if (seed % 31 === 0) return { unexpected: true };
    switch (type) {
      case 'route': {
        const count = 1 + (seed % 4);
        const departments = Array.from({ length: count }, (_, i) => departmentIds[(seed >> (i * 3)) % departmentIds.length]!);
        if (seed % 11 === 0) departments.push('nonexistent');
        return { departments, joint: ((seed >> 4) & 1) === 1 };
      }
      case 'mediate':
        // The sequences' actors (u0…u4) on the panel: only listed mediators settle, refer and follow up.
        return { mode: seed & 1 ? 'atHome' : 'atCentre', mediators: ['u0', 'u1', 'u2', 'u3', 'u4'] };
      case 'settle':
        return { terms: seed % 13 === 0 ? [] : ['降低生活噪声'], consentedBy: seed % 5 === 0 ? ['p1'] : ['p1', 'p2'], date: '2025-09-26' };
      case 'refer':
        return { to: REFERRAL_TARGETS[seed % 3], reason: '拒绝调解', date: '2025-09-26' };
      case 'recordFollowUp': {
        const settled = item.data.outcome?.kind === 'settled';
        const kept = settled ? seed % 4 !== 0 : null;
        return { method: seed & 2 ? 'phone' : 'homeVisit', agreementKept: seed % 9 === 0 ? (kept === null ? true : null) : kept, satisfaction: SATISFACTION[(seed >> 2) % 3] };
      }
      case 'writeOff':
        return seed % 17 === 0 ? { note: 'not a payload' } : undefined;
      case 'merge':
        return { into: seed % 7 === 0 ? item.id : 'D-0', reason: '重复登记' };
      case 'supervise':
        return { instruction: '限期办结' };
      case 'decline':
        // "Other" without its words, and litigation without the body, are refused now and then.
        return seed % 3 === 0 ? { reason: 'other', ...(seed % 2 ? { detail: '不属于调解范围' } : {}) } : seed % 3 === 1 ? { reason: 'inLitigation', ...(seed % 2 ? { advice: '区人民法院' } : {}) } : { reason: 'outsideRemit' };
      case 'transfer':
        return { to: seed % 5 === 0 ? 'court' : '区劳动人事争议仲裁院', reason: '劳动争议须先经仲裁', date: '2025-09-26' };
      case 'assignHandler':
      case 'reassignHandler':
        // A named handler among the sequences' actors, in a routed body (or, now and then, not).
        return { handler: `u${(seed >> 3) % 5}`, name: '王承办', unit: seed % 3 === 0 ? 'nonexistent' : (item.data.routing?.departments[0] ?? 'court'), reason: '调岗' };
      default:
        return { reason: '申请人撤回' };
    }
  },
};

const simplePayloads: Record<string, Record<string, unknown>> = {
  'policing-task': { feedBack: { evidence: ['photo-1'] }, giveBack: { reason: '材料不全' }, exempt: { reason: '任务不适用' } },
  rectification: { start: { measures: ['建立台账'] } },
  'reception-day': { assign: { department: '住建局' }, rate: { rating: 'satisfied' } },
};

function simpleHarness(def: AnyLoopDefinition, data: unknown, creator: string): Harness {
  return {
    def,
    create: (at) => createItem(def, { id: 'X-1', data, actor: { id: 'a', role: creator }, at }),
    payload(type, seed) {
      const valid = simplePayloads[def.id]![type];
      if (seed % 13 === 0) return valid === undefined ? { stray: 1 } : undefined;
      if (seed % 17 === 0 && valid !== undefined) return { wrong: seed };
      if (type === 'rate') return { rating: seed % 3 === 0 ? 'dissatisfied' : 'satisfied' };
      return valid;
    },
  };
}

const harnesses: Harness[] = [
  disputeHarness,
  simpleHarness(taskLoop, { taskId: 'T-1', officer: 'o-1', feedbacks: 0, evidence: [] }, 'headquarters'),
  simpleHarness(rectificationLoop, { problem: '台账不全', measures: [], returned: 0, accountability: false }, 'owner'),
  simpleHarness(receptionLoop, { issue: '用地审批慢', department: null, ratings: [] }, 'host'),
];

const stepArb = fc.record({
  mode: fc.nat(19),
  pick: fc.nat(),
  seed: fc.nat(),
  // Minutes since the last event; now and then backwards, to exercise out_of_order.
  minutes: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) }),
});

describe.each(harnesses.map((h) => [h.def.id, h] as const))('random event sequences: %s', (_name, h) => {
  const { def } = h;
  const partSchema = z.object({ state: z.enum(Object.keys(def.states)), data: def.data, deadline: z.optional(isoInstant) });
  const events = Object.keys(def.events);
  const roles = Object.keys(def.roles);
  const reopeners = new Set<string>(reopenEvents(def));

  test(`${RUNS} sequences: every snapshot validates, inputs never change, replay rebuilds it, ends accept only reopen rules`, () => {
    let accepted = 0;
    let refused = 0;
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 16 }), (steps) => {
        let at = START;
        let snapshot = deepFreeze(h.create(new Date(at).toISOString()));
        for (const s of steps) {
          at += s.minutes * 60_000;
          const when = s.seed % 3 === 0 ? new Date(at).toISOString() : new Date(at + 8 * 3_600_000).toISOString().replace('Z', '+08:00').replace('.000+', '+').replace(/(\d\d:\d\d:\d\d)\+/, '$1+');
          let type: string;
          let role: string;
          if (s.mode === 0) {
            type = 'noSuchEvent';
            role = roles[s.pick % roles.length]!;
          } else if (s.mode <= 3) {
            type = events[s.pick % events.length]!;
            role = roles[(s.pick >> 4) % roles.length]!;
          } else {
            // Mostly events that some role may send now, so that sequences reach deep states.
            // Naming a handler (an aside to the main path, open to three roles in most states) is picked one time in four.
            const aside = (e: string) => (e === 'assignHandler' || e === 'reassignHandler' || e === 'escalate') && s.seed % 4 !== 0;
            const allowed = events.flatMap((e) => (def.events[e]!.from.includes(snapshot.state) && !aside(e) ? def.events[e]!.roles.map((r: string) => [e, r] as const) : []));
            if (allowed.length === 0) break;
            [type, role] = allowed[s.pick % allowed.length]!;
          }
          const payload = h.payload(type, s.seed, snapshot);
          const event = payload === undefined ? { type, actor: { id: `u${s.seed % 5}`, role }, at: when } : { type, actor: { id: `u${s.seed % 5}`, role }, at: when, payload };
          // Inputs are deep-frozen: a transition that wrote to them would throw here.
          const result = transition(def, snapshot, event);
          if (result.ok) {
            accepted++;
            if (isFinal(def, snapshot.state)) check(reopeners.has(type), `${type} left the final state ${snapshot.state}`);
            // Every snapshot's own parts here; the history, which only grows, is checked whole
            // at the end (through loadSnapshot), which covers each of its prefixes.
            const parsed = partSchema.safeParse(result.snapshot);
            check(parsed.success, () => JSON.stringify(parsed.error?.issues));
            snapshot = deepFreeze(result.snapshot);
            reached.add(snapshot.state);
          } else {
            refused++;
            check(REFUSAL_CODES.includes(result.reason.code), result.reason.code);
            check(result.reason.message['zh-CN'].length > 0 && result.reason.message.en.length > 0, 'empty message');
            if (isFinal(def, snapshot.state) && !reopeners.has(type) && result.reason.code !== 'unknown_event') {
              check(result.reason.code === 'not_allowed_in_state', result.reason.code);
            }
            at -= s.minutes * 60_000;
          }
        }
        const json = JSON.stringify(snapshot);
        check(isDeepStrictEqual(replay(def, snapshot.history), snapshot), 'replay differs');
        // loadSnapshot validates the whole snapshot, history included, with snapshotSchema.
        check(isDeepStrictEqual(loadSnapshot(def, json), JSON.parse(json)), 'load differs');
      }),
      { numRuns: RUNS, seed: 20251009 },
    );
    // The sequences did explore the loop: every state reached, both outcomes common.
    expect([...reached].sort()).toEqual(Object.keys(def.states).filter((s) => s !== def.initial || reached.has(s)).sort());
    expect(accepted).toBeGreaterThan(RUNS);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });
});
