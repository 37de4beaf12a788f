import { InvalidArgumentError } from '../errors/errors.js';
import { keyId } from './structure.js';
import type { Actor, ChangeEntry, ChangeOp, Key, StoreNotice } from './types.js';

/**
 * The highest change-log sequence number a restore accepts. IndexedDB's key generator stops at
 * 2^53; a log restored near it would refuse every later write, so backups stay far below.
 */
export const MAX_SEQ = 2 ** 48;

type Wire = { kind: 'changes'; changes: ChangeEntry[] } | { kind: 'reset' };

/**
 * Delivers notices to this store's subscribers, and to the other tabs (or workers) that opened a
 * store of the same name, through a BroadcastChannel when the platform has one.
 */
export class Notifier {
  private readonly listeners = new Set<(notice: StoreNotice) => void>();
  private readonly channel: BroadcastChannel | undefined;

  constructor(name: string) {
    const BC = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
    if (BC) {
      this.channel = new BC(`bihuan-store:${name}`);
      this.channel.onmessage = (event: MessageEvent<Wire>) => {
        const data = event.data;
        if (data?.kind === 'changes') this.emit({ kind: 'changes', source: 'remote', changes: data.changes });
        else if (data?.kind === 'reset') this.emit({ kind: 'reset', source: 'remote' });
      };
      // Node keeps the process alive for an open channel; a store must not hold a server up.
      (this.channel as unknown as { unref?: () => void }).unref?.();
    }
  }

  private outbox: Wire[] = [];
  private flushing: ReturnType<typeof setTimeout> | undefined;

  /**
   * Tells this store's subscribers at once, and the other tabs once per turn of the event loop
   * (a burst of writes is one message, its changes in order): posting costs more than a write.
   */
  publish(wire: Wire): void {
    this.emit(wire.kind === 'changes' ? { kind: 'changes', source: 'local', changes: wire.changes } : { kind: 'reset', source: 'local' });
    if (!this.channel) return;
    const last = this.outbox[this.outbox.length - 1];
    if (last?.kind === 'changes' && wire.kind === 'changes') for (const c of wire.changes) last.changes.push(c);
    else this.outbox.push(wire.kind === 'changes' ? { kind: 'changes', changes: [...wire.changes] } : wire);
    if (this.flushing === undefined) {
      this.flushing = setTimeout(() => this.flush(), 0);
      (this.flushing as unknown as { unref?: () => void }).unref?.();
    }
  }

  private flush(): void {
    if (this.flushing !== undefined) clearTimeout(this.flushing);
    this.flushing = undefined;
    const out = this.outbox;
    this.outbox = [];
    for (const wire of out) {
      try {
        this.channel?.postMessage(wire);
      } catch {
        // A closed channel (the store is closing) has no one left to tell.
      }
    }
  }

  subscribe(listener: (notice: StoreNotice) => void): () => void {
    if (typeof listener !== 'function') throw new InvalidArgumentError('subscribe', 'listener', { 'zh-CN': '必须是函数 (notice) => void', en: 'must be a function (notice) => void' }, listener);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.flush();
    this.listeners.clear();
    this.channel?.close();
  }

  private emit(notice: StoreNotice): void {
    // No subscriber (a server's store, a bench): no copy of the empty set on every write.
    if (this.listeners.size === 0) return;
    for (const l of [...this.listeners]) {
      try {
        l(notice);
      } catch (error) {
        // A failing listener must not stop the others nor undo a committed write; surface it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** Groups a batch's writes for the change log: one entry per collection and kind of write. */
export class ChangeGroups {
  private readonly groups = new Map<string, { collection: string; op: ChangeOp; keys: Key[]; ids: Set<string>; actor: Actor | undefined }>();
  add(collection: string, op: ChangeOp, key: Key, actor: Actor | undefined): void {
    const id = `${collection}\u0000${op}`;
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { collection, op, keys: [], ids: new Set(), actor }));
    const kid = keyId(key);
    if (!g.ids.has(kid)) {
      g.ids.add(kid);
      g.keys.push(key);
    }
    g.actor ??= actor;
  }
  list() {
    return [...this.groups.values()].map(({ collection, op, keys, actor }) => ({ collection, op, keys, actor }));
  }
}
