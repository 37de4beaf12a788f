import { describe, expect, it } from 'vitest';
import * as core from '@bihuan/core';
import * as ex from '@bihuan/core/examples';
import * as store from '@bihuan/core/store';
import { fuzzCalls } from './hostile.js';

const WATCHDOG_MS = 2000;

function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}

describe('core under hostile input', () => {
  it('answers every hostile call with a value or a BihuanError, quickly, without touching Object.prototype', async () => {
    const { functions, calls } = fuzzCalls(core as Record<string, unknown>, ex as Record<string, unknown>, new Set(Object.keys(store)));
    const clean = prototypeKeys();
    const untyped: string[] = [];
    const slow: string[] = [];
    const polluted: string[] = [];
    for (const call of calls) {
      const started = performance.now();
      try {
        const out = (core as Record<string, unknown>)[call.fn] as (...a: unknown[]) => unknown;
        const result = out(...call.args);
        if (result instanceof Promise) await result;
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
    console.info(`fuzz: ${functions.length} functions, ${calls.length} calls, ${untyped.length} untyped errors, ${slow.length} slow, ${polluted.length} polluting`);
    expect(polluted).toEqual([]);
    expect(slow).toEqual([]);
    expect(untyped).toEqual([]);
  });
});
