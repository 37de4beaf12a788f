/**
 * Which tab of a browser syncs: exactly one at a time. With Web Locks (`navigator.locks`) the tab
 * holding the lock `bihuan-sync:<name>` syncs and the next in line takes over when it closes.
 * Without them, an election over BroadcastChannel: the syncing tab says so every second; a tab
 * that hears no one for a while takes over, and of two that claim at once the smaller id wins.
 * Without either (a lone Node process), this one syncs.
 */
export interface Election {
  readonly leading: boolean;
  /** Resolves once this tab knows whether it syncs (it leads, or has heard the tab that does). */
  readonly settled: Promise<void>;
  /** Messages to the other tabs of this store (a nudge to sync now). */
  post(message: unknown): void;
  close(): void;
}

type Wire = { kind: 'leader'; id: string } | { kind: 'who' } | { kind: 'resign'; id: string } | { kind: 'message'; body: unknown };

const HEARTBEAT_MS = 1000;
const SILENCE_MS = 2500;

export function elect(name: string, onChange: (leading: boolean) => void, onMessage: (message: unknown) => void): Election {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const BC = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  const channel = BC ? new BC(`bihuan-sync:${name}`) : undefined;
  (channel as unknown as { unref?: () => void } | undefined)?.unref?.();
  let leading = false;
  let closed = false;
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const set = (value: boolean) => {
    settle();
    if (value === leading || closed) return;
    leading = value;
    onChange(value);
  };
  const send = (wire: Wire) => {
    try {
      channel?.postMessage(wire);
    } catch {
      // closed
    }
  };
  const timers: ReturnType<typeof setTimeout>[] = [];
  const unref = <T>(t: T): T => {
    (t as { unref?: () => void }).unref?.();
    return t;
  };

  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  let release: (() => void) | undefined;
  if (locks) {
    void locks
      .request(`bihuan-sync:${name}`, () => {
        if (closed) return undefined;
        set(true);
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => undefined);
  } else if (!channel) {
    queueMicrotask(() => set(true));
  } else {
    let heard = 0;
    let leader: string | undefined;
    send({ kind: 'who' });
    timers.push(
      unref(
        setInterval(() => {
          if (leading) send({ kind: 'leader', id });
          else if (Date.now() - heard > SILENCE_MS) claim();
        }, HEARTBEAT_MS),
      ),
    );
    // A first tab need not wait for the full silence: no answer to `who` soon means no leader.
    timers.push(unref(setTimeout(() => leader === undefined && claim(), 150)));
    const claim = () => {
      leader = id;
      set(true);
      send({ kind: 'leader', id });
    };
    channel.onmessage = (event: MessageEvent<Wire>) => {
      const m = event.data;
      if (m?.kind === 'leader') {
        if (leading && m.id > id) return send({ kind: 'leader', id });
        leader = m.id;
        heard = Date.now();
        settle();
        set(false);
      } else if (m?.kind === 'who') {
        if (leading) send({ kind: 'leader', id });
      } else if (m?.kind === 'resign') {
        if (m.id === leader) {
          heard = 0;
          leader = undefined;
          // Tabs that heard it claim after a random pause: the smaller id settles a tie.
          timers.push(unref(setTimeout(() => leader === undefined && claim(), 50 + Math.random() * 100)));
        }
      } else if (m?.kind === 'message') onMessage(m.body);
    };
  }
  if (locks) {
    // A tab waiting in line for the lock knows someone else syncs.
    void locks.query().then((held) => {
      if ((held.held ?? []).some((l) => l.name === `bihuan-sync:${name}`)) settle();
    }, settle);
  }
  if (locks && channel) {
    channel.onmessage = (event: MessageEvent<Wire>) => {
      if (event.data?.kind === 'message') onMessage(event.data.body);
    };
  }

  return {
    get leading() {
      return leading;
    },
    settled,
    post: (body) => send({ kind: 'message', body }),
    close() {
      if (closed) return;
      if (leading && !locks) send({ kind: 'resign', id });
      closed = true;
      leading = false;
      settle();
      for (const t of timers) clearTimeout(t as never), clearInterval(t as never);
      release?.();
      channel?.close();
    },
  };
}
