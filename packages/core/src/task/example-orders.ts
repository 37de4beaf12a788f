import { InvalidArgumentError } from '../errors/errors.js';
import { formatInstant, parseInstant } from '../calendar/instant.js';
import { transition } from '../loop/transition.js';
import type { LoopEvent } from '../loop/types.js';
import type { TaskOrder, TaskOrderEvent, TaskOrderRole } from './definition.js';
import { taskOrderLoop } from './definition.js';
import { dispatchMonth } from './dispatch.js';
import { exampleCatalog } from './example-catalog.js';
import type { Catalog, FeedbackValue, OrderTemplate, Roster } from './schema.js';

export interface ExampleOrdersInput {
  readonly roster: Roster;
  readonly month: string;
  /** How far the month has got: orders move on only up to this moment (ISO instant). */
  readonly now: string;
  readonly catalog?: Catalog;
  /** Share of orders fed back by `now` (0–1; default 0.9). Overdue ones are mostly done. */
  readonly doneShare?: number;
  readonly seed?: number;
}

/** Feedback values that satisfy a template (for examples and tests). */
export function exampleFeedback(template: OrderTemplate, n = 1): Record<string, FeedbackValue> {
  const values: Record<string, FeedbackValue> = {};
  for (const f of template.done) {
    if (!f.required) continue;
    if (f.kind === 'count') values[f.id] = Math.max(f.min ?? 0, Math.min(f.max ?? n, n));
    else if (f.kind === 'evidence') values[f.id] = Array.from({ length: f.minItems }, (_, i) => `photo-${n}-${i + 1}.jpg`);
    else if (f.kind === 'place') values[f.id] = '社区警务室及辖区重点部位';
    else values[f.id] = '已按要求完成';
  }
  return values;
}

/**
 * EXAMPLE orders for demos, stories and tests: the month dispatched from the (example) catalog to
 * the roster, then moved on deterministically up to `now` — most fed back (some verified, a few
 * returned and fed back again), a few marked not applicable or cancelled, some overdue ones urged.
 */
export function exampleTaskOrders(input: ExampleOrdersInput): TaskOrder[] {
  const fn = 'exampleTaskOrders';
  const nowMs = typeof input?.now === 'string' ? parseInstant(input.now) : Number.NaN;
  if (Number.isNaN(nowMs)) throw new InvalidArgumentError(fn, 'input.now', { 'zh-CN': '必须是带时区的 ISO 时间', en: 'must be an ISO instant with offset' }, input?.now);
  const share = input.doneShare ?? 0.9;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) throw new InvalidArgumentError(fn, 'input.doneShare', { 'zh-CN': '必须在 0 到 1 之间', en: 'must be between 0 and 1' }, share);
  const start = `${input.month}-01T08:30:00+08:00`;
  const { orders } = dispatchMonth({ catalog: input.catalog ?? exampleCatalog(), roster: input.roster, month: input.month, at: start });
  let seed = (input.seed ?? 20251) >>> 0;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const startMs = parseInstant(start);
  const span = Math.max(0, nowMs - startMs);
  const supervisor = { id: 'supervisor', role: 'supervisor' as const };

  return orders.map((order, i) => {
    let o = order;
    let at = startMs;
    const step = (type: TaskOrderEvent, role: TaskOrderRole, payload?: unknown, actorId = o.data.officer) => {
      at = Math.min(nowMs, at + Math.floor(rand() * span * 0.3) + 60_000);
      const event: LoopEvent<TaskOrderEvent, TaskOrderRole> = { type, actor: { id: role === 'officer' ? actorId : supervisor.id, role }, at: formatInstant(at) };
      const r = transition(taskOrderLoop, o, payload === undefined ? event : { ...event, payload });
      if (r.ok) o = r.snapshot;
    };
    if (span === 0) return o;
    const r = rand();
    const due = parseInstant(o.data.due);
    // Past-due orders are done more often than the rest: officers work to the alarms.
    const done = r < (due <= nowMs ? Math.min(1, share + 0.08) : share * 0.85);
    if (o.data.template.mayBeNotApplicable && rand() < 0.04) step('exempt', 'officer', { reason: '辖区内无此类场所' });
    else if (rand() < 0.003) step('cancel', 'supervisor', { reason: '任务调整' });
    else if (done) {
      step('feedback', 'officer', { values: exampleFeedback(o.data.template, 1 + (i % 9)) });
      const next = rand();
      if (next < 0.03) {
        step('return', 'supervisor', { reason: '反馈内容不完整，请补充' });
        if (rand() < 0.6) step('feedback', 'officer', { values: exampleFeedback(o.data.template, 2 + (i % 7)) });
      } else if (next < 0.6) step('verify', 'supervisor');
    } else if (due <= nowMs && rand() < 0.4) step('urge', 'supervisor', { instruction: '请尽快完成逾期任务' });
    return o;
  });
}
