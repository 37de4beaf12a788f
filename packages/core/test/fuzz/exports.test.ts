import { describe, expect, it } from 'vitest';
import * as core from '@bihuan/core';
import * as ex from '@bihuan/core/examples';
import { fuzzCalls, storeMethods } from './hostile.js';

const WATCHDOG_MS = 2000;

function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}

// A call that has not settled when the watchdog fires counts as slow (a promise that never settles included).
const TIMED_OUT = Symbol('timed out');
function settled(value: unknown): Promise<unknown> {
  if (!(value instanceof Promise)) return Promise.resolve(value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([value, new Promise((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), WATCHDOG_MS)))]).finally(() => clearTimeout(timer));
}

describe('core under hostile input', () => {
  it('answers every hostile call with a value or a BihuanError, quickly, without touching Object.prototype', async () => {
    // Every exported function of core — the store's entry points and the helpers that write a
    // store included — and every method of a memory store (`store.put` …).
    const methods = storeMethods(core as Record<string, unknown>, ex as Record<string, unknown>);
    const namespace = { ...(core as Record<string, unknown>), ...methods.namespace };
    const { functions, calls } = fuzzCalls(namespace, ex as Record<string, unknown>, new Set(), methods.calls);
    const clean = prototypeKeys();
    const untyped: string[] = [];
    const slow: string[] = [];
    const polluted: string[] = [];
    for (const call of calls) {
      const started = performance.now();
      try {
        const out = namespace[call.fn] as (...a: unknown[]) => unknown;
        if ((await settled(out(...call.args))) === TIMED_OUT) slow.push(`${call.label}: never settled`);
      } catch (error) {
        if (!(error instanceof core.BihuanError)) untyped.push(`${call.label}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : typeof error}`);
      }
      const took = performance.now() - started;
      if (took > WATCHDOG_MS) slow.push(`${call.label}: ${Math.round(took)} ms`);
      if (prototypeKeys() !== clean) {
        polluted.push(call.label);
        for (const p of [Object.prototype, Array.prototype]) for (const k of ['polluted', 'assists', 'minutes', 'units', 'members']) delete (p as Record<string, unknown>)[k];
      }
    }
    const fns = new Set(untyped.map((u) => u.split(' ')[0]));
    console.info(`fuzz: ${functions.length} functions, ${calls.length} calls, ${untyped.length} untyped errors (${fns.size} functions), ${slow.length} slow, ${polluted.length} polluting`);
    expect(functions).toEqual(expect.arrayContaining(['applyLoopEvent', 'createMemoryStore', 'fingerprintOf', 'defineStore', 'schemaVersionOf', 'compareKeys', 'fileEventPermitIn', 'store.bulkPut', 'store.restore']));
    expect(polluted).toEqual([]);
    expect(slow).toEqual([]);
    expect(untyped).toEqual([]);
  });
});
