// Refusals name a party the way an officer knows them — their side and their name, masked — never
// by the record's party id ("p2"): whoever pressed the button reads the message, and an id means
// nothing to them (nor may they all see a name in clear).
import { describe, expect, test } from 'vitest';
import { disputeLoop, transition, type DisputeItem, type Refusal } from '@bihuan/core';
import { accept, clerk, mediator, PAYLOADS, send } from './fixtures.js';

const ACCEPTED_AT = '2025-11-03T09:00:00+08:00';
const mediating = (): DisputeItem => {
  const routed = send(accept('D-1', ACCEPTED_AT), 'route', clerk, PAYLOADS.route, '2025-11-03T10:00:00+08:00');
  return send(routed, 'mediate', mediator, { mode: 'atCentre', mediators: ['mediator-wang', 'liaison-court'] }, '2025-11-04T09:30:00+08:00');
};

function settleRefused(consentedBy: string[]): Refusal {
  const item = mediating();
  const before = structuredClone(item);
  const r = transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-11-04T15:00:00+08:00', payload: { terms: ['降低生活噪声'], consentedBy, date: '2025-11-04' } } as never);
  expect(item).toEqual(before);
  if (r.ok) return expect.fail(`settle with ${consentedBy.join(',')} was accepted`);
  return r.reason;
}

/** An id shaped like the example data's party ids (p1, p2 …), as a word. */
const PARTY_ID = /\bp\d+\b/;

describe('refusals name parties, not party ids', () => {
  const item = mediating();
  const ids = item.data.parties.map((p) => p.id);

  test.each([
    [['p1'], 'all_parties_consent', '被申请人李**', 'the respondent 李**'],
    [['p2'], 'all_parties_consent', '申请人陈**', 'the applicant 陈**'],
    [['p1', 'p2', 'p9'], 'consent_by_party', '第 3 位', 'the 3rd person'],
  ] as const)('consent %j: %s names the party by side and masked name', (consentedBy, rule, zh, en) => {
    const r = settleRefused([...consentedBy]);
    expect(r).toMatchObject({ code: 'guard_failed', rule, field: 'consentedBy' });
    expect(r.message['zh-CN']).toContain(zh);
    expect(r.message.en).toContain(en);
    for (const text of [r.message['zh-CN'], r.message.en]) {
      expect(text).not.toMatch(PARTY_ID);
      for (const id of ids) expect(text.split(/[\s，。；：,.;:]/)).not.toContain(id);
      // A name is shown masked: the full names of the fixture's parties never appear.
      for (const p of item.data.parties) expect(text).not.toContain(p.name);
    }
  });
});
