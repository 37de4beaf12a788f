import { checkStoreWith } from '../schema/argument.js';
import type { Actor } from '../loop/types.js';
import { momentMs } from '../loop/deadlines.js';
import { applyLoopEventIn } from '../store/loop-event.js';
import { rectificationLoop } from './definition.js';
import { accountabilityIdFor, accountabilityRecord, sweepOverdue } from './ledger.js';
import type { RectificationStore } from './store.js';

/**
 * Runs `sweepOverdue` on a store: each overdue, unverified item gets `holdAccountable` (through the
 * engine) and its accountability record is created — every item and record in one transaction,
 * read and written there, so the two collections never disagree. An item flagged whose record is
 * missing (written by an earlier version, say) gets its record now. Returns the records opened.
 */
export async function openOverdueAccountability(store: RectificationStore, now: string, actor: Actor<'supervisor'>): Promise<string[]> {
  checkStoreWith('openOverdueAccountability', store, { collections: ['items', 'accountability'], spec: 'rectificationStoreSpec' });
  momentMs('openOverdueAccountability', 'now', now);
  return store.batch(async (tx) => {
    const items = await tx.all('items');
    const opened: string[] = [];
    const flagged = new Map(items.map((item) => [item.id, item]));
    for (const item of sweepOverdue(items, now, actor).items) {
      const result = await applyLoopEventIn(tx, 'items', rectificationLoop, item.id, { type: 'holdAccountable', actor, at: now, payload: { accountabilityId: accountabilityIdFor(item.id) } });
      if (!result.ok) continue;
      flagged.set(item.id, result.snapshot);
      opened.push(accountabilityIdFor(item.id));
    }
    for (const item of flagged.values()) {
      const id = item.data.accountability?.id;
      if (id !== undefined && (await tx.get('accountability', id)) === undefined) {
        await tx.add('accountability', accountabilityRecord(item, item.data.accountability!.openedAt, actor));
      }
    }
    return opened;
  }, { actor });
}
