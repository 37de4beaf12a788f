// The one-week test (issue 17, "Must show"): one working week at the county's comprehensive-
// governance centre, on the real loops and a real store. Twenty disputes come in from walk-ins and
// grid reports; the clerk's search finds one of them to be a second report of a case already open,
// and it is merged; one is declined (already in litigation); two left unrouted are escalated by
// rule; three agreements are settled, printed to PDF and read back; and the week's ledger, asked
// by period, reproduces the figures this test kept itself — and still does after the next week's
// work, because a period's ledger is the ledger as it stood at the period's end.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright';
import { launchChromium } from '../node/support/chromium.js';
import { plain, printAgreements } from './print-agreements.js';
import {
  acceptDispute,
  applyDisputeEvent,
  countLedgerByArea,
  createDisputeSearch,
  disputeLoop,
  formatRate,
  createMemoryStore,
  disputeStoreSpec,
  ESCALATION_CHAINS,
  escalationLevelOf,
  escalationsDueAt,
  escalationsOf,
  handledBy,
  ledgerOfPeriod,
  notifyStep,
  parsePeriod,
  periodOf,
  recipientKey,
  periodsBetween,
  summarizeLedger,
  summarizeLedgerPeriod,
  watchDueNotices,
  type DisputeItem,
  type DisputeIntake,
  type DisputeState,
  type DisputeStore,
  type LoopEvent,
  type Notice,
} from '@bihuan/core';
import { exampleAreaTree } from '@bihuan/core/examples';
import { addAttachment, attachmentStoreSpec, type AttachmentStore } from '@bihuan/core/attachment';

// --- The centre's people (examples) -------------------------------------------------------------
const clerk = { id: 'clerk-wu', role: 'intakeClerk', name: '吴晓梅' } as const;
const supervisor = { id: 'head-gao', role: 'supervisor', name: '高振东' } as const;
const mediators = {
  zhao: { id: 'mediator-zhao', role: 'mediator', name: '赵桂芝' },
  qian: { id: 'mediator-qian', role: 'mediator', name: '钱立群' },
} as const;

// The week: Monday 2026-11-23 to Sunday 2026-11-29 (no holiday in it).
const on = (day: number, time: string) => `2026-11-${String(23 + day).padStart(2, '0')}T${time}:00+08:00`;
const MON = 0, TUE = 1, WED = 2, THU = 3, FRI = 4;

const tree = exampleAreaTree();
const place = (t: number, v: number) => ({ town: tree.towns[t]!.name, community: tree.towns[t]!.villages[v]!.name });

interface Arrival {
  readonly id: string;
  readonly day: number;
  readonly time: string;
  readonly intake: DisputeIntake;
}
let n = 0;
function arrival(day: number, time: string, category: DisputeIntake['category'], title: string, where: { town: string; community: string }, applicant: [string, string], respondent: string, grid?: [string, string]): Arrival {
  n++;
  return {
    id: `D-W48-${String(n).padStart(2, '0')}`,
    day,
    time,
    intake: {
      title,
      category,
      description: `${title}，双方多次协商未果，申请调解。`,
      channel: grid ? 'grid' : 'walkIn',
      ...where,
      parties: [
        { id: 'p1', side: 'applicant', name: applicant[0], phone: applicant[1] },
        { id: 'p2', side: 'respondent', name: respondent },
      ],
      reportedBy: grid ? { id: grid[0], name: grid[1] } : null,
    },
  };
}

