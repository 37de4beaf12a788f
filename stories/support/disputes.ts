// Dispute data for the stories and the browser tests: the source's noise case, a walk through the
// loop, and a fast generator of large ledgers (snapshots built directly, not replayed one by one).
import {
  type DisputeEvent,
  type DisputeIntake,
  type DisputeItem,
  type DisputeRole,
  type DisputeStore,
  acceptDispute,
  chinaDate,
  createMemoryStore,
  disputeLoop,
  disputeStoreSpec,
  transition,
} from '@bihuan/core';

/** The moment the stories are looked at: 2025-11-20 10:00 China time. */
export const NOW = '2025-11-20T10:00:00+08:00';

export const ACTORS: Record<DisputeRole, { id: string; role: DisputeRole; unit?: string }> = {
  intakeClerk: { id: 'clerk-li', role: 'intakeClerk' },
  mediator: { id: 'mediator-wang', role: 'mediator' },
  departmentLiaison: { id: 'liaison-court', role: 'departmentLiaison', unit: 'court' },
  supervisor: { id: 'head-gao', role: 'supervisor' },
  system: { id: 'scheduler', role: 'system' },
};

/** The source's noise case: Mr Chen and the neighbour upstairs, Jinxiu community, Zhenxing district. */
export function noiseIntake(overrides: Partial<DisputeIntake> = {}): DisputeIntake {
  return {
    title: '邻里噪声纠纷',
    category: 'noise',
    description: '楼上住户夜间生活噪声，双方多次争执，僵持已久。',
    channel: 'walkIn',
    town: '站前街道',
    community: '锦绣社区',
    parties: [
      { id: 'p1', side: 'applicant', name: '陈建国', phone: '13812341234', idNumber: '210603198001011234', address: '辽宁省丹东市振兴区锦绣小区3号楼502' },
      { id: 'p2', side: 'respondent', name: '李秀英', phone: '13987654321', address: '辽宁省丹东市振兴区锦绣小区3号楼602' },
    ],
    reportedBy: null,
    ...overrides,
  };
}

const FIVE = ['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'];

