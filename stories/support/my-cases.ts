// "My cases" (我的案件) as stories see it: items whose handler (承办人) is named by the supervising
// role with real `assignHandler` events — the viewer on some, colleagues in the same body on others.
import { type AnyLoopDefinition, type Snapshot, availableEvents, handlerOf, transition } from '@bihuan/core';

export interface HandlerPlan<I extends Snapshot> {
  readonly loop: AnyLoopDefinition;
  /** The supervising role that names handlers (the reception day's host, the rectification supervisor). */
  readonly by: { readonly id: string; readonly role: string };
  /** The body an item is assigned to (undefined: not assigned yet, so no handler). */
  readonly bodyOf: (item: I) => string | undefined;
  /** The viewer, and the body they work in: they handle every `every`-th item of that body. */
  readonly viewer: { readonly id: string; readonly name: string; readonly unit: string };
  readonly every: number;
  readonly at: string;
}

const COLLEAGUES = [['staff-zhou', '周晓明'], ['staff-wu', '吴丽华'], ['staff-zheng', '郑国强']] as const;

/** The items with handlers named: the viewer's share of their own body's items, colleagues on the rest. */
export function withHandlers<I extends Snapshot>(items: readonly I[], plan: HandlerPlan<I>): I[] {
  let n = 0;
  return items.map((item, i) => {
    const unit = plan.bodyOf(item);
    if (unit === undefined || handlerOf(item) || !availableEvents(plan.loop, item, plan.by.role).includes('assignHandler')) return item;
    const mine = unit === plan.viewer.unit && n++ % plan.every === 0;
    const [id, name] = mine ? [plan.viewer.id, plan.viewer.name] : COLLEAGUES[i % COLLEAGUES.length]!;
    const r = transition(plan.loop, item, { type: 'assignHandler', actor: plan.by, at: plan.at, payload: { handler: id, name, unit } } as never);
    return r.ok ? (r.snapshot as I) : item;
  });
}
