import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, TaskDataError, dispatchMonth, loadCatalog, reminders, taskOrderId } from '@bihuan/core';
import { catalog, cityRoster } from './fixtures.js';

describe('task helpers under hostile input', () => {
  const { orders } = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' });

  test.each([{ workingDays: 1e21 }, { workingDays: Number.POSITIVE_INFINITY }, { days: 3651 }, { hours: Number.POSITIVE_INFINITY }])('reminders refuses the span %o at once', (span) => {
    expect(() => reminders(orders, '2025-10-20T12:00:00+08:00', { before: [span as never], after: [] })).toThrow(/policy\.before\[0\]/);
    expect(() => reminders(orders, '2025-10-20T12:00:00+08:00', { before: [], after: [span as never] })).toThrow(InvalidArgumentError);
  });

  test.each([Number.POSITIVE_INFINITY, 1e21, -1e21])('reminders refuses now = %s', (now) => {
    expect(() => reminders(orders, now)).toThrow(/now/);
  });

  test('a 10 MB bad value is not copied into the refusal: the message quotes a few characters', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    let thrown: unknown;
    try {
      loadCatalog({ id: huge, [huge]: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TaskDataError);
    expect((thrown as TaskDataError).message.length).toBeLessThan(2000);
    for (const issue of (thrown as TaskDataError).issues) expect(issue.path.length + issue.message.length).toBeLessThan(400);
  });

  test('taskOrderId takes texts only', () => {
    expect(taskOrderId('2025-10', 't1', 'o1')).toBe('2025-10:t1:o1');
    expect(() => taskOrderId(Object.create(null), 't1', 'o1')).toThrow(/period/);
  });
});
