import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, LoopDefinitionError, acceptDispute, countLedgerBy, createDisputeLoop, disputeLoop, transition } from '@bihuan/core';
import { exampleDisputes } from '@bihuan/core/examples';
import { expectPrototypeClean, HOSTILE_KEYS } from '../support/prototype.js';

describe('disputes under hostile input', () => {
  const items = exampleDisputes(6);

  test.each(HOSTILE_KEYS)('a town named %s is an ordinary group of countLedgerBy', (key) => {
    const hostile = items.map((d, i) => (i < 2 ? { ...d, data: { ...d.data, town: key } } : d));
    const { value } = expectPrototypeClean(() => countLedgerBy(hostile, 'town'));
    expect(Object.hasOwn(value!, key)).toBe(true);
    expect(value![key]!.accepted).toBe(2);
    expect(Object.values(value!).reduce((n, s) => n + s.accepted, 0)).toBe(items.length);
  });

  test.each([1e21, Number.POSITIVE_INFINITY, 3651, 0.5])('a stage limit of %s working days is refused when the loop is made (no endless deadline walk)', (workingDays) => {
    expect(() => createDisputeLoop({ limits: { received: { workingDays } } })).toThrow(LoopDefinitionError);
  });

  test('the longest limit allowed (3,650 working days) still gives a deadline at once', () => {
    const loop = createDisputeLoop({ limits: { received: { workingDays: 3650 } } });
    const d = items[0]!;
    const created = acceptDispute({ id: 'long', intake: d.data as never, actor: d.history[0]!.actor as never, at: '2026-01-05T09:00:00+08:00' }, loop);
    expect(created.deadline! > '2039-').toBe(true);
  });

  test('a nested field of the wrong type (data.parties: 5) is refused by schema before any event', () => {
    const d = items.find((x) => x.state === 'received')!;
    const forged = { ...d, data: { ...d.data, parties: 5 } };
    let thrown: unknown;
    try {
      transition(disputeLoop, forged as never, { type: 'withdraw', actor: d.history[0]!.actor, at: '2026-01-05T09:00:00+08:00', payload: { reason: '当事人撤回' } } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect((thrown as InvalidArgumentError).argument).toBe('snapshot.data.parties');
  });
});