// Twenty arrivals, four a working day: twelve walk-ins, eight grid reports.
const ARRIVALS: readonly Arrival[] = [
  arrival(MON, '09:10', 'neighbour', '宅基地院墙边界纠纷', place(0, 1), ['王秀兰', '13512340001'], '李德明'),
  arrival(MON, '09:40', 'leak', '楼上卫生间漏水致楼下受损', place(1, 0), ['陈志刚', '13898760002'], '刘海燕'),
  arrival(MON, '10:30', 'noise', '广场舞音响噪音扰民', place(2, 2), ['张淑芬', '13712340003'], '小区广场舞队', ['grid-0301', '孙建军']),
  arrival(MON, '14:20', 'labour', '装修工人工资拖欠', place(3, 1), ['马国强', '15012340004'], '某装饰公司', ['grid-0402', '何丽娟']),
  arrival(TUE, '09:05', 'family', '老人赡养费用分担', place(4, 3), ['赵玉珍', '13612340005'], '赵建华'),
  arrival(TUE, '10:15', 'propertyRepair', '老旧电梯维修费用分摊', place(0, 4), ['周文斌', '18612340006'], '某物业公司'),
  arrival(TUE, '11:00', 'consumer', '健身卡停业退费', place(5, 0), ['吴晓燕', '18712340007'], '某健身会所', ['grid-0601', '郑海涛']),
  arrival(TUE, '15:30', 'landAndHousing', '房屋租赁押金退还', place(6, 2), ['黄春生', '13912340008'], '杨红梅', ['grid-0703', '林振华']),
  arrival(WED, '09:20', 'neighbour', '楼道堆放杂物影响通行', place(1, 3), ['孙丽娟', '13512340009'], '钱永红'),
  // The same leak as Monday's second case, from the same caller: the clerk's search finds it.
  arrival(WED, '10:05', 'leak', '楼下天花板又被泡了', place(1, 0), ['陈志刚', '13898760002'], '刘海燕'),
  arrival(WED, '11:40', 'publicService', '小区停车位分配争执', place(7, 1), ['朱宝山', '15812340011'], '小区业委会', ['grid-0802', '高翠花']),
  arrival(WED, '16:10', 'other', '宠物咬伤医药费分担', place(2, 5), ['胡冬梅', '15912340012'], '罗跃进'),
  arrival(THU, '09:00', 'labour', '工伤赔偿金额分歧', place(8, 2), ['郭长江', '13712340013'], '某建材厂'),
  arrival(THU, '09:50', 'neighbour', '共用通道搭建棚子', place(8, 6), ['徐守信', '13612340014'], '梁福来', ['grid-0907', '宋兰芳']),
  // Already before the court: declined, with the court named.
  arrival(THU, '10:40', 'landAndHousing', '二手房过户费用分担', place(0, 2), ['韩家豪', '18812340015'], '唐晨阳'),
  arrival(THU, '15:00', 'medical', '诊疗费用异议', place(4, 1), ['冯若曦', '18912340016'], '某卫生院'),
  arrival(FRI, '09:15', 'noise', '夜间装修噪音', place(3, 4), ['于明辉', '13512340017'], '董一鸣'),
  arrival(FRI, '10:00', 'family', '遗产房屋分割', place(5, 3), ['萧凤英', '13812340018'], '萧立新', ['grid-0604', '程广发']),
  arrival(FRI, '11:30', 'consumer', '新购家电质量问题', place(6, 0), ['曹淑华', '15012340019'], '某电器商行'),
  arrival(FRI, '14:45', 'leak', '暖气管道漏水浸泡地板', place(7, 3), ['袁秀云', '15112340020'], '邓子轩', ['grid-0804', '许佳怡']),
];
const id = (k: number) => ARRIVALS[k - 1]!.id;

