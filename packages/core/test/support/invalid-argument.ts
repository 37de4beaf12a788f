import { expect } from 'vitest';
import { InvalidArgumentError } from '@bihuan/core';

/** Expects `fn` to throw an `InvalidArgumentError` naming `argument`, with a Chinese text. */
export function expectInvalidArgument(fn: () => unknown, argument: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidArgumentError);
  expect((thrown as InvalidArgumentError).argument).toBe(argument);
  expect((thrown as InvalidArgumentError).text('zh-CN')).toContain('参数');
}
