import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, summarizeEmergencyUnits } from '@bihuan/core';
import { exampleEmergencyUnits } from '@bihuan/core/examples';
import { expectPrototypeClean, HOSTILE_KEYS } from '../support/prototype.js';

describe('emergency-unit summary under hostile keys', () => {
  const { units } = exampleEmergencyUnits(4, 2);

  test.each(HOSTILE_KEYS)('a station named %s is its own row of byStation, and Object.prototype stays clean', (key) => {
    const hostile = units.map((u, i) => (i === 0 ? { ...u, station: key } : u));
    const { value } = expectPrototypeClean(() => summarizeEmergencyUnits(hostile));
    expect(Object.hasOwn(value!.byStation, key)).toBe(true);
    expect(value!.byStation[key]).toEqual({ units: 1, members: units[0]!.members.length });
    expect(Object.values(value!.byStation).reduce((n, s) => n + s.units, 0)).toBe(units.length);
  });

  test.each(HOSTILE_KEYS)('a unit of kind %s is refused by schema', (key) => {
    const { error } = expectPrototypeClean(() => summarizeEmergencyUnits([{ ...units[0]!, kind: key as never }]));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('units[0].kind');
  });

  test('a response without its outcome is refused by schema, not met by a TypeError', () => {
    expect(() => summarizeEmergencyUnits(units, [{} as never])).toThrow(InvalidArgumentError);
  });

  test('summarizeEmergencyUnits([{}]) is refused naming units[0], and a unit or response listed twice is refused, not counted twice', () => {
    expect(() => summarizeEmergencyUnits([{}] as never)).toThrow(InvalidArgumentError);
    expect(() => summarizeEmergencyUnits([{}] as never)).toThrow(/argument units\[0\]\.id/);
    expect(() => summarizeEmergencyUnits([units[0]!, units[1]!, units[0]!])).toThrow(/units\[2\]\.id .*twice/);
    const { responses } = exampleEmergencyUnits(4, 2);
    expect(() => summarizeEmergencyUnits(units, [responses[0]!, responses[0]!])).toThrow(/responses\[1\]\.id/);
    expect(summarizeEmergencyUnits(units, responses).units).toBe(units.length);
  });
});
