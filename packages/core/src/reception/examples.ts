import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDay, formatDate, parseDate } from '../calendar/instant.js';
import { momentMs, type Moment } from '../loop/deadlines.js';
import { transition } from '../loop/transition.js';
import type { Actor } from '../loop/types.js';
import { type ReceptionItem, type ReceptionRole, receptionLoop } from './definition.js';
import { collectIssue } from './ledger.js';

const FIRMS = ['北碚智造科技', '缙云食品', '嘉陵物流', '温泉文旅', '蔡家电子', '歇马建材', '童家溪医药', '静观花木', '水土新材料'];
const ISSUES = ['用地手续办理慢', '用工招聘难', '融资贷款难', '道路施工影响出行', '水电报装周期长', '税费政策咨询', '厂区周边治安', '知识产权保护', '环评审批'];
const DEPARTMENTS = ['区规划自然资源局', '区人力社保局', '区金融办'];

function step(item: ReceptionItem, type: string, actor: Actor<ReceptionRole>, payload: unknown, at: string): ReceptionItem {
  const r = transition(receptionLoop, item, { type: type as never, actor, at, payload });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

/**
 * An example reception day (S15, 2025-06-18): 9 firms raise `count` issues (the source's 23), of
 * which `closed` (the source's 6) are rated and written off; the rest stand at every other stage
 * on the supervision ledger, one of each five rated "dissatisfied" and back in handling.
 * `options.now` moves the day to three weeks before `now` (the portal's data: every event lies
 * before today, and the open issues fall due nine days from now, not months ago).
 */
export function exampleReceptionDay(count = 23, closed = 6, options: { readonly now?: Moment } = {}): ReceptionItem[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidArgumentError('exampleReceptionDay', 'count', { 'zh-CN': '必须是非负整数', en: 'must be a non-negative whole number' }, count);
  if (!Number.isSafeInteger(closed) || closed < 0 || closed > count) throw new InvalidArgumentError('exampleReceptionDay', 'closed', { 'zh-CN': '必须是不超过 count 的非负整数', en: 'must be a whole number from 0 to count' }, closed);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('exampleReceptionDay', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const base = parseDate('2025-06-18');
  const session = options.now === undefined ? base : chinaDay(momentMs('exampleReceptionDay', 'options.now', options.now)) - 21;
  const on = (k: number) => formatDate(session + k);
  const at = (k: number, time: string) => `${on(k)}T${time}+08:00`;
  const host = { id: 'district-head', role: 'host' } as const;
  return Array.from({ length: count }, (_, i) => {
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const dept = { id: `${department}-clerk`, role: 'department', unit: department } as const;
    const firm = { id: `${FIRMS[i % FIRMS.length]}-contact`, role: 'firm', unit: FIRMS[i % FIRMS.length]! } as const;
    let item = collectIssue({ id: `JD-${String(i + 1).padStart(3, '0')}`, intake: { sessionId: on(0).slice(0, 7), sessionDate: on(0), firm: FIRMS[i % FIRMS.length]!, contact: '陈经理', phone: '13812345678', title: ISSUES[i % ISSUES.length]! }, actor: host, at: at(0, '10:00:00') });
    const stage = i < closed ? 5 : (i - closed) % 5;
    if (stage >= 1) item = step(item, 'assign', host, { department, dueDate: on(30) }, at(0, '11:00:00'));
    if (stage >= 2) item = step(item, 'handle', dept, undefined, at(1, '09:00:00'));
    if (stage >= 3) item = step(item, 'feedBack', dept, { result: '已协调解决' }, at(7, '09:00:00'));
    if (stage === 4) item = step(item, 'rate', firm, { satisfaction: 'dissatisfied', comment: '仍未办结' }, at(8, '09:00:00'));
    if (stage >= 5) {
      item = step(item, 'rate', firm, { satisfaction: i % 2 ? 'satisfied' : 'basicallySatisfied' }, at(8, '09:00:00'));
      item = step(item, 'writeOff', host, undefined, at(9, '09:00:00'));
    }
    return item;
  });
}
