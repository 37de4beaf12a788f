import { describe, expect, test } from 'vitest';
import { dispatchMonth, transition, taskOrderLoop, validateFeedback, type TaskOrder } from '@bihuan/core';
import { catalog, cityRoster, officer } from './fixtures.js';

// The visits order asks for a place and at least two photos.
const visits = (): TaskOrder => dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders.find((o) => o.id === '2025-10:visits:wang')!;
const feedback = (o: TaskOrder, values: unknown) => transition(taskOrderLoop, o, { type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values } as unknown });

describe('duplicate evidence references do not satisfy a minimum count', () => {
  test('the same photo twice is refused as evidence_duplicate, naming the field; the order is unchanged', () => {
    const order = visits();
    const r = feedback(order, { place: '文化里 3 号楼', photos: ['a.jpg', 'a.jpg'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatchObject({ code: 'guard_failed', rule: 'evidence_duplicate', field: 'values.photos' });
    expect(r.reason.message['zh-CN']).toBe('“照片”中的“a.jpg”重复了：每份材料只算一次');
    expect(r.reason.message.en).toBe('"照片" lists "a.jpg" twice: each piece of evidence counts once');
    expect(order.state).toBe('dispatched');
    // Spaces around a reference do not make it another one.
    expect(feedback(order, { place: 'x', photos: ['a.jpg', ' a.jpg '] }).ok).toBe(false);
    expect(feedback(order, { place: 'x', photos: ['a.jpg', 'b.jpg'] }).ok).toBe(true);
  });

  test('forms get the same answer from validateFeedback', () => {
    const template = visits().data.template;
    const r = validateFeedback(template, { place: 'x', photos: ['p1', 'p2', 'p1'] });
    expect(r.ok ? undefined : r.reason.rule).toBe('evidence_duplicate');
  });
});