/** A valid payload per event for the noise case. */
export const PAYLOADS: Partial<Record<DisputeEvent, unknown>> = {
  route: { departments: FIVE, joint: true, lead: 'judicialAdministration' },
  mediate: { mode: 'atCentre', mediators: ['mediator-wang', 'court-judge-zhao'] },
  settle: { terms: ['降低生活噪声', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-09-30' },
  recordFollowUp: { method: 'phone', agreementKept: true, satisfaction: 'satisfied' },
  withdraw: { reason: '双方自行和解' },
};

const ROLE_OF: Partial<Record<DisputeEvent, DisputeRole>> = {
  route: 'intakeClerk',
  mediate: 'mediator',
  settle: 'mediator',
  recordFollowUp: 'intakeClerk',
  writeOff: 'supervisor',
  withdraw: 'intakeClerk',
};

/**
 * Sends events one after another (an hour apart; a follow-up eight days after the settlement, to
 * see it kept), each with its usual role and payload — or, for an event given as `[type, payload]`,
 * with that payload. A settlement is dated the day it is recorded.
 */
export function walk(item: DisputeItem, events: readonly (DisputeEvent | readonly [DisputeEvent, unknown])[]): DisputeItem {
  let current = item;
  for (const step of events) {
    const [type, payload] = typeof step === 'string' ? [step, PAYLOADS[step]] : step;
    const at = new Date(Date.parse(current.updatedAt) + (type === 'recordFollowUp' ? 8 * 86_400_000 : 3_600_000)).toISOString();
    const actor = ACTORS[ROLE_OF[type] ?? 'supervisor'];
    const dated = type === 'settle' && typeof step === 'string' ? { ...(payload as object), date: chinaDate(Date.parse(at)) } : payload;
    const result = transition(disputeLoop, current, dated === undefined ? { type, actor, at } : { type, actor, at, payload: dated });
    if (!result.ok) throw new Error(`${type}: ${result.reason.message.en}`);
    current = result.snapshot;
  }
  return current;
}

/**
 * A long case: each of `rounds` follow-ups found the settlement broken and reopened mediation,
 * until the last one held — a timeline of dozens of entries.
 */
export function longCase(rounds: number): DisputeItem {
  const broken = { method: 'homeVisit', agreementKept: false, satisfaction: 'dissatisfied', findings: '楼上夜间仍有噪声' };
  let item = walk(accept('JF-20251110-0425', '2025-06-02T09:00:00+08:00'), ['route', 'mediate']);
  for (let round = 0; round < rounds; round++) item = walk(item, ['settle', ['recordFollowUp', broken]]);
  return walk(item, ['settle', 'recordFollowUp']);
}

export function accept(id: string, at: string, overrides: Partial<DisputeIntake> = {}): DisputeItem {
  return acceptDispute({ id, intake: noiseIntake(overrides), actor: ACTORS.intakeClerk, at });
}

/** A memory store holding these disputes (stories never touch the reader's IndexedDB). */
export function storeWith(items: readonly DisputeItem[]): DisputeStore {
  const store = createMemoryStore(disputeStoreSpec);
  if (items.length) void store.bulkPut('disputes', items as never);
  return store;
}

/** A typical ledger: a dozen disputes across the loop, some overdue at `NOW`. */
export function typicalDisputes(): DisputeItem[] {
  const stages: DisputeEvent[][] = [[], ['route'], ['route', 'mediate'], ['route', 'mediate', 'settle'], ['route', 'mediate', 'settle', 'recordFollowUp'], ['route', 'mediate', 'settle', 'recordFollowUp', 'writeOff'], ['withdraw']];
  const places: [string, string][] = [['站前街道', '锦绣社区'], ['临江街道', '江城社区'], ['帽盔山街道', '山城社区'], ['永昌街道', '永安社区']];
  const out: DisputeItem[] = [];
  for (let i = 0; i < 12; i++) {
    const [town, community] = places[i % places.length]!;
    const day = String(1 + i * 2).padStart(2, '0');
    const grid = i % 3 === 0;
    const item = accept(`JF-202511${day}-${String(i + 1).padStart(4, '0')}`, `2025-11-${day}T09:00:00+08:00`, {
      title: ['邻里噪声纠纷', '楼顶漏水维修纠纷', '物业维修费用纠纷', '宠物扰民纠纷'][i % 4]!,
      category: (['noise', 'leak', 'propertyRepair', 'neighbour'] as const)[i % 4],
      town,
      community,
      channel: grid ? 'grid' : 'walkIn',
      reportedBy: grid ? { id: `grid-${i}`, name: '赵网格' } : null,
    });
    out.push(walk(item, stages[i % stages.length]!));
  }
  return out;
}

const TOWNS = ['站前街道', '临江街道', '帽盔山街道', '永昌街道', '纤维街道', '西城街道', '花园街道', '头道桥街道', '江海街道'];
const SURNAMES = '陈李王张刘杨赵黄周吴徐孙马胡朱郭何罗高林';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海燕', '玉梅', '立新', '春华', '明', '静'];

/**
 * `n` disputes for large ledgers, built directly: a few real snapshots (one per stage, made by
 * the loop) copied with their own number, place, applicant and dates. 100,000 take a few tens of
 * milliseconds; nothing is replayed or validated per row.
 */
export function manyDisputes(n: number, now = NOW): DisputeItem[] {
  const base = accept('JF-TEMPLATE', '2025-07-01T09:00:00+08:00');
  const templates = [[], ['route'], ['route', 'mediate'], ['route', 'mediate', 'settle'], ['route', 'mediate', 'settle', 'recordFollowUp'], ['route', 'mediate', 'settle', 'recordFollowUp', 'writeOff']].map((events) =>
    walk(base, events as DisputeEvent[]),
  );
  const nowMs = Date.parse(now);
  const out = new Array<DisputeItem>(n);
  for (let i = 0; i < n; i++) {
    const t = templates[(i * 7) % templates.length]!;
    const town = TOWNS[i % TOWNS.length]!;
    const created = nowMs - ((i * 7919) % (120 * 86_400_000 / 60_000)) * 60_000;
    const createdAt = new Date(created).toISOString();
    const id = `JF-${String(i + 1).padStart(7, '0')}`;
    const grid = i % 4 === 0;
    const data = {
      ...t.data,
      town,
      community: `${town.slice(0, -2)}第${(i % 10) + 1}社区`,
      channel: grid ? ('grid' as const) : ('walkIn' as const),
      reportedBy: grid ? { id: `grid-${i % 92}`, name: '赵网格' } : null,
      parties: [{ ...t.data.parties[0]!, name: SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!, phone: `138${String(i).padStart(8, '0')}` }, t.data.parties[1]!],
    };
    const item: DisputeItem = {
      ...t,
      id,
      data,
      history: [{ ...t.history[0]!, payload: { id, data }, at: createdAt }, ...t.history.slice(1)],
      createdAt,
      updatedAt: t.history.length > 1 ? t.updatedAt : createdAt,
    };
    if (t.deadline !== undefined) (item as { deadline?: string }).deadline = new Date(created + ((i % 20) + 1) * 86_400_000).toISOString();
    out[i] = item;
  }
  return out;
}

let large: DisputeItem[] | undefined;
/** 100,000 disputes, made once per page (the a11y suite renders the Large stories too). */
export function largeLedger(): DisputeItem[] {
  return (large ??= manyDisputes(100_000));
}
