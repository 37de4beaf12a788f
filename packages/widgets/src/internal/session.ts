// The viewer of a store-backed widget, and the sync marks: one place for every widget.
//
// A synced store (`createSyncedStore` in `@bihuan/core/sync`) carries the signed-in session and a
// sync control. Widgets recognise it by its shape (`store.session` and `store.sync`), so they work
// with any store that keeps the contract. On such a store the actor (id, name, roles, unit) comes
// from the session, never from the widget's `viewer-*` attributes: those are for local-only use
// and decide only what is displayed.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '@bihuan/core/schema';
import type { SyncControl, SyncRefusal, SyncSession, SyncState } from '@bihuan/core/sync';
import { stopHearing } from './stop-hearing.js';

// Core's own types (erased at build: nothing of the sync module is loaded by a widget); the
// control is narrowed to what widgets call, so a host's own synced store need keep only that.
/** The signed-in session a synced store carries. */
export type SessionLike = SyncSession;
/** A refusal from the server, kept until dismissed. */
export type SyncRefusalLike = SyncRefusal;
/** What the sync loop is doing. */
export type SyncStateLike = SyncState;
/** The part of a synced store's sync control that widgets use. */
export type SyncControlLike = Pick<SyncControl, 'state' | 'subscribe' | 'isPending' | 'refusal' | 'dismiss' | 'syncNow'>;

const SYNC_METHODS = ['state', 'subscribe', 'isPending', 'refusal', 'dismiss', 'syncNow'] as const;

/** The sync control of a synced store; undefined for any other store (duck typing on `session` and `sync`). */
export function syncOf(store: unknown): SyncControlLike | undefined {
  if (typeof store !== 'object' || store === null || !('session' in store) || !('sync' in store)) return undefined;
  const sync = (store as { sync: unknown }).sync;
  if (typeof sync !== 'object' || sync === null) return undefined;
  return SYNC_METHODS.every((m) => typeof (sync as Record<string, unknown>)[m] === 'function') ? (sync as SyncControlLike) : undefined;
}

/** Whether the store is a synced store: its actor comes from its session. */
export const isSynced = (store: unknown): boolean => syncOf(store) !== undefined;

/** The session of a synced store (undefined when signed out, or for a local store). */
export function sessionOf(store: unknown): SessionLike | undefined {
  if (!isSynced(store)) return undefined;
  const session = (store as { session: unknown }).session;
  if (typeof session !== 'object' || session === null) return undefined;
  const actor = (session as { actor?: unknown }).actor as SessionLike['actor'] | undefined;
  if (typeof actor?.id !== 'string' || !Array.isArray(actor.roles)) return undefined;
  return session as SessionLike;
}

/** The actor a loop event is recorded as: core's `Actor` (`unit` and `name` when known). */
export interface ViewerActor {
  readonly id: string;
  readonly role: string;
  readonly unit?: string;
  readonly name?: string;
}

/** What a widget sets locally (`viewer-id`, `viewer-role`, `viewer-unit`); used only without a synced store. */
export interface LocalViewer {
  readonly id: string;
  readonly role: string | undefined;
  readonly unit?: string | undefined;
}

/**
 * The viewer of a widget: on a synced store the session's actor, in the first of its roles that
 * `roles` (the widget's loop roles, or the one role the widget acts in) knows — no role, and so
 * no action offered, when none fits or nobody is signed in; on any other store the widget's own
 * attributes. `role` is '' when the viewer may only look.
 */
export function viewerOf(store: unknown, roles: readonly string[] | Readonly<Record<string, unknown>>, local: LocalViewer): ViewerActor {
  if (!isSynced(store)) {
    const role = local.role ?? '';
    return local.unit ? { id: local.id, role, unit: local.unit } : { id: local.id, role };
  }
  const session = sessionOf(store);
  if (!session) return { id: local.id, role: '' };
  const known = Array.isArray(roles) ? (roles as readonly string[]) : Object.keys(roles);
  const role = session.actor.roles.find((r) => known.includes(r)) ?? '';
  const { id, name, unit } = session.actor;
  return { id, role, ...(unit ? { unit } : {}), ...(name ? { name } : {}) };
}

/**
 * Every role the viewer may act in that `roles` knows: on a synced store all of the session's
 * roles (a clerk who also mediates holds both), in the session's order; none when signed out;
 * on any other store the widget's own `viewer-role`. A widget offers the union of what these
 * roles allow, and records each action in a role that allows it (`actingAs`).
 */
export function viewerRoles(store: unknown, roles: readonly string[] | Readonly<Record<string, unknown>>, local: LocalViewer): readonly string[] {
  const known = Array.isArray(roles) ? (roles as readonly string[]) : Object.keys(roles);
  if (!isSynced(store)) return local.role && known.includes(local.role) ? [local.role] : [];
  const session = sessionOf(store);
  return session ? [...new Set(session.actor.roles.filter((r) => known.includes(r)))] : [];
}

