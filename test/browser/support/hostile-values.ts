// Hostile values for a widget's public properties and attributes: wrong types, huge values,
// malformed records, prototype keys, injection strings and stores that fail in every way.
// Each value is made fresh per case (a Proxy or a store must not be shared between cases).
import { createMemoryStore, disputeStoreSpec } from '@bihuan/core';

declare global {
  interface Window {
    __xss?: string[];
  }
}

/** A value to set, with a label that names it in failure messages. */
export interface HostileValue {
  label: string;
  make: () => unknown;
}

/** Script-injection payloads: if any of them runs, `window.__xss` gets an entry. */
export const INJECTIONS = [
  '<img src=x onerror="(window.__xss??=[]).push(1)">',
  '"><svg onload="(window.__xss??=[]).push(2)">',
  "'><script>(window.__xss??=[]).push(3)</script>",
  'javascript:(window.__xss??=[]).push(4)',
];

const MEGABYTE = 'x'.repeat(1 << 20);
/** 1 MB of text shaped like a town name list (what once froze the page for 88 s). */
const MEGA_TOWNS = '站前街道,'.repeat((1 << 20) / 5);

function throwingProxy(): unknown {
  const trap = (): never => {
    throw new TypeError('Cannot read properties of undefined (reading "hostile")');
  };
  return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap, set: trap, apply: trap });
}

/** A real store whose every method rejects (or, for `subscribe`, returns a rejection instead of an unsubscribe). */
function rejectingStore(): unknown {
  const real = createMemoryStore(disputeStoreSpec);
  return new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return () => Promise.reject(new TypeError('store.get is not a function'));
    },
  });
}

/** A store whose methods throw synchronously. */
function throwingMethodsStore(): unknown {
  const real = createMemoryStore(disputeStoreSpec);
  return new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return () => {
        throw new RangeError('Maximum call stack size exceeded');
      };
    },
  });
}

/** A record with every field wrong: bad deadline, bad state, prototype keys, injection text. */
function malformedRecord(i = 0): unknown {
  return JSON.parse(
    `{"id":${JSON.stringify(`${INJECTIONS[i % INJECTIONS.length]}-${i}`)},"state":"lost","deadline":"2026-02-30T25:61:00Z","dueAt":"not a date",` +
      `"data":{"parties":5,"title":{"__proto__":{"polluted":true}}},"history":"none","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
  );
}

/** Makes a big value once and hands the same one out (they are never written to). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Values every public property is tried with. */
export const GENERIC_VALUES: HostileValue[] = [
  { label: 'undefined', make: () => undefined },
  { label: 'null', make: () => null },
  { label: '0', make: () => 0 },
  { label: '-1', make: () => -1 },
  { label: 'NaN', make: () => Number.NaN },
  { label: 'Infinity', make: () => Number.POSITIVE_INFINITY },
  { label: '1e21', make: () => 1e21 },
  { label: 'true', make: () => true },
  { label: 'empty string', make: () => '' },
  ...INJECTIONS.map((s, i) => ({ label: `injection ${i + 1}`, make: () => s })),
  { label: '1 MB string', make: () => MEGABYTE },
  { label: '1 MB town list string', make: () => MEGA_TOWNS },
  { label: 'symbol', make: () => Symbol('hostile') },
  { label: 'bigint', make: () => 10n ** 30n },
  { label: 'invalid Date', make: () => new Date(Number.NaN) },
  { label: 'function that throws', make: () => () => { throw new TypeError('x is not a function'); } },
  { label: 'empty array', make: () => [] },
  { label: 'array of strings', make: () => ['a', 'b'] },
  { label: '100k-element array of numbers', make: once(() => Array.from({ length: 100_000 }, (_, i) => i)) },
  { label: '100k-element array of malformed records', make: once(() => Array.from({ length: 100_000 }, (_, i) => malformedRecord(i))) },
  { label: 'array of null', make: () => [null, undefined, 5] },
  { label: 'array of malformed records', make: () => [malformedRecord(0), malformedRecord(1)] },
  { label: 'empty object', make: () => ({}) },
  { label: 'malformed record', make: () => malformedRecord() },
  { label: 'object with __proto__ key', make: () => JSON.parse('{"__proto__":{"polluted":true},"x":1}') },
  { label: 'object with 100k keys', make: once(() => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`站${i}`, [`社区${i}`]]))) },
  { label: 'object with wrong-typed fields', make: () => ({ title: 5, parties: 5, channel: [], town: {}, achievements: [], kinds: 7, remindDays: 'x' }) },
  { label: 'null-prototype object', make: () => Object.create(null) },
  { label: 'proxy that throws', make: throwingProxy },
  { label: 'a store whose methods reject', make: rejectingStore },
  { label: 'a store whose methods throw', make: throwingMethodsStore },
  { label: 'frozen Map', make: () => Object.freeze(new Map([['a', 1]])) },
];

/** The values tried again under `lang="en"`: one of each kind that a widget must refuse in words. */
export const ENGLISH_VALUES: HostileValue[] = GENERIC_VALUES.filter((v) =>
  ['null', 'NaN', 'injection 1', '1 MB string', 'symbol', '100k-element array of malformed records', 'malformed record', 'object with __proto__ key', 'proxy that throws', 'a store whose methods reject'].includes(v.label),
);

/** Values every attribute is tried with (attributes are always strings). */
export const ATTRIBUTE_VALUES: HostileValue[] = [
  { label: 'empty', make: () => '' },
  ...INJECTIONS.map((s, i) => ({ label: `injection ${i + 1}`, make: () => s })),
  { label: '1 MB', make: () => MEGABYTE },
  { label: 'NaN', make: () => 'NaN' },
  { label: '-1', make: () => '-1' },
  { label: '1e21', make: () => '1e21' },
  { label: 'Infinity', make: () => 'Infinity' },
  { label: '__proto__', make: () => '__proto__' },
  { label: 'constructor', make: () => 'constructor' },
  { label: 'impossible date', make: () => '2026-02-30' },
  { label: 'null', make: () => 'null' },
  { label: 'JSON', make: () => '{"a":1}' },
];

/** Raw JavaScript error text that must never reach a clerk's screen. */
export const RAW_ERROR_TEXT =
  /TypeError|RangeError|SyntaxError|ReferenceError|DOMException|is not a function|is not iterable|is not defined|Cannot read propert|Cannot set propert|Cannot convert|Maximum call stack|\[object |undefined \(reading|Unexpected token|Invalid time value|Invalid Date|store\.get/;
