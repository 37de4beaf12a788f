import { expect } from 'vitest';
import { BihuanError } from '@bihuan/core';

/** The keys polluters aim at: a caller's record keys that must never reach a prototype. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function prototypeKeys(): string {
  return [Object.prototype, Array.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}

/**
 * Runs `fn` and expects `Object.prototype` (and `Array.prototype`) to be as before, and `fn` to
 * return or to throw a `BihuanError` (never a TypeError). Returns what it returned or threw.
 */
export function expectPrototypeClean<T>(fn: () => T): { value?: T; error?: BihuanError } {
  const before = prototypeKeys();
  let out: { value?: T; error?: BihuanError };
  try {
    out = { value: fn() };
  } catch (error) {
    expect(error).toBeInstanceOf(BihuanError);
    out = { error: error as BihuanError };
  }
  expect(prototypeKeys()).toBe(before);
  expect(({} as Record<string, unknown>).assists).toBeUndefined();
  expect(({} as Record<string, unknown>).units).toBeUndefined();
  return out;
}
