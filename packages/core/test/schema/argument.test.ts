import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, argumentError, argumentPath, checkArray, fields, parseArgument } from '@bihuan/core';
import * as z from 'zod';

describe('the kernel argument check', () => {
  test('a length refusal quotes the value given, also inside a record (never "received undefined")', () => {
    expect(() => parseArgument('f', 'name', fields.textOf(3), 'abcdef')).toThrow('(received "abcdef")');
    const schema = z.object({ unit: z.object({ name: fields.textOf(3) }) });
    let thrown: unknown;
    try {
      parseArgument('f', 'input', schema, { unit: { name: 'abcdef' } });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as InvalidArgumentError).argument).toBe('input.unit.name');
    expect((thrown as InvalidArgumentError).received).toBe('abcdef');
    expect((thrown as InvalidArgumentError).message).not.toContain('received undefined');
  });

  test('a 10 MB value is quoted by 40 characters, a 10 MB key by 60', () => {
    const huge = 'y'.repeat(10 * 1024 * 1024);
    let thrown: unknown;
    try {
      parseArgument('f', 'input', z.object({ a: z.string() }).strict(), { a: huge, [huge]: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect((thrown as InvalidArgumentError).message.length).toBeLessThan(600);
  });

  test('the helpers refuse what is not theirs with InvalidArgumentError', () => {
    expect(() => parseArgument('f', 'a', {} as never, 1)).toThrow(InvalidArgumentError);
    expect(() => argumentError('f', 'a', new Error('x') as never, 1)).toThrow(InvalidArgumentError);
    expect(() => argumentPath('a', 'not a path' as never)).toThrow(InvalidArgumentError);
    expect(() => checkArray(Object.create(null), Symbol('x') as never, 1)).toThrow(InvalidArgumentError);
  });

  test('bounded vocabulary: counts, limits, years, dates', () => {
    expect(fields.count.safeParse(1e21).success).toBe(false);
    expect(fields.timeLimit.safeParse({ workingDays: 3650 }).success).toBe(true);
    expect(fields.timeLimit.safeParse({ workingDays: 3651 }).success).toBe(false);
    expect(fields.timeLimit.safeParse({ workingDays: 1, hours: 2 }).success).toBe(false);
    expect(fields.calendarDate.safeParse('2026-02-28').success).toBe(true);
    expect(fields.calendarDate.safeParse('2026-02-30').success).toBe(false);
    expect(fields.calendarDate.safeParse('1899-12-31').success).toBe(false);
    expect(fields.instant.safeParse('2201-01-01T00:00:00Z').success).toBe(false);
    expect(fields.instant.safeParse('2026-02-30T10:00:00Z').success).toBe(false);
  });
});
