import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDate, DAY_MS, parseInstant } from '../calendar/instant.js';
import { momentMs, type Moment } from '../loop/deadlines.js';
import { escalationsDueAt } from '../loop/escalation.js';
import { transition } from '../loop/transition.js';
import type { Actor, Snapshot } from '../loop/types.js';
import { acceptDispute } from '../dispute/intake.js';
import { disputeLoop, type DisputeItem } from '../dispute/definition.js';
import { supervisionLoop, type SupervisionItem } from './definition.js';
import { issueSupervisionOrder } from './issue.js';

const TITLES = ['楼上漏水致天花板受损', '小区停车位纠纷', '装修噪声扰民', '物业费收取争议', '宅基地边界纠纷', '农民工工资拖欠', '邻里通道占用', '养犬扰民', '商铺油烟扰民', '共用水管维修费分摊'];
const TOWNS = ['站前街道', '帽盔山街道', '永昌街道', '汤池镇'];
const NAMES = ['刘桂芳', '张立军', '王淑珍', '赵国庆', '孙海燕', '周建华', '吴秀兰', '郑宏伟', '冯玉梅', '陈志强'];

const iso = (ms: number) => new Date(ms).toISOString();

function step<T extends Snapshot>(item: T, event: object): T {
  const r = transition(supervisionLoop, item as unknown as SupervisionItem, event as never);
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot as unknown as T;
}

/**
 * Example supervision orders (督办单) as they stand at `now` (illustrative, not any real county's):
 * `count` disputes left unrouted at the centre past their deadline, escalated by rule to their
 * sub-district, each with an order from it — some awaiting an answer (a few already past their due
 * day), some answered, some closed, one in eight re-issued. Returns the orders and the disputes they
 * supervise. Dates are relative to `now`, so that nothing is months overdue by accident.
 */
export function exampleSupervisionOrders(now: Moment = '2025-11-20T10:00:00+08:00', count = 8): { orders: SupervisionItem[]; targets: DisputeItem[] } {
  const nowMs = momentMs('exampleSupervisionOrders', 'now', now);
  if (!Number.isSafeInteger(count) || count < 0 || count > 2000) throw new InvalidArgumentError('exampleSupervisionOrders', 'count', { 'zh-CN': '必须是 0–2000 的整数', en: 'must be a whole number from 0 to 2000' }, count);
  const orders: SupervisionItem[] = [];
  const targets: DisputeItem[] = [];
  for (let i = 0; i < count; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const office = `${town}办事处`;
    const centre = `${town}综治中心`;
    const accepted = nowMs - (12 + (i % 9)) * DAY_MS - (i % 5) * 3_600_000;
    let target: DisputeItem = acceptDispute({
      id: `D-EX-${String(i + 1).padStart(4, '0')}`,
      intake: { title: TITLES[i % TITLES.length]!, category: 'neighbour', description: '示例数据：当事人来访反映，中心受理后未按期分流。', channel: 'walkIn', town, community: '示例社区', parties: [{ id: 'p1', side: 'applicant', name: NAMES[i % NAMES.length]! }], reportedBy: null },
      actor: { id: 'clerk-example', role: 'intakeClerk' },
      at: iso(accepted),
    });
    const escalateAt = parseInstant(target.deadline!) + 3_600_000;
    const due = escalationsDueAt([target], escalateAt)[0]!;
    const r = transition(disputeLoop, target, due.event);
    if (!r.ok) throw new Error(r.reason.message.en);
    target = r.snapshot;
    targets.push(target);
    const issuer: Actor = { id: `${office}-supervisor`, role: 'issuer', unit: office };
    const respondent: Actor = { id: `${centre}-clerk`, role: 'respondent', unit: centre };
    const issuedMs = escalateAt + DAY_MS;
    const stage = i % 4; // 0 awaiting, 1 awaiting past due, 2 answered, 3 closed
    const dueDays = stage === 1 ? 3 : 7 + (i % 5);
    const issued = issueSupervisionOrder({ id: `DB-EX-${String(i + 1).padStart(4, '0')}`, target, level: 'subDistrict', addressee: centre, instruction: '请于期限内完成分流并反馈办理情况', dueDate: chinaDate(issuedMs + dueDays * DAY_MS), actor: issuer, at: iso(issuedMs) });
    if (!issued.ok) throw new Error(issued.reason.message.en);
    let order = issued.value;
    if (stage >= 2) {
      order = step(order, { type: 'answer', actor: respondent, at: iso(issuedMs + 2 * DAY_MS), payload: { response: '已分流至司法所，调解员已上门联系双方' } });
      if (i % 8 === 2) {
        order = step(order, { type: 'reissue', actor: issuer, at: iso(issuedMs + 3 * DAY_MS), payload: { reason: '反馈未说明调解进展', dueDate: chinaDate(issuedMs + 8 * DAY_MS) } });
        order = step(order, { type: 'answer', actor: respondent, at: iso(issuedMs + 4 * DAY_MS), payload: { response: '已组织双方调解，达成初步意见' } });
      }
      if (stage === 3) order = step(order, { type: 'close', actor: issuer, at: iso(issuedMs + 5 * DAY_MS), payload: { assessment: '反馈属实，同意办结' } });
    }
    orders.push(order);
  }
  return { orders, targets };
}
