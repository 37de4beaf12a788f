import { describe, expect, test } from 'vitest';
import { disputeLoop, transition } from '@bihuan/core';
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
