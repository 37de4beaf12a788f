import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as z from '../../src/schema/zod.js';
import { instant } from '../../src/schema/fields.js';
import { checkEvent } from '../../src/loop/event.js';
import { MalformedEventError } from '../../src/loop/errors.js';

// The engine checks an event's envelope (type, actor, time, note, attachments) by hand on every
// transition instead of through zod. The hand-written check must accept exactly what this zod
// schema of the same envelope accepts, and give the instant's time when it does.
const envelope = z.object({
  type: z.string().check(z.minLength(1)),
  actor: z.object({ id: z.string().check(z.minLength(1)), role: z.string().check(z.minLength(1)) }),
  at: instant,
  note: z.optional(z.string()),
  attachments: z.optional(z.array(z.string().check(z.minLength(1)))),
});

function handChecked(event: unknown): number | 'malformed' {
  try {
    return checkEvent('transition', event);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedEventError);
    return 'malformed';
  }
}

const text = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 }), fc.constant(' '));
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), text);
const time = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2025-10-09T17:30+08:00', '2025-10-09T09:30:00Z', '2025-10-09T09:30:00.5-05:00', '2025-10-09T09:30:00', '2025-02-30T00:00:00Z', '2025-10-09', '2025-10-09T24:00:00Z', ''),
  junk,
);
const actor = fc.oneof(fc.record({ id: fc.oneof(text, junk), role: fc.oneof(text, junk) }), junk);
const attachments = fc.oneof(fc.array(fc.oneof(text, junk), { maxLength: 3 }), junk);
const event = fc.oneof(
  fc.record(
    { type: fc.oneof(text, junk), actor, at: time, note: fc.oneof(text, junk), attachments, payload: junk },
    { requiredKeys: ['type', 'actor', 'at'] },
  ),
  junk,
);

describe('the event envelope', () => {
  test('the hand-written check accepts exactly what the zod envelope schema accepts', () => {
    fc.assert(
      fc.property(event, (e) => {
        const zod = envelope.safeParse(e);
        const hand = handChecked(e);
        expect(hand === 'malformed').toBe(!zod.success);
        if (zod.success) expect(hand).toBe(Date.parse(zod.data.at));
      }),
      { numRuns: 2_000 },
    );
  });
});
