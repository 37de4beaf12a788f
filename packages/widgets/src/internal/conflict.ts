// What a viewer whose synced event the server refused is shown: who did what meanwhile, and the
// state now. Only the case widget shows it; pages with lists alone never load it.
import type { SyncRefusalLike } from './session.js';

/** One entry of an item's history, as a refusal's `current` record carries it. */
export interface ConflictEntry {
  readonly type: string;
  readonly at: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: { readonly id: string; readonly role: string; readonly name?: string; readonly unit?: string };
}

/** What the refused viewer is shown: the item as the server has it now, and what others did to it. */
export interface Conflict {
  readonly state: string;
  /** What others did since the viewer's own last entry (at most five, oldest first). */
  readonly others: readonly ConflictEntry[];
  /** The server's current record, when the refusal carried a readable one. */
  readonly current?: { readonly state: string; readonly history: readonly ConflictEntry[] };
}

const isEntry = (e: unknown): e is ConflictEntry => {
  const h = e as ConflictEntry | null;
  return typeof h === 'object' && h !== null && typeof h.type === 'string' && typeof h.at === 'string' && typeof h.to === 'string' && typeof h.actor?.id === 'string' && typeof h.actor.role === 'string';
};

/**
 * Reads a refusal's `current` record (the server's) — or, when it carries none, the item as the
 * store has it now — into who did what since the viewer last acted, and the state now.
 */
export function conflictOf(refusal: SyncRefusalLike, local: { readonly state: string; readonly history: readonly unknown[] } | undefined, viewerId: string): Conflict | undefined {
  const c = refusal.current as { state?: unknown; history?: unknown } | null | undefined;
  const current = typeof c === 'object' && c !== null && typeof c.state === 'string' && Array.isArray(c.history) ? { state: c.state, history: c.history.filter(isEntry) } : undefined;
  const source = current ?? (local ? { state: local.state, history: local.history.filter(isEntry) } : undefined);
  if (!source) return undefined;
  let mine = -1;
  source.history.forEach((h, i) => {
    if (h.actor.id === viewerId) mine = i;
  });
  const others = source.history.slice(mine + 1).filter((h) => h.actor.id !== viewerId).slice(-5);
  return { state: source.state, others, ...(current ? { current } : {}) };
}
