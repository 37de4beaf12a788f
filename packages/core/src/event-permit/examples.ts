import { formatDate, parseDate } from '../calendar/instant.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { transition } from '../loop/transition.js';
import type { LoopEvent } from '../loop/types.js';
import { eventPermitLoop, type EventPermitEvent, type EventPermitItem, type EventPermitState } from './definition.js';
import { fileEventPermit } from './filing.js';
import type { EventApplication, EventKind } from './schema.js';

const VENUES = ['秦皇岛奥体中心', '北戴河鸽子窝公园', '山海关古城', '南戴河海滨', '西港花园', '昌黎黄金海岸'];
const EVENTS: readonly [EventKind, string][] = [
  ['sports', '国际帆船赛'],
  ['sports', '海滨马拉松'],
  ['sports', '沙滩排球邀请赛'],
  ['cultureTourism', '海滨音乐节'],
  ['cultureTourism', '长城文化旅游节'],
  ['cultureTourism', '灯光秀'],
];
const organizer = { role: 'organizer', id: 'org-1' } as const;
const reviewer = { role: 'reviewer', id: 'police-1' } as const;
const at = (day: number, time: string) => `${formatDate(day)}T${time}+08:00`;

function application(i: number, eventDay: number): EventApplication {
  const [kind, title] = EVENTS[i % EVENTS.length]!;
  return {
    name: `第${i + 1}届${title}`,
    kind,
    venue: VENUES[(i * 5) % VENUES.length]!,
    eventDate: formatDate(eventDay),
    expectedAttendance: 1000 + ((i * 373) % 20) * 500,
    organizer: { name: '秦皇岛体育文化有限公司', contact: '汪洋', phone: '0335-1234567' },
    plan: { summary: '入口安检、分区疏导、医疗点与应急通道', stewards: 40 + (i % 7) * 10 },
  };
}

type Step = readonly [EventPermitEvent, number, unknown?];
const STEPS: Readonly<Record<EventPermitState, readonly Step[]>> = {
  filed: [],
  underReview: [['accept', -55]],
  planApproved: [['accept', -55], ['approve', -50]],
  held: [['accept', -55], ['approve', -50], ['recordHeld', 0, { attendance: 3000, incidents: 0 }]],
  closed: [['accept', -55], ['approve', -50], ['recordHeld', 0, { attendance: 3000, incidents: 0 }], ['close', 1]],
  refused: [['refuse', -55, { reason: '场地容量不足' }]],
  withdrawn: [['withdraw', -55, { reason: '主办方取消活动' }]],
  expired: [['accept', -55], ['expire', 0]],
};

/** One filing taken through the loop to `state`, with real transitions. */
function permit(prefix: string, i: number, eventDay: number, state: EventPermitState, incidents = 0): EventPermitItem {
  const filed = fileEventPermit({ id: `${prefix}-${String(i + 1).padStart(4, '0')}`, application: application(i, eventDay), actor: organizer, at: at(eventDay - 60, '09:00:00') });
  if (!filed.ok) throw new Error(filed.reason.message.en);
  let item = filed.value;
  for (const [type, offset, payload] of STEPS[state]) {
    const p = type === 'recordHeld' ? { attendance: 2000 + (i % 9) * 250, incidents } : payload;
    const event = { type, actor: reviewer, at: at(eventDay + offset, '20:00:00'), ...(p === undefined ? {} : { payload: p }) } as LoopEvent<EventPermitEvent, 'reviewer'>;
    const r = transition(eventPermitLoop, item, event as never);
    if (!r.ok) throw new Error(r.reason.message.en);
    item = r.snapshot;
  }
  return item;
}

/**
 * The source's year as example data: `count` events (192 in 2025), every one filed in its window,
 * reviewed, approved, held without incident and closed — "all safe".
 */
export function exampleEventPermits(count = 192, year = 2025): EventPermitItem[] {
  const start = parseDate(`${year}-03-01`);
  return Array.from({ length: count }, (_, i) => permit(`EP-${year}`, i, start + ((i * 97) % 280), 'closed'));
}

/**
 * A handful of filings in every state of the loop around `today` (YYYY-MM-DD): every history entry
 * lies before it, and the approved event took place yesterday, so that its outcome can be recorded.
 * One closed event had two incidents.
 */
export function examplePermitsInProgress(today = '2026-06-20'): EventPermitItem[] {
  const day = parseDate(today);
  if (Number.isNaN(day)) throw new InvalidArgumentError('examplePermitsInProgress', 'today', { 'zh-CN': '必须是 YYYY-MM-DD 日期', en: 'must be a date written YYYY-MM-DD' }, today);
  const plan: readonly [EventPermitState, number, number?][] = [
    ['filed', 59],
    ['underReview', 54],
    ['planApproved', -1],
    ['held', -10],
    ['closed', -40],
    ['closed', -30, 2],
    ['refused', 30],
    ['withdrawn', 20],
  ];
  return plan.map(([state, offset, incidents], i) => permit(`EP-${today}`, i, day + offset, state, incidents));
}
