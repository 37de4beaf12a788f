import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDay, formatDate, parseDate } from '../calendar/instant.js';
import { momentMs, type Moment } from '../loop/deadlines.js';
import { transition } from '../loop/transition.js';
import type { Actor } from '../loop/types.js';
import { type RectificationItem, type RectificationRole, rectificationLoop } from './definition.js';
import { openRectifications } from './problem-list.js';

const PROBLEMS = ['部分镇街回访不及时', '行政执法案卷评查问题', '合同合法性审查流于形式', '普法责任清单未更新', '复议纠错案件整改滞后', '重大决策未经合法性审核', '执法人员培训不足', '信访积案化解缓慢'];
const UNITS: readonly (readonly [string, string])[] = [['振兴区司法局', '王局长'], ['临江街道', '李主任'], ['区市场监管局', '赵局长'], ['帽盔山街道', '刘书记']];

function step(item: RectificationItem, type: string, actor: Actor<RectificationRole>, payload: unknown, at: string): RectificationItem {
  const r = transition(rectificationLoop, item, { type: type as never, actor, at, payload });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

/**
 * Example rectification items across the loop, opened on 2026-01-15: the first `overdue` are due
 * in February 2026 and still unverified (in progress or open); the others are due from April on,
 * at every stage — open, in the ledger, submitted, verified, written off, fixed at once.
 * `options.now` opens them 30 days before `now` instead (the portal's data): the overdue ones fell
 * due 3 to 5 days ago, the others fall due over the coming months, and every event lies before now.
 */
export function exampleRectificationItems(count = 8, overdue = 2, options: { readonly now?: Moment } = {}): RectificationItem[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidArgumentError('exampleRectificationItems', 'count', { 'zh-CN': '必须是非负整数', en: 'must be a non-negative whole number' }, count);
  if (!Number.isSafeInteger(overdue) || overdue < 0 || overdue > count) throw new InvalidArgumentError('exampleRectificationItems', 'overdue', { 'zh-CN': '必须是不超过 count 的非负整数', en: 'must be a whole number from 0 to count' }, overdue);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('exampleRectificationItems', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const relative = options.now !== undefined;
  const opened = relative ? chinaDay(momentMs('exampleRectificationItems', 'options.now', options.now!)) - 30 : parseDate('2026-01-15');
  const at = (k: number) => `${formatDate(opened + k)}T09:00:00+08:00`;
  const supervisor = { id: 'kaoping-office', role: 'supervisor' } as const;
  const verifier = { id: 'inspector', role: 'verifier' } as const;
  return Array.from({ length: count }, (_, i) => {
    const [unit, ownerName] = UNITS[i % UNITS.length]!;
    const owner = { id: `${unit}-owner`, role: 'owner', unit, name: ownerName } as const;
    const deadline = relative ? formatDate(opened + (i < overdue ? 25 + (i % 3) : 40 + ((i * 17) % 120))) : i < overdue ? `2026-02-${String(10 + (i % 15)).padStart(2, '0')}` : `2026-0${4 + (i % 5)}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const title = `${PROBLEMS[i % PROBLEMS.length]}${count > PROBLEMS.length ? `（${i + 1}）` : ''}`;
    let item = openRectifications({ findings: [{ title, source: i % 3 === 0 ? 'shortcoming' : 'problemList' }], unit, owner: ownerName, deadline, actor: supervisor, at: at(0), idPrefix: `ZG-${String(i + 1).padStart(3, '0')}` })[0]!;
    const stage = i < overdue ? i % 2 : (i - overdue) % 6;
    if (stage === 5) return step(item, 'fixAtOnce', owner, { evidence: ['photo:fixed'], summary: '当场整改' }, at(1));
    if (stage >= 1) item = step(item, 'start', owner, { measures: ['建立台账', '每周通报'] }, at(1));
    if (stage >= 2) item = step(item, 'submit', owner, { evidence: ['file:report.pdf'], summary: '已完成' }, at(17));
    if (stage >= 3) item = step(item, 'verify', verifier, { opinion: '整改到位' }, at(18));
    if (stage >= 4) item = step(item, 'writeOff', supervisor, undefined, at(19));
    return item;
  });
}
