import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkAgainstHistory, createItem, defineLoop, disputeLoop, recomputeDeadlines, transition, chinaCalendar } from '@bihuan/core';
import { createMark, isTrusted } from '../../src/loop/trusted.js';
import { accept, clerk, PAYLOADS } from '../dispute/fixtures.js';

describe("the engine's mark on the snapshots it made", () => {
  test('is on what transition returns, and on no copy of it', () => {
    const r = transition(disputeLoop, accept(), { type: 'route', actor: clerk, at: '2025-09-26T03:00:00.000Z', payload: PAYLOADS.route });
    if (!r.ok) throw new Error(r.reason.message.en);
    expect(isTrusted(r.snapshot)).toBe(true);
    expect(isTrusted({ ...r.snapshot })).toBe(false);
    expect(isTrusted(structuredClone(r.snapshot))).toBe(false);
    expect(isTrusted(JSON.parse(JSON.stringify(r.snapshot)))).toBe(false);
    // Invisible to the host: keys, JSON and equality see the plain snapshot.
    expect(Reflect.ownKeys(r.snapshot)).toEqual(Object.keys(r.snapshot));
    expect(JSON.parse(JSON.stringify(r.snapshot))).toStrictEqual({ ...r.snapshot });
    expect(Object.getPrototypeOf(r.snapshot)).toBe(Object.prototype);
  });

  test('each mark is its own; frozen objects carry one too; anything else answers no', () => {
    const a = createMark();
    const b = createMark();
    const open = a.add({});
    expect(a.has(open)).toBe(true);
    expect(b.has(open)).toBe(false);
    expect(a.add(open)).toBe(open); // marking twice is harmless
    const frozen = a.add(Object.freeze({ x: 1 }));
    expect(a.has(frozen)).toBe(true);
    expect(b.has(frozen)).toBe(false);
    for (const value of [undefined, null, 0, 'x', true, Symbol('s'), 1n]) expect(a.has(value as never)).toBe(false);
  });
});

describe('a snapshot the engine did not make', () => {
  // A data schema that trims and fills in a default: what the loop reads is the data as parsed.
  const counted = defineLoop({
    id: 'counted',
    version: 1,
    data: z.object({ title: z.string().trim(), count: z.int().min(0).default(0) }),
    initial: 'open',
    roles: { clerk: { label: { 'zh-CN': '登记员', en: 'clerk' } } },
    states: { open: { label: { 'zh-CN': '办理中', en: 'open' }, limit: { days: 3 } }, done: { label: { 'zh-CN': '已办结', en: 'done' }, final: true } },
    events: {
      tick: { label: { 'zh-CN': '计数', en: 'count' }, from: ['open'], to: 'open', roles: ['clerk'], apply: (d) => ({ ...d, count: d.count + 1 }) },
      close: { label: { 'zh-CN': '办结', en: 'close' }, from: ['open'], to: 'done', roles: ['clerk'], guard: (s) => s.data.count > 0 || { 'zh-CN': '未计数', en: 'nothing counted' } },
    },
  });
  const actor = { id: 'u1', role: 'clerk' } as const;
  const made = createItem(counted, { id: 'c1', data: { title: 'a', count: 0 }, actor, at: '2026-01-05T01:00:00.000Z' });
  // As a host might hand it back from its own storage: a plain copy, the defaulted field left out.
  const handMade = () => {
    const copy = JSON.parse(JSON.stringify(made)) as { -readonly [K in keyof typeof made]: (typeof made)[K] };
    copy.data = { title: '  a  ' } as never;
    return copy as typeof made;
  };

  test("reaches apply and the guards with its data as the schema parsed it, and the caller's object is left as it was", () => {
    const given = handMade();
    const r = transition(counted, given, { type: 'tick', actor, at: '2026-01-05T02:00:00.000Z' });
    if (!r.ok) throw new Error(r.reason.message.en);
    expect(r.snapshot.data).toEqual({ title: 'a', count: 1 });
    expect(given.data).toEqual({ title: '  a  ' });
    expect(isTrusted(given)).toBe(false);
    // The guard read the parsed count too: 0, so closing is refused with the rule's words, not a NaN comparison.
    const closed = transition(counted, handMade(), { type: 'close', actor, at: '2026-01-05T02:00:00.000Z' });
    expect(closed.ok).toBe(false);
  });

  test('whose data is already as its schema reads it is marked, and so checked once', () => {
    const given = JSON.parse(JSON.stringify(made)) as typeof made;
    expect(isTrusted(given)).toBe(false);
    expect(transition(counted, given, { type: 'tick', actor, at: '2026-01-05T02:00:00.000Z' }).ok).toBe(true);
    expect(isTrusted(given)).toBe(true);
  });

  test('is replayed and re-counted from its data as parsed', () => {
    expect(checkAgainstHistory(counted, handMade()).ok).toBe(true);
    const again = recomputeDeadlines(counted, handMade(), chinaCalendar);
    expect(again.deadline).toBe(made.deadline);
  });
});
