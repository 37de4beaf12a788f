import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import * as core from '@bihuan/core';
import * as ex from '@bihuan/core/examples';
import { article, InvalidArgumentError, issueText, parseArgument, transition, withArticle, type AnyLoopDefinition, type Snapshot } from '@bihuan/core';

// Words zod writes in its own messages: none may reach a Chinese reader.
const ZOD_WORDS = /\b(?:invalid|expected|received|too (?:small|big)|must|input|unrecognized|option|characters?|items?|element|string|number)\b/i;
// "a" before a vowel sound (a unit, a user, a one-off are fine).
const BAD_A = /\ba (?!uni(?!n)|use|usu|one\b|eu)[aeiou]/i;

// Every loop the library ships, with one of its example items (for data that its schema accepts).
function loopsWithItems(): [AnyLoopDefinition, Snapshot][] {
  const loops = (Object.values(core) as unknown[]).filter((v): v is AnyLoopDefinition => !!v && typeof v === 'object' && 'events' in v && 'states' in v && 'initial' in v && 'data' in v);
  const items: Snapshot[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 2) return;
    if ('loop' in v && 'history' in v) items.push(v as Snapshot);
    else for (const x of Array.isArray(v) ? v : Object.values(v)) collect(x, depth + 1);
  };
  collect(ex.exampleTaskOrders({ roster: ex.exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 }), month: '2025-10', now: '2025-10-20T12:00:00+08:00' }), 0);
  for (const make of Object.values(ex)) {
    if (typeof make !== 'function') continue;
    try {
      collect((make as () => unknown)(), 0);
    } catch {
      // Example makers that need arguments are skipped.
    }
  }
  return loops.flatMap((def) => {
    const item = items.find((s) => s.loop.id === def.id && s.loop.version === def.version);
    return item ? [[def, item] as [AnyLoopDefinition, Snapshot]] : [];
  });
}

// How messages quote a value (the kernel's `describe`).
const quote = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : Array.isArray(v) ? `array(${v.length})` : v === null || typeof v !== 'object' ? String(v) : typeof v);

const BAD_VALUES: unknown[] = [12345, 'abc', [], {}, 'x'.repeat(5000), -1, null, true, 2.5, ['', 7]];

describe('every message a user can read is in their language and well composed', () => {
  const loops = loopsWithItems();

  test('the sweep reaches the shipped loops', () => {
    expect(loops.map(([d]) => d.id)).toEqual(expect.arrayContaining(['dispute', 'task-order', 'reception-day']));
  });

  test('bad payloads to every event of every loop: Chinese in zh-CN, articles by sound, the real value quoted', () => {
    let refusals = 0;
    for (const [def, item] of loops) {
      for (const [type, spec] of Object.entries(def.events) as [string, AnyLoopDefinition['events'][string]][]) {
        const snapshot = { ...item, state: spec.from[0]!, history: item.history };
        const shape = spec.payload instanceof z.core.$ZodObject ? Object.keys((spec.payload as unknown as { shape: object }).shape) : [];
        const payloads: { payload: unknown; key?: string; value?: unknown }[] = [{ payload: {} }, { payload: 'text' }, { payload: { surplus: 1 } }];
        for (const key of shape) for (const value of BAD_VALUES) payloads.push({ payload: { [key]: value }, key, value });
        if (spec.payload === undefined) payloads.push({ payload: { any: 1 } });
        for (const { payload, key, value } of payloads) {
          for (const role of [spec.roles[0]!, 'nobody']) {
            const r = transition(def, snapshot as never, { type, actor: { id: 'u1', role }, at: '2100-01-01T00:00:00Z', payload } as never);
            if (r.ok) continue;
            refusals++;
            const { 'zh-CN': zh, en } = r.reason.message;
            const where = `${def.id}.${type} ${JSON.stringify(payload).slice(0, 60)} → ${r.reason.code}`;
            expect(zh, where).not.toMatch(ZOD_WORDS);
            expect(en, where).not.toMatch(BAD_A);
            expect(zh + en, where).not.toMatch(/received undefined|收到 undefined/);
            if (key !== undefined && r.reason.field === key && /received |, not /.test(en)) expect(en, where).toContain(quote(value));
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(500);
  });

  test('a wrong type is field_invalid naming the value, a missing field field_missing', () => {
    const [def, item] = loops.find(([d]) => d.id === 'dispute')!;
    const send = (payload: unknown) => transition(def, { ...item, state: 'received' } as never, { type: 'route', actor: { id: 'c', role: 'intakeClerk' }, at: '2100-01-01T00:00:00Z', payload } as never);
    const wrong = send({ departments: 'court', joint: false });
    expect(wrong.ok ? undefined : wrong.reason).toMatchObject({ code: 'field_invalid', field: 'departments' });
    expect(wrong.ok ? '' : wrong.reason.message['zh-CN']).toContain('应为列表，收到 "court"');
    expect(wrong.ok ? '' : wrong.reason.message.en).toContain('must be a list, not "court"');
    const missing = send({ joint: false });
    expect(missing.ok ? undefined : missing.reason).toMatchObject({ code: 'field_missing', field: 'departments' });
  });

  test('argument errors: the kernel’s words, and the value given (never "received undefined")', () => {
    const schema = z.object({ name: z.string().max(3), tags: z.array(z.string()).min(2), kind: z.enum(['a', 'b']) });
    const refusal = (value: unknown) => {
      try {
        parseArgument('fn', 'person', schema, value);
      } catch (e) {
        return e as InstanceType<typeof InvalidArgumentError>;
      }
      throw new Error('accepted');
    };
    const long = refusal({ name: 'abcdef', tags: ['x', 'y'], kind: 'a' });
    expect(long.text('zh-CN')).toBe('fn：参数 person.name 不符合要求：不能超过 3 个字符（收到 "abcdef"）');
    expect(long.text('en')).toBe('fn: argument person.name is not valid: must be at most 3 characters long (received "abcdef")');
    expect(refusal({ name: 'a', tags: ['x'], kind: 'a' }).text('zh-CN')).toContain('至少需要 2 项（收到 1 项的列表）');
    expect(refusal({ name: 'a', tags: ['x', 'y'], kind: 'c' }).text('zh-CN')).toContain('必须是以下之一："a"、"b"');
    for (const locale of ['zh-CN'] as const) expect(refusal({ name: 1, tags: [], kind: 'a' }).text(locale)).not.toMatch(ZOD_WORDS);
  });

  test('articles go by sound', () => {
    expect(['intake clerk', 'organizer', 'assessor', 'officer', 'unit', 'user', 'hour', 'SMS', 'ID', 'department', 'one-off', 'European'].map(withArticle)).toEqual([
      'an intake clerk', 'an organizer', 'an assessor', 'an officer', 'a unit', 'a user', 'an hour', 'an SMS', 'an ID', 'a department', 'a one-off', 'a European',
    ]);
    expect(article('8-hour shift')).toBe('an');
    expect(() => article(5 as never)).toThrow(InvalidArgumentError);
    expect(() => issueText(null as never)).toThrow(/argument issue/);
  });
});
