import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, logAssist, summarizeVolunteerLog } from '@bihuan/core';
import { exampleVolunteerLog } from '@bihuan/core/examples';
import { expectPrototypeClean, HOSTILE_KEYS } from '../support/prototype.js';

describe('volunteer log under hostile keys', () => {
  const { roster, assists } = exampleVolunteerLog(5, 12);

  test.each(HOSTILE_KEYS)('an assist of kind %s is refused and Object.prototype stays clean', (key) => {
    const hostile = { ...assists[0]!, kind: key };
    const { error } = expectPrototypeClean(() => summarizeVolunteerLog(roster, [...assists, hostile as never]));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(`assists[${assists.length}].kind`);
    expect(error!.message).toContain(`"${key}"`);
  });

  test.each(HOSTILE_KEYS)('a volunteer id %s is an ordinary key: counted for that volunteer only', (key) => {
    const member = { ...roster[0]!, id: key };
    const assist = { ...assists[0]!, id: 'a-hostile', volunteerId: key, minutes: 30 };
    const { value } = expectPrototypeClean(() => summarizeVolunteerLog([member], [assist]));
    expect(value!.byVolunteer).toEqual([expect.objectContaining({ id: key, assists: 1, minutes: 30 })]);
    expect(value!.byKind[assist.kind]).toEqual({ assists: 1, minutes: 30 });
  });

  test('a roster or log entry that is not a record is refused by schema, not met by a TypeError', () => {
    const input = { id: 'new', volunteerId: roster[0]!.id, kind: 'patrol', date: roster[0]!.joinedOn, minutes: 30 } as const;
    expect(() => logAssist(input, roster, [null as never])).toThrow(InvalidArgumentError);
    expect(() => logAssist(input, [null as never])).toThrow(InvalidArgumentError);
    expect(() => summarizeVolunteerLog(roster, [{ ...assists[0]!, minutes: 1e21 }])).toThrow(/assists\[0\]\.minutes/);
  });

  test('a member or an assist listed twice is refused by the summary and by logAssist, not counted twice', () => {
    expect(() => summarizeVolunteerLog([...roster, roster[0]!], assists)).toThrow(/roster\[5\]\.id .*twice/);
    expect(() => summarizeVolunteerLog(roster, [...assists, assists[3]!])).toThrow(/assists\[12\]\.id/);
    expect(() => logAssist({ ...assists[0]!, id: 'new' }, [...roster, roster[1]!], assists)).toThrow(InvalidArgumentError);
    expect(summarizeVolunteerLog(roster, assists).assists).toBe(12);
  });
});

