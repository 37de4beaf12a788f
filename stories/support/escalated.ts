// Items escalated by rule (超期升级) for stories: what a host's scheduler does at `at` —
// `escalationsDueAt` over the items, each event sent through the item's loop.
import { type AnyLoopDefinition, type Snapshot, escalationsDueAt, transition } from '@bihuan/core';

/** The items as they are once every escalation due at `at` has been applied. */
export function escalatedAt<I extends Snapshot>(loop: AnyLoopDefinition, items: readonly I[], at: string): I[] {
  const due = new Map(escalationsDueAt(items, at).map((d) => [d.id, d]));
  return items.map((item) => {
    const d = due.get(item.id);
    // A loop chosen at run time: its event type is not known statically, the engine checks it.
    const r = d ? transition(loop, item, d.event as never) : undefined;
    return r?.ok ? (r.snapshot as I) : item;
  });
}