describe('one week at the centre', () => {
  let store: DisputeStore;
  /** The centre's files: each settlement needs its agreement's signed scan here first. */
  const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
  const notices: Notice[] = [];
  /** What this test did, kept by the test itself: the state each dispute was last sent to, and the ones it settled. */
  const kept = new Map<string, DisputeState>();
  const settledByTest = new Set<string>();
  const all = async () => (await store.all('disputes')).items as DisputeItem[];
  const send = async (disputeId: string, event: LoopEvent) => {
    const r = await applyDisputeEvent(store, disputeId, event, undefined, { onNotice: (x: Notice) => void notices.push(x), attachments: files });
    if (!r.ok) throw new Error(`${disputeId} ${event.type}: ${JSON.stringify(r.reason)}`);
    kept.set(disputeId, r.snapshot.state);
    return r.snapshot;
  };
  /** The parties signed: the mediator attaches the agreement's scan (`调解协议书-<id>`) before recording the settlement. */
  const sign = async (disputeId: string, by: { id: string; role: string }, at: string) => {
    const r = await addAttachment(files, { id: `调解协议书-${disputeId}`, item: { kind: 'dispute', id: disputeId }, type: 'agreementScan', name: `调解协议书-${disputeId}.pdf`, addedBy: { id: by.id, role: by.role }, addedAt: at }, new Blob([`signed ${disputeId}`], { type: 'application/pdf' }));
    if (!r.ok) throw new Error(`${disputeId} scan: ${JSON.stringify(r.reason)}`);
  };
  const accept = async (a: Arrival) => {
    const item = acceptDispute({ id: a.id, intake: a.intake, actor: clerk, at: on(a.day, a.time) });
    await store.put('disputes', item);
    kept.set(a.id, item.state);
    await notifyStep(null, item, undefined, (x) => void notices.push(x));
    return item;
  };
  const route = (k: number, day: number, time: string, departments: string[]) => send(id(k), { type: 'route', actor: clerk, at: on(day, time), payload: { departments } });

  beforeAll(() => {
    store = createMemoryStore(disputeStoreSpec) as DisputeStore;
  });

  test('Monday and Tuesday: eight disputes accepted and, but for two, routed the same day', async () => {
    for (const a of ARRIVALS.filter((x) => x.day <= TUE)) await accept(a);
    await route(1, MON, '11:00', ['judicialAdministration']);
    await route(2, MON, '11:05', ['housing']);
    await route(3, MON, '11:30', ['urbanManagement', 'residentsCommittee']);
    await route(4, MON, '15:00', ['humanResources']);
    // D-W48-05 and 06 wait on the desk: nobody routes them.
    await route(7, TUE, '14:00', ['marketRegulation']);
    await route(8, TUE, '16:00', ['housing']);
    // Mediation starts on Tuesday for Monday's cases; the centre names a handler (承办人) for each.
    for (const [k, m, unit] of [[1, mediators.zhao, 'judicialAdministration'], [2, mediators.qian, 'housing'], [3, mediators.zhao, 'urbanManagement']] as const) {
      await send(id(k), { type: 'mediate', actor: m, at: on(TUE, '09:30'), payload: { mode: 'atCentre', mediators: [m.id] } });
      await send(id(k), { type: 'assignHandler', actor: supervisor, at: on(TUE, '09:45'), payload: { handler: m.id, name: m.name, unit } });
    }
    const items = await all();
    expect(items).toHaveLength(8);
    // 我的案件: each mediator sees exactly the cases they handle.
    expect(handledBy(items, mediators.zhao.id).map((d) => d.id)).toEqual([id(1), id(3)]);
    expect(handledBy(items, mediators.qian.id).map((d) => d.id)).toEqual([id(2)]);
    // Every applicant heard that their case was accepted, at their own phone.
    expect(notices.filter((x) => x.key === 'dispute.accepted')).toHaveLength(8);
    expect(notices.filter((x) => x.key === 'dispute.routed').map((x) => x.itemId)).toEqual([id(1), id(2), id(3), id(3), id(4), id(7), id(8)]);
  });

  test('Wednesday: a search before accepting finds Monday’s leak from the same caller, and the second report is merged into it', async () => {
    let foundBySearch: string | undefined;
    for (const a of ARRIVALS.filter((x) => x.day === WED)) {
      if (a.id !== id(10)) {
        await accept(a);
        continue;
      }
      // Before accepting: who is this? The clerk (who may see personal data) looks the caller up.
      const ledger = createDisputeSearch(await all());
      const byPhone = ledger.search('13898760002', { viewer: { role: 'intakeClerk' } });
      expect(byPhone.map((h) => h.id)).toEqual([id(2)]);
      const duplicates = ledger.possibleDuplicates({ town: a.intake.town, community: a.intake.community, parties: a.intake.parties }, { at: on(WED, a.time), viewer: { role: 'intakeClerk' } });
      // One candidate, and only one: the same caller's open leak case (the other seven cases of the week share no phone, ID, address or name in the village).
      expect(duplicates.map((d) => d.id)).toEqual([id(2)]);
      expect(duplicates[0]).toMatchObject({ state: 'mediating' });
      expect(duplicates[0]!.matched).toContain('phone');
      foundBySearch = duplicates[0]!.id;
      // A viewer without the right to personal data finds it by the full number too, but sees it masked.
      const masked = ledger.search('13898760002', { viewer: { role: 'departmentLiaison' } });
      expect(masked[0]!.masked).toBe(true);
      expect(masked[0]!.parties[0]!.phone).not.toBe('13898760002');
      // Accepted (every report counts), then merged into the open case the search found.
      await accept(a);
    }
    // Monday's wage case goes into mediation (by a human-resources mediator on the centre's panel).
    await send(id(4), { type: 'mediate', actor: mediators.qian, at: on(WED, '09:00'), payload: { mode: 'atCentre', mediators: [mediators.qian.id] } });
    await route(9, WED, '10:00', ['residentsCommittee']);
    await route(11, WED, '14:00', ['urbanManagement']);
    await route(12, WED, '16:30', ['publicSecurity']);
    // D-W48-02 is in mediation: a merge goes from the new report into it.
    // The merge goes into the case the search found, not one this test names.
    expect(foundBySearch).toBeDefined();
    const merged = await send(id(10), { type: 'merge', actor: clerk, at: on(WED, '10:20'), payload: { into: foundBySearch!, reason: '同一来电人就同一漏水事项再次反映（检索手机号发现）' } });
    expect(merged.state).toBe('merged');
    expect(merged.data.mergedInto?.id).toBe(id(2));
    const original = (await store.get('disputes', id(2))) as DisputeItem;
    expect(original.data.duplicates.map((d) => d.id)).toEqual([id(10)]);
    // The caller hears that the second report is handled with the first.
    expect(notices.filter((x) => x.key === 'dispute.merged').map((x) => [x.itemId, recipientKey(x.recipient)])).toEqual([[id(10), 'party:p1']]);
  });

  test('Thursday: the two left unrouted are escalated by rule, then routed; one is declined as already in litigation', async () => {
    // The host's scheduler runs the escalation rule at 09:00: Tuesday's two unrouted disputes missed
    // their 1-working-day limit (Wednesday 24:00) and go up one level, centre → sub-district.
    const due = escalationsDueAt(await all(), on(THU, '09:00'));
    expect(due.map((x) => [x.id, x.from, x.to])).toEqual([
      [id(5), 'centre', 'subDistrict'],
      [id(6), 'centre', 'subDistrict'],
    ]);
    expect(due[0]!.deadline).toBe('2026-11-25T16:00:00.000Z');
    for (const x of due) await send(x.id, x.event as LoopEvent);
    // The sub-district hears of each.
    expect(notices.filter((x) => x.key === 'dispute.escalated').map((x) => [x.itemId, recipientKey(x.recipient)])).toEqual([
      [id(5), 'level:governance/subDistrict'],
      [id(6), 'level:governance/subDistrict'],
    ]);
    // Applied once: the same moment finds nothing more to escalate.
    expect(escalationsDueAt(await all(), on(THU, '09:00'))).toEqual([]);
    for (const k of [5, 6]) {
      const item = (await store.get('disputes', id(k))) as DisputeItem;
      expect(item.state).toBe('received');
      expect(escalationLevelOf(item, ESCALATION_CHAINS.governance)).toBe('subDistrict');
      expect(escalationsOf(item)).toMatchObject([{ by: { id: 'system', role: 'system' }, rule: 'overdue', from: 'centre', to: 'subDistrict', deadline: '2026-11-25T16:00:00.000Z' }]);
    }
    for (const a of ARRIVALS.filter((x) => x.day === THU)) await accept(a);
    const declined = await send(id(15), { type: 'decline', actor: clerk, at: on(THU, '11:00'), payload: { reason: 'inLitigation', advice: '该房屋买卖纠纷已在区人民法院立案，请向法院了解进展' } });
    expect(declined.state).toBe('declined');
    expect(declined.data.declined).toMatchObject({ reason: 'inLitigation' });
    expect(notices.filter((x) => x.key === 'dispute.declined').map((x) => x.itemId)).toEqual([id(15)]);
    await route(5, THU, '10:30', ['civilAffairs', 'womensFederation']);
    await route(6, THU, '10:45', ['housing']);
    await route(13, THU, '11:30', ['humanResources']);
    await route(14, THU, '12:00', ['residentsCommittee']);
    await route(16, THU, '16:00', ['health']);
    // Tuesday's routed cases go into mediation before their limit runs out.
    await send(id(7), { type: 'mediate', actor: mediators.zhao, at: on(THU, '14:00'), payload: { mode: 'atCentre', mediators: [mediators.zhao.id] } });
    await send(id(8), { type: 'mediate', actor: mediators.qian, at: on(THU, '15:00'), payload: { mode: 'atHome', mediators: [mediators.qian.id] } });
  });

  test('Friday: three agreements settled; the week’s last four disputes come in', async () => {
    for (const a of ARRIVALS.filter((x) => x.day === FRI)) await accept(a);
    await route(17, FRI, '10:00', ['urbanManagement']);
    await route(18, FRI, '11:00', ['judicialAdministration']);
    await route(19, FRI, '13:00', ['marketRegulation']);
    // D-W48-20 came in at 14:45 and is still on the desk at the week's end.
    for (const [k, m, terms] of [
      [1, mediators.zhao, ['李德明于2026年12月10日前将院墙后移0.3米', '双方今后不再就院墙位置发生争执']],
      [2, mediators.qian, ['刘海燕于七日内修复卫生间防水层', '刘海燕赔偿陈志刚天花板修复费用人民币1,800元']],
      [3, mediators.zhao, ['广场舞活动时间为每日19:00至20:30', '音响音量不超过55分贝']],
    ] as const) {
      await sign(id(k), m, on(FRI, '15:50'));
      await send(id(k), { type: 'settle', actor: m, at: on(FRI, '16:00'), payload: { terms: [...terms], consentedBy: ['p1', 'p2'], date: '2026-11-27', document: `调解协议书-${id(k)}` } });
      settledByTest.add(id(k));
    }
    expect((await all()).filter((d) => d.state === 'followUp').map((d) => d.id)).toEqual([id(1), id(2), id(3)]);
    // Friday's run of the escalation rule finds nothing new: the two escalated are routed, with a new limit.
    expect(escalationsDueAt(await all(), on(FRI, '17:00'))).toEqual([]);
    expect((await all()).filter((d) => escalationsOf(d).length > 0).map((d) => d.id)).toEqual([id(5), id(6)]);
  });

  describe('three agreements printed to PDF and read back', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('each 人民调解协议书 is filled from its record: number, parties, facts, terms, mediator, seal and date', { timeout: 180_000 }, async () => {
      const settled = await Promise.all([1, 2, 3].map(async (k) => (await store.get('disputes', id(k))) as DisputeItem));
      const { pages, errors } = await printAgreements(browser, settled, '振兴区人民调解委员会');
      expect(errors).toEqual([]);
      // The three agreements, in order, each at most two A4 pages (their page layout is the print view's own test's).
      const all = pages.join('');
      const starts = settled.map((d) => all.indexOf(plain(`人民调解协议书编号：${d.id}`)));
      expect(starts.every((s, i) => s >= 0 && (i === 0 || s > starts[i - 1]!)), pages.map((p) => p.slice(0, 40)).join(' | ')).toBe(true);
      expect(pages.length).toBeLessThanOrEqual(6);
      const sheets = starts.map((s, i) => all.slice(s, starts[i + 1] ?? all.length));
      for (const [i, d] of settled.entries()) {
        const sheet = sheets[i]!;
        const settlement = d.data.outcome?.kind === 'settled' ? d.data.outcome.settlement : undefined;
        const mediator = [mediators.zhao, mediators.qian].find((m) => m.id === d.data.mediation?.mediators[0])!;
        for (const text of [`编号：${d.id}`, `申请人${d.data.parties[0]!.name}`, `被申请人${d.data.parties[1]!.name}`, d.data.title, ...settlement!.terms, '经调解，自愿达成如下协议', `人民调解员：${mediator.name}`, `当事人（申请人）：${d.data.parties[0]!.name}`, '振兴区人民调解委员会（印章）', '2026年11月27日']) {
          expect(sheet, `${d.id}: ${text}`).toContain(plain(text));
        }
        // Another case's terms never leak into this sheet.
        for (const other of settled.filter((o) => o.id !== d.id)) expect(sheet).not.toContain(plain(`编号：${other.id}`));
      }
      // The screen-only print button is not on paper.
      expect(pages.join('')).not.toContain('打印');
    });
  });

  test('deadline notices come from the timer, once each, without the host writing a loop', async () => {
    const due: Notice[] = [];
    const watch = watchDueNotices({ read: all, onNotice: (x) => void due.push(x), start: false });
    // Friday morning: what falls due within 24 hours.
    await watch.check(on(FRI, '08:00'));
    await watch.check(on(FRI, '08:15'));
    const keys = due.map((x) => `${x.itemId}→${x.recipient.kind === 'department' ? x.recipient.departmentId : x.recipient.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(due.every((x) => x.key === 'dispute.dueSoon')).toBe(true);
    // Wednesday's routed cases (2 working days) fall due at Friday 24:00, each to its department.
    expect(keys).toEqual([`${id(9)}→residentsCommittee`, `${id(11)}→urbanManagement`, `${id(12)}→publicSecurity`]);
  });

  describe('the week’s ledger, by period, reproduces its own figures', () => {
    const week = parsePeriod('2026-W48');
    let figuresAtWeekEnd: unknown;

    test('the period is the China week of Monday 2026-11-23', () => {
      expect(week).toMatchObject({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
      expect(periodOf(on(WED, '12:00'), 'week').key).toBe(week.key);
    });

    test('the week’s summary is what this test did: 20 reports, 18 accepted, 1 merged, 1 declined, 3 settled', async () => {
      const items = await all();
      const report = summarizeLedgerPeriod(items, week);
      // The figures from this test's own records, not from the ledger: every state counted (zeros
      // included), accepted = reports less the merged and the declined, resolved = the settlements
      // this test recorded, open = accepted less those at an end.
      expect(kept.size).toBe(20);
      const byState = Object.fromEntries(Object.keys(disputeLoop.states).map((st) => [st, 0])) as Record<DisputeState, number>;
      for (const state of kept.values()) byState[state]++;
      const accepted = kept.size - byState.merged - byState.declined;
      const ended = byState.closed + byState.withdrawn + byState.transferred;
      const ours = {
        accepted,
        resolved: settledByTest.size,
        resolutionRate: formatRate(settledByTest.size, accepted),
        referred: 0,
        withdrawn: byState.withdrawn,
        merged: byState.merged,
        declined: byState.declined,
        transferred: byState.transferred,
        writtenOff: byState.closed,
        open: accepted - ended,
        byState,
      };
      // Overdue at Sunday 24:00, by this test's own reckoning: the three routed on Wednesday (two
      // working days each, to Friday 24:00) and not yet in mediation; Thursday's and Friday's
      // routings have until Monday and Tuesday; the one left on the desk on Friday afternoon has
      // one working day, to Monday 24:00.
      expect(report.summary).toEqual({ ...ours, overdue: 3 });
      expect(ours).toMatchObject({ accepted: 18, merged: 1, declined: 1, resolved: 3, resolutionRate: '16.67%', writtenOff: 0, open: 18 });
      // The overdue ones are those three, by id.
      expect(ledgerOfPeriod(items, week).filter((d) => d.state === 'routed' && Date.parse(d.deadline!) <= week.endMs).map((d) => d.id)).toEqual([id(9), id(11), id(12)]);
      // The walk-ins and grid reports the week took in; each grid report names its grid worker.
      expect(items.filter((d) => d.data.channel === 'walkIn')).toHaveLength(12);
      const grid = items.filter((d) => d.data.channel === 'grid');
      expect(grid).toHaveLength(8);
      expect(grid.every((d) => d.data.reportedBy !== null && /^grid-/.test(d.data.reportedBy!.id))).toBe(true);
      // The same days as a date range give the same figures.
      expect(summarizeLedgerPeriod(items, '2026-11-23..2026-11-29').summary).toEqual(report.summary);
      // Nothing before: the change on the previous week and last year cannot be a percentage.
      expect(report.previous.summary.accepted).toBe(0);
      expect(report.accepted).toEqual({ previous: '—', lastYear: '—' });
      expect(report.lastYear.period.key).toBe('2025-W48');
      figuresAtWeekEnd = report;
    });

    test('the days add up to the week, the towns add up to the county, the month holds the week', async () => {
      const items = await all();
      // Each day as a one-day range (2026-11-23..2026-11-23 …).
      const days = Array.from({ length: 7 }, (_, d) => parsePeriod(`2026-11-${23 + d}..2026-11-${23 + d}`));
      expect(periodsBetween(days[0]!.from, days[6]!.to, 'week').map((p) => p.key)).toEqual([week.key]);
      const perDay = days.map((p) => summarizeLedgerPeriod(items, p).summary.accepted);
      expect(perDay).toEqual([4, 4, 3, 3, 4, 0, 0]);
      expect(perDay.reduce((a, b) => a + b, 0)).toBe(18);
      const ofWeek = ledgerOfPeriod(items, week);
      const byTown = countLedgerByArea(ofWeek, tree, 'town');
      expect(byTown.unplaced?.accepted ?? 0).toBe(0);
      const byVillage = countLedgerByArea(ofWeek, tree, 'village');
      const whole = summarizeLedger(ofWeek);
      // Every count foots: the towns, and the villages, add up to the county on each figure.
      for (const figure of ['accepted', 'resolved', 'merged', 'declined', 'open', 'writtenOff'] as const) {
        expect(Object.values(byTown).reduce((a, s) => a + s[figure], 0), `towns: ${figure}`).toBe(whole[figure]);
        expect(Object.values(byVillage).reduce((a, s) => a + s[figure], 0), `villages: ${figure}`).toBe(whole[figure]);
      }
      expect(whole.accepted).toBe(18);
      // Nine towns in the tree; the week's disputes came from each of them.
      expect(Object.keys(byTown).filter((k) => k !== 'unplaced').sort()).toEqual(tree.towns.map((t) => t.id).sort());
      expect(byTown[tree.towns[1]!.id]).toMatchObject({ accepted: 2, merged: 1, resolved: 1 });
      // Overdue at Sunday 24:00: the three routed on Wednesday and not yet in mediation (two working days each).
      const atWeekEnd = (figuresAtWeekEnd as { summary: { overdue: number } }).summary;
      expect(atWeekEnd.overdue).toBe(3);
      expect(summarizeLedger(ofWeek, week.endMs)).toEqual(atWeekEnd);
      // The month (as it stood on 30 November 24:00) holds the same disputes; Thursday's and Friday's routings are overdue by then too.
      const month = summarizeLedgerPeriod(items, '2026-11').summary;
      expect({ ...month, overdue: atWeekEnd.overdue }).toEqual(atWeekEnd);
      expect(month.overdue).toBe(summarizeLedger(ofWeek, parsePeriod('2026-11').endMs).overdue);
    });

    test('the next week’s work does not change the week’s ledger: it is the ledger as it stood on Sunday 24:00', async () => {
      const next = (date: string, time: string) => `${date}T${time}:00+08:00`;
      await send(id(20), { type: 'route', actor: clerk, at: next('2026-11-30', '09:00'), payload: { departments: ['housing'] } });
      await sign(id(4), mediators.qian, next('2026-12-01', '14:50'));
      await send(id(4), { type: 'settle', actor: mediators.qian, at: next('2026-12-01', '15:00'), payload: { terms: ['某装饰公司于十日内结清工资人民币6,400元'], consentedBy: ['p1', 'p2'], date: '2026-12-01' } });
      const items = await all();
      expect(summarizeLedger(items).resolved).toBe(4);
      expect(summarizeLedgerPeriod(items, week)).toEqual(figuresAtWeekEnd);
      // The next week's own ledger: nothing accepted in it, but the month now shows four settled.
      expect(summarizeLedgerPeriod(items, '2026-W49').summary.accepted).toBe(0);
      expect(summarizeLedgerPeriod(items, '2026-11').summary.resolved).toBe(3);
    });
  });
});
