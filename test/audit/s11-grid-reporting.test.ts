// S11: reporting from the grid. Nine towns and sub-districts and 92 villages and communities
// report disputes to the centre online; the centre's ledger gives the figures the source prints
// (accepted 425, resolved 406, 95.53%), each town's part of them adds up to the whole, and the
// towns' own count (2,261 reported, 2,227 resolved) prints 98.5%. Then the out-of-rule variants.
import { describe, expect, test } from 'vitest';
import { acceptDispute, checkIntake, disputeLoop, queryLedger, summarizeLedger, type DisputeIntake, type DisputeItem } from '@bihuan/core/dispute';
import { transition, type LoopEvent } from '@bihuan/core/loop';
import { formatRate } from '@bihuan/core/rate';

const clerk = { id: 'clerk-li', role: 'intakeClerk', unit: 'zhenxing-centre' } as const;
const wang = { id: 'mediator-wang', role: 'mediator', unit: 'zhenxing-centre' } as const;

// 9 towns; 92 villages and communities among them (ten in each of the first two, ten or eleven after).
const TOWNS = ['站前街道', '帽盔山街道', '永昌街道', '临江街道', '纤维街道', '六道沟街道', '花园街道', '桃源街道', '汤池镇'];
const VILLAGES = TOWNS.map((town, t) => Array.from({ length: t < 2 ? 10 : t < 7 ? 10 : 11 }, (_, v) => `${town.slice(0, 2)}${v + 1}村`));

const report = (town: number, village: number, grid: string): DisputeIntake => ({
  title: '宅基地边界纠纷',
  category: 'neighbour',
  description: '两户因院墙位置发生争执，网格员上门了解后上报。',
  channel: 'grid',
  town: TOWNS[town]!,
  community: VILLAGES[town]![village % VILLAGES[town]!.length]!,
  parties: [
    { id: 'p1', side: 'applicant', name: '刘长顺' },
    { id: 'p2', side: 'respondent', name: '孙桂兰' },
  ],
  reportedBy: { id: grid, name: '网格员' },
});

function step(item: DisputeItem, event: LoopEvent): DisputeItem {
  const r = transition(disputeLoop, item, event as never);
  if (!r.ok) return expect.fail(`${event.type} refused: ${r.reason.code} ${r.reason.message.en}`);
  return r.snapshot;
}

/** A grid report from acceptance to settlement, within the week it came in. */
function settled(item: DisputeItem): DisputeItem {
  let d = step(item, { type: 'route', actor: clerk, at: '2025-11-03T11:00:00+08:00', payload: { departments: ['residentsCommittee'], joint: false } });
  d = step(d, { type: 'mediate', actor: wang, at: '2025-11-04T09:30:00+08:00', payload: { mode: 'atCentre', mediators: ['mediator-wang'] } });
  return step(d, { type: 'settle', actor: wang, at: '2025-11-05T16:00:00+08:00', payload: { terms: ['院墙按原址重砌'], consentedBy: ['p1', 'p2'], date: '2025-11-05' } });
}

describe('S11: the grid reports, and the centre counts them', () => {
  const ledger: DisputeItem[] = [];
  for (let n = 0; n < 425; n++) {
    const town = n % TOWNS.length;
    const item = acceptDispute({ id: `WG-2025-${String(n + 1).padStart(4, '0')}`, intake: report(town, Math.floor(n / TOWNS.length), `grid-${town}-${n % 7}`), actor: clerk, at: '2025-11-03T09:00:00+08:00' });
    ledger.push(n < 406 ? settled(item) : item);
  }

  test('92 villages in 9 towns report; the centre accepted 425 and resolved 406 (95.53%)', () => {
    expect(VILLAGES.flat()).toHaveLength(92);
    expect(summarizeLedger(ledger)).toMatchObject({ accepted: 425, resolved: 406, resolutionRate: '95.53%' });
    expect(summarizeLedger(queryLedger(ledger, { channel: 'grid' }))).toMatchObject({ accepted: 425, resolved: 406 });
  });

  test('each town’s part adds up to the whole: no report is counted twice or lost', () => {
    const parts = TOWNS.map((town) => summarizeLedger(queryLedger(ledger, { town })));
    expect(parts.reduce((sum, p) => sum + p.accepted, 0)).toBe(425);
    expect(parts.reduce((sum, p) => sum + p.resolved, 0)).toBe(406);
    for (const p of parts) expect(p.accepted).toBeGreaterThan(0);
  });

  test('the towns’ own count prints as the source does: 2,227 of 2,261 is 98.5%', () => {
    expect(formatRate(2227, 2261)).toBe('98.5%');
    expect(formatRate(406, 425)).toBe('95.53%');
  });

  test('a grid report names its grid worker; a walk-in names none', () => {
    const { reportedBy: _gridWorker, ...unnamed } = report(0, 0, 'grid-0-0');
    const missing = checkIntake(unnamed);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.message['zh-CN']).toContain('网格');
    expect(() => acceptDispute({ id: 'WG-X1', intake: unnamed, actor: clerk, at: '2025-11-03T09:00:00+08:00' })).toThrow(/intake/);
    const walkIn = { ...report(0, 0, 'grid-0-0'), channel: 'walkIn' as const };
    expect(checkIntake(walkIn).ok).toBe(false);
  });

  test('a report is accepted by the centre’s clerk, never by the grid worker who sent it', () => {
    const gridWorker = { id: 'grid-0-0', role: 'gridWorker' } as never;
    expect(() => acceptDispute({ id: 'WG-X2', intake: report(0, 0, 'grid-0-0'), actor: gridWorker, at: '2025-11-03T09:00:00+08:00' })).toThrow();
  });

  test('an unsettled report cannot be written off from the grid’s count; it stays on the ledger', () => {
    const open = ledger[420]!;
    const r = transition(disputeLoop, open, { type: 'writeOff', actor: { id: 'head-gao', role: 'supervisor' }, at: '2025-11-07T09:00:00+08:00' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.code).toBe('not_allowed_in_state');
    expect(summarizeLedger(ledger).accepted).toBe(425);
  });
});