/** The viewer acting in `role` (one of `viewerRoles`): the actor an event is recorded as. */
export function actingAs(viewer: ViewerActor, role: string): ViewerActor {
  return { ...viewer, role };
}

const MARK_WORDS = {
  'zh-CN': {
    pending: '待同步',
    pendingTitle: '尚未送达服务器，联网后自动提交',
    refused: (why: string) => `服务器未接受：${why}`,
    conflictTitle: (what: string) => `您的“${what}”未被服务器接受`,
    meanwhile: '在此之前，其他人已办理：',
    nobodyElse: '服务器上的记录没有其他人的新操作。',
    by: (who: string, what: string, from: string, to: string) => `${who}：${what}（${from} → ${to}）`,
    stateNow: (state: string) => `当前状态：${state}`,
    offeredNow: (actions: string) => `您现在可以：${actions}`,
    nothingNow: '您现在没有可办理的操作。',
    dismiss: '知道了',
    viewOnly: '您登录所用的角色在此只能查看，不能办理。',
  },
  en: {
    pending: 'Not yet synced',
    pendingTitle: 'Not yet accepted by the server; sent when online',
    refused: (why: string) => `Refused by the server: ${why}`,
    conflictTitle: (what: string) => `Your "${what}" was not accepted by the server`,
    meanwhile: 'Before it arrived, others had acted:',
    nobodyElse: 'The server\'s record shows nothing new by anyone else.',
    by: (who: string, what: string, from: string, to: string) => `${who}: ${what} (${from} → ${to})`,
    stateNow: (state: string) => `State now: ${state}`,
    offeredNow: (actions: string) => `You can now: ${actions}`,
    nothingNow: 'There is nothing you can do on it now.',
    dismiss: 'Dismiss',
    viewOnly: 'The roles you are signed in with may only view here.',
  },
} satisfies Record<Locale, unknown>;

/** The marks' look (add to a widget's `styles`): words first, colour only as a second cue. */
export const syncMarkStyles = css`
  .sync-mark {
    display: inline-block;
    margin-inline-start: 0.35em;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.85em;
    line-height: 1.4;
    white-space: nowrap;
  }
  .sync-mark.pending {
    color: var(--_muted);
    border-style: dashed;
  }
  .sync-mark.refused {
    color: var(--_bad);
    white-space: normal;
  }
`;

/** The words of a pending mark and of a server's refusal, in the page's language. */
export const markWords = (locale: Locale) => MARK_WORDS[locale];

/**
 * Hears the sync control of the host's store: the host renders again whenever the sync state
 * changes (an event accepted, refused, a pull), and asks for an item's marks here.
 */
export class SyncMarksController implements ReactiveController {
  private sync: SyncControlLike | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly locale: Locale },
    private readonly storeOf: () => unknown,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.sync = undefined;
  }

  hostUpdate(): void {
    this.follow();
  }

  /** The sync control followed now (undefined on a local store). */
  get control(): SyncControlLike | undefined {
    return this.sync;
  }

  /** Whether the item has an event not yet accepted by the server. */
  pending(collection: string, key: string): boolean {
    try {
      return this.sync?.isPending(collection, key) ?? false;
    } catch {
      return false;
    }
  }

  /** The server's last refusal of an event on the item, until dismissed. */
  refusal(collection: string, key: string): SyncRefusalLike | undefined {
    try {
      return this.sync?.refusal(collection, key);
    } catch {
      return undefined;
    }
  }

  /** The pending mark and the server's reason for an item, in words (nothing on a local store). */
  marks(collection: string, key: string): TemplateResult | typeof nothing {
    if (!this.sync) return nothing;
    const w = markWords(this.host.locale);
    const refused = this.refusal(collection, key);
    const pending = this.pending(collection, key);
    if (!refused && !pending) return nothing;
    return html`${pending ? html`<span class="sync-mark pending" part="pending" title=${w.pendingTitle}>${w.pending}</span>` : nothing}${refused
      ? html`<span class="sync-mark refused" part="sync-refusal" title=${refused.message[this.host.locale]}>${w.refused(refused.message[this.host.locale])}</span>`
      : nothing}`;
  }

  private follow(): void {
    if (!this.connected) return;
    const sync = syncOf(this.storeOf());
    if (sync === this.sync) return;
    this.stop();
    this.sync = sync;
    if (!sync) return;
    try {
      const unsubscribe: unknown = sync.subscribe(() => this.host.requestUpdate());
      this.unsubscribe = typeof unsubscribe === 'function' ? (unsubscribe as () => void) : undefined;
    } catch {
      this.unsubscribe = undefined;
    }
  }

  private stop(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    stopHearing(unsubscribe);
  }
}
