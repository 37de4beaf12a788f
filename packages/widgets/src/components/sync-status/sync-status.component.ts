import { html, nothing, type PropertyDeclarations } from 'lit';
import { chinaDateTime } from '@bihuan/core/export';
import { BihuanElement } from '../../internal/bihuan-element.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { formStyles } from '../../internal/form-styles.js';
import { guard } from '../../internal/guard.js';
import { type SyncStateLike, SyncMarksController, isSynced, sessionOf } from '../../internal/session.js';
import { themeStyles } from '../../internal/styles.js';
import { syncStatusMessages } from './sync-status.messages.js';
import { syncStatusStyles } from './sync-status.styles.js';

/** Any store: a synced one (`createSyncedStore`) shows its sync; any other says it is local only. */
const anyStoreGuard = guard({ 'zh-CN': 'bihuan 存储（createSyncedStore 等所得）', en: 'a bihuan store (from createSyncedStore or another)' }, (v) => typeof v === 'object' && v !== null);

/**
 * Where the station's work stands with the server: online or offline, how many of the viewer's
 * actions wait to be sent, when the store last synced, and — in words, in the page's language —
 * an error of the sync loop or each action the server refused, with a dismiss for each. A polite
 * live region says what changed (online/offline, the pending count, a refusal, an error); the
 * "sync now" button asks for a sync at once. Give it the same synced store as the other widgets
 * (`createSyncedStore` from `@bihuan/core/sync`); any other store is shown as local only.
 *
 * @tagname bh-sync-status
 * @summary Online/offline, pending count, last sync, refusals and errors of a synced store.
 *
 * @csspart status - The live summary: online or offline, pending count, refusals, error.
 * @csspart session - Who is signed in, and for which area.
 * @csspart last-sync - When the store last synced.
 * @csspart error - The sync loop's error, in words.
 * @csspart refusals - The actions the server refused, each with its reason and a dismiss button.
 * @csspart dismiss - A refusal's dismiss button.
 * @csspart sync-now - The "sync now" button.
 * @csspart problem - The in-place message shown when the store given is refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - The last sync time, who is signed in.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-accent=#0b5cad] - The buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - "Online".
 * @cssprop [--bh-color-bad=#b42318] - "Offline", errors and refusals.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 * @cssprop [--bh-sync-status-online-color=var(--bh-color-good)] - Colour of "online".
 * @cssprop [--bh-sync-status-offline-color=var(--bh-color-bad)] - Colour of "offline".
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The store given was refused, or a sync asked for failed.
 */
export class BhSyncStatus extends BihuanElement {
  static override styles = [themeStyles, formStyles, syncStatusStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: anyStoreGuard },
    asking: { state: true },
  };

  /** The synced store the page's widgets share (`createSyncedStore`). */
  store?: object;

  private asking = false;
  private readonly sync = new SyncMarksController(this, () => this.store);

  /** The sync state now (undefined when the store is not a synced one). */
  get state(): SyncStateLike | undefined {
    return this.sync.control?.state();
  }

  /** Asks the store to sync at once; a failure is shown by the state's `error`, or in place. */
  async syncNow(): Promise<void> {
    const control = this.sync.control;
    if (!control || this.asking) return;
    this.asking = true;
    try {
      await control.syncNow();
    } catch (error) {
      // The sync loop reports its own errors in the state; one it throws instead is shown in place.
      if (!control.state().error) this.fail(error);
    } finally {
      this.asking = false;
    }
  }

  protected override renderContent(): unknown {
    const t = syncStatusMessages[this.locale];
    if (!isSynced(this.store)) return html`<p class="status muted" part="status" role="status">${t.localOnly}</p>`;
    const s = this.state!;
    const n = new Intl.NumberFormat(this.locale);
    const session = sessionOf(this.store);
    const summary = [
      s.online ? t.online : t.offline,
      s.pending > 0 ? t.pending(n.format(s.pending)) : t.nonePending,
      ...(s.refusals.length > 0 ? [t.refusals(n.format(s.refusals.length))] : []),
    ].join(this.locale === 'en' ? ' · ' : '，');
    return html`<section aria-label=${t.region}>
      <div class="bar">
        <p class="status" part="status" role="status" aria-live="polite">
          <span class="state ${s.online ? 'online' : 'offline'}">${summary}</span>
        </p>
        <button type="button" part="sync-now" ?disabled=${!s.online || this.asking} @click=${() => void this.syncNow()}>${this.asking || s.syncing ? t.syncing : t.syncNow}</button>
      </div>
      <p class="muted">
        <span part="last-sync">${s.lastSyncAt ? t.lastSync(chinaDateTime(s.lastSyncAt)) : t.neverSynced}</span>
        · <span part="session">${session ? t.signedIn(session.actor.name ?? session.actor.id, session.scope.name ?? session.scope.id) : t.signedOut}</span>
      </p>
      ${s.error ? html`<p class="error" part="error" role="alert">${t.error(s.error.message[this.locale])}</p>` : nothing}
      ${s.refusals.length > 0
        ? html`<div class="refusals" part="refusals">
            <strong>${t.refusalsTitle}</strong>
            <ul>
              ${s.refusals.map(
                (r) => html`<li>
                  <span>${t.refusal(r.event.type, r.key, r.message[this.locale])}</span>
                  <button type="button" part="dismiss" aria-label=${t.dismissLabel(r.key)} @click=${() => this.sync.control?.dismiss(r.mutationId)}>${t.dismiss}</button>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
    </section>`;
  }
}

/** The events `<bh-sync-status>` fires (only the base class's `bh-problem`). */
export type BhSyncStatusEventMap = BihuanElementEventMap;

// Listeners typed by the map above.
export interface BhSyncStatus { addEventListener: AddTypedListener<BhSyncStatus, BhSyncStatusEventMap>; removeEventListener: RemoveTypedListener<BhSyncStatus, BhSyncStatusEventMap> }
