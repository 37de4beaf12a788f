import { html, nothing, type PropertyDeclarations } from 'lit';
import { chinaDateTime } from '@bihuan/core/export';
import {
  ATTACHMENT_REMOVER_ROLES,
  ATTACHMENT_TYPES,
  addAttachment,
  attachmentLabel,
  attachmentRuleOfKind,
  attachmentsAsSeen,
  attachmentStoreSpec,
  attachmentWithheld,
  formatBytes,
  hashPrefix,
  listAttachments,
  removeAttachment,
  type Attachment,
  type AttachmentCollections,
  type AttachmentType,
} from '@bihuan/core/attachment';
import { DISPUTE_PERSONAL_DATA_ROLES } from '@bihuan/core/dispute';
import type { Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { scrollRegion } from '../../internal/figures.js';
import { formStyles } from '../../internal/form-styles.js';
import { booleanGuard, idGuard, nowGuard, objectWithMethods, oneOfGuard, storeGuard, stringListGuard, textGuard } from '../../internal/guard.js';
import { newId } from '../../internal/new-id.js';
import { nowMs } from '../../internal/now.js';
import { wordsOf } from '../../internal/problem.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { attachmentsMessages, type AttachmentsMessages } from './attachments.messages.js';
import { attachmentsStyles } from './attachments.styles.js';

/** `bh-attachment-added` / `bh-attachment-removed`: the attachment record as stored. */
export type AttachmentDetail = Attachment;

/** `bh-attachment-opened`: a file's bytes, read here or fetched from the server, about to be saved (cancel it to show them yourself). */
export interface AttachmentOpenedDetail {
  /** The record as the viewer sees it (masked for a viewer who may not see personal data). */
  readonly attachment: Attachment;
  readonly blob: Blob;
}

/** What `<bh-attachments>` needs of a synced store's `sync` control (`SyncControl` in `@bihuan/core/sync`). */
export interface AttachmentFetcher {
  fetchFile(attachmentId: string): Promise<Blob | undefined>;
  /** When given: the server's records of the item's files (others' new files, withdrawals made elsewhere), asked once per item shown. */
  pullFiles?(collection: string, key: string): Promise<readonly unknown[]>;
}

/** The roles that see an item kind's personal data in clear, when the page names none: the loop's own (a kind without any shows everything). */
const PERSONAL_DATA_ROLES: Readonly<Record<string, readonly string[]>> = { dispute: DISPUTE_PERSONAL_DATA_ROLES };

/** A file being fetched, or why it could not be. */
type Fetching = 'loading' | 'failed' | 'missing';

/**
 * The attachments of one item (a dispute, a task order …): photos, the signed agreement's scan,
 * notices. Files are added with the file picker or by dropping them; each shows its type, size,
 * the first 12 digits of its SHA-256, who added it and when; whoever added one (or a supervisor)
 * may remove it. A file refused — empty, above 20 MB, a format its type does not take, the same
 * file twice on the item — is listed with its reason, and nothing of it is stored.
 *
 * Each file can be downloaded: from this browser's store when its bytes are here, else fetched
 * from the server on demand through `sync` (a synced store's `sync` control, `fetchFile`), with
 * "fetching" and "could not fetch, retry" shown in its row.
 *
 * Personal data follows core's one rule (`attachmentsAsSeen`, `attachmentWithheld`): a viewer whose
 * role may not see it in clear (a supervisor, a department's liaison on a dispute) never sees a
 * file's name — "附件 3（JPEG，240.0 KB）" instead — and is not offered the bytes of a person's
 * papers, a signed agreement, a notice or any other file; photos of the site stay available.
 *
 * @tagname bh-attachments
 * @summary Attachments of an item: add by picker or drop, list with size and hash, remove where allowed.
 *
 * @csspart form - The type selector, file picker and drop zone.
 * @csspart drop - The drop zone.
 * @csspart table - The list of attachments.
 * @csspart refused - The files refused, with their reasons.
 * @csspart status - The confirmation after adding or removing.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 * @csspart download - Each file's download button.
 * @csspart fetch-state - A file's "fetching" or "could not fetch" message, in its row.
 * @csspart withheld - The note in place of the download for a file the viewer may not have.
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons, focus rings and the drop zone while dragging.
 * @cssprop [--bh-color-bad=#b42318] - Refusals.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<AttachmentDetail>} bh-attachment-added - A file was attached; `detail` is the stored record.
 * @fires {CustomEvent<AttachmentDetail>} bh-attachment-removed - An attachment was removed; `detail` is the record, `removedAt` set.
 * @fires {CustomEvent<AttachmentOpenedDetail>} bh-attachment-opened - A file's bytes are at hand and about to be saved; cancelable (the page shows them itself).
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhAttachments extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, attachmentsStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    itemKind: { attribute: 'item-kind', guard: textGuard(40) },
    itemId: { attribute: 'item-id', guard: idGuard },
    viewer: { guard: idGuard },
    viewerRole: { attribute: 'viewer-role', guard: textGuard(60) },
    viewerName: { attribute: 'viewer-name', guard: textGuard(60) },
    personalDataRoles: { attribute: false, guard: stringListGuard({ 'zh-CN': '角色列表', en: 'a list of roles' }) },
    sync: { attribute: false, guard: objectWithMethods({ 'zh-CN': '同步控制（含 fetchFile 方法，同步存储的 sync）', en: 'a sync control with fetchFile (a synced store’s sync)' }, ['fetchFile']) },
    defaultType: { attribute: 'default-type', guard: oneOfGuard(ATTACHMENT_TYPES) },
    readonly: { type: Boolean, guard: booleanGuard },
    now: { guard: nowGuard },
    attachments: { state: true },
    refusals: { state: true },
    status: { state: true },
    over: { state: true },
    fetching: { state: true },
  };

  /** The store of attachment records and their blobs (`attachmentStoreSpec`); the default IndexedDB store when absent. */
  store?: Store<AttachmentCollections>;
  /** The kind of item (`dispute`, `taskOrder` …). */
  itemKind = 'dispute';
  /** The item's id; nothing is listed without it. */
  itemId = '';
  /** Who is adding files (an id); without it the list is read-only. */
  viewer?: string;
  /** The viewer's role (a `supervisor` may remove anyone's file). */
  viewerRole = 'mediator';
  /** The viewer's name, kept in the record. */
  viewerName?: string;
  /** The type preselected for new files. */
  defaultType: AttachmentType = 'photo';
  /** Only list: no adding or removing. */
  readonly = false;
  /** The time recorded for a new file (ISO instant, Date or epoch ms); now when absent. */
  now?: string | number | Date;
  /** Roles that see personal data in clear (for a dispute, core's `DISPUTE_PERSONAL_DATA_ROLES` by default; other kinds: everyone). */
  personalDataRoles?: readonly string[];
  /** Where bytes that are not in this browser come from: a synced store's `sync` control (its `fetchFile`). */
  sync?: AttachmentFetcher;

  private attachments: Attachment[] = [];
  private refusals: { name: string; reason: string }[] = [];
  private status = '';
  private over = false;
  private fetching = new Map<string, Fetching>();
  /** The items whose records were asked of the server (`sync.pullFiles`), once each. */
  private readonly pulled = new Set<string>();
  private readonly data = new StoreController<AttachmentCollections>(this, attachmentStoreSpec, async (store) => {
    // Every record of the item, so that a masked file's number counts withdrawn ones too; then the live ones.
    this.attachments = this.itemId ? await listAttachments(store, { kind: this.itemKind, id: this.itemId }) : [];
    this.pullOnce();
  });

  /** Asks the server for the item's records once (new files from others, withdrawals made elsewhere); the store's change reloads the list. */
  private pullOnce(): void {
    const collection = attachmentRuleOfKind(this.itemKind)?.collection;
    const key = `${this.itemKind}\u0000${this.itemId}`;
    if (!this.itemId || !collection || typeof this.sync?.pullFiles !== 'function' || this.pulled.has(key)) return;
    this.pulled.add(key);
    try {
      void this.sync.pullFiles(collection, this.itemId).catch(() => undefined); // offline: the records here stand
    } catch {
      // A sync that throws at once leaves the records here as they are.
    }
  }

  /** Whether the viewer sees the item's personal data (file names, papers) in clear. */
  private get clear(): boolean {
    const roles = this.personalDataRoles ?? (Object.hasOwn(PERSONAL_DATA_ROLES, this.itemKind) ? PERSONAL_DATA_ROLES[this.itemKind]! : []);
    return roles.length === 0 || roles.includes(this.viewerRole);
  }

  /** The item's live files as the viewer sees them. */
  private get shown(): Attachment[] {
    return attachmentsAsSeen(this.attachments, this.clear).filter((a) => a.removedAt === undefined);
  }

  private label(a: Attachment): string {
    return attachmentLabel(a, this.locale);
  }

  private get t(): AttachmentsMessages {
    return attachmentsMessages[this.locale];
  }

  override updated(changed: Map<string, unknown>): void {
    super.updated(changed);
    if ((changed.has('itemId') || changed.has('itemKind')) && this.data.store) void this.data.reload();
  }

  private get actor() {
    return { id: this.viewer!, role: this.viewerRole, ...(this.viewerName ? { name: this.viewerName } : {}) };
  }

  private get canEdit(): boolean {
    return !this.readonly && !!this.viewer && !!this.itemId;
  }

  private mayRemove(a: Attachment): boolean {
    return this.canEdit && (a.addedBy.id === this.viewer || ATTACHMENT_REMOVER_ROLES.includes(this.viewerRole));
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
    const c = t.columns;
    const shown = this.shown;
    return html`<section aria-label=${t.region}>
      <p class="status" part="status" role="status">${this.status}</p>
      ${this.clear ? nothing : html`<p class="note">${t.maskedNote}</p>`}
      ${shown.length === 0
        ? html`<p class="empty">${t.empty}</p>`
        : scrollRegion(
            t.caption(shown.length),
            html`<table part="table">
              <caption>${t.caption(shown.length)}</caption>
              <thead>
                <tr><th scope="col">${c.name}</th><th scope="col">${c.type}</th><th scope="col" class="num">${c.size}</th><th scope="col">${c.hash}</th><th scope="col">${c.by}</th><th scope="col">${c.at}</th><th scope="col">${c.content}</th>${this.canEdit ? html`<th scope="col">${c.actions}</th>` : nothing}</tr>
              </thead>
              <tbody>
                ${shown.map(
                  (a) => html`<tr>
                    <th scope="row">${this.label(a)}</th>
                    <td>${t.types[a.type]}</td>
                    <td class="num">${formatBytes(a.size)}</td>
                    <td class="hash" title=${a.sha256}>${hashPrefix(a.sha256)}</td>
                    <td>${a.addedBy.name ?? a.addedBy.id}</td>
                    <td>${chinaDateTime(Date.parse(a.addedAt))}</td>
                    <td>${this.renderContentCell(a)}</td>
                    ${this.canEdit ? html`<td>${this.mayRemove(a) ? html`<button type="button" aria-label=${t.remove(this.label(a))} @click=${() => this.removeOne(a)}>${t.removeShort}</button>` : nothing}</td>` : nothing}
                  </tr>`,
                )}
              </tbody>
            </table>`,
          )}
      ${this.canEdit ? this.renderForm() : this.readonly ? nothing : html`<p class="note">${t.noViewer}</p>`}
    </section>`;
  }

  /** A file's download, its fetching state in place, or why the viewer is not offered it. */
  private renderContentCell(a: Attachment) {
    const t = this.t;
    if (attachmentWithheld(a, this.clear)) return html`<span part="withheld" class="note">${t.withheld}</span>`;
    const state = this.fetching.get(a.id);
    if (state === 'loading') return html`<span part="fetch-state" role="status">${t.fetching}</span>`;
    const button = html`<button type="button" part="download" aria-label=${(state ? t.retryNamed : t.downloadNamed)(this.label(a))} @click=${() => void this.open(a)}>${state ? t.retry : t.download}</button>`;
    if (!state) return button;
    return html`<span part="fetch-state" class="bad" role="alert">${state === 'failed' ? t.fetchFailed : t.notHere}</span> ${state === 'failed' ? button : nothing}`;
  }

  /**
   * Saves a file: its bytes from this browser's store, or fetched from the server (`sync.fetchFile`)
   * when they are not here; "fetching" and a failure are shown in its row. Never throws.
   */
  async open(attachment: Attachment): Promise<void> {
    const store = this.data.store;
    const a = this.shown.find((x) => x.id === attachment?.id);
    if (!store || !a || attachmentWithheld(a, this.clear) || this.fetching.get(a.id) === 'loading') return;
    const set = (state: Fetching | undefined) => {
      const next = new Map(this.fetching);
      if (state) next.set(a.id, state);
      else next.delete(a.id);
      this.fetching = next;
    };
    let blob: Blob | undefined;
    try {
      blob = await store.getBlob(a.id);
      if (!blob && this.sync) {
        set('loading');
        blob = await this.sync.fetchFile(a.id);
      }
    } catch {
      blob = undefined;
    }
    if (!blob) return set(this.sync ? 'failed' : 'missing');
    set(undefined);
    const detail: AttachmentOpenedDetail = { attachment: a, blob };
    if (!this.dispatchEvent(new CustomEvent<AttachmentOpenedDetail>('bh-attachment-opened', { detail, bubbles: true, composed: true, cancelable: true }))) return;
    this.save(a, blob);
  }

  private save(a: Attachment, blob: Blob): void {
    try {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = a.name;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      // A browser that refuses the download leaves the row as it was.
    }
  }

  private renderForm() {
    const t = this.t;
    return html`<form part="form" aria-labelledby="att-title" @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend id="att-title">${t.addTitle}</legend>
        <div class="field">
          <label for="att-type">${t.type}</label>
          <select id="att-type" @change=${(e: Event) => (this.defaultType = (e.target as HTMLSelectElement).value as AttachmentType)}>
            ${ATTACHMENT_TYPES.map((k) => html`<option value=${k} ?selected=${k === this.defaultType}>${t.types[k]}</option>`)}
          </select>
        </div>
        <div
          class="drop ${this.over ? 'over' : ''}"
          part="drop"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)}
          @drop=${(e: DragEvent) => {
            e.preventDefault();
            this.over = false;
            void this.addFiles([...(e.dataTransfer?.files ?? [])]);
          }}
        >
          <label for="att-file">${t.pick}</label>
          <input id="att-file" type="file" multiple aria-describedby="att-limits" @change=${(e: Event) => this.picked(e.target as HTMLInputElement)} />
          <span>${t.drop}</span>
        </div>
        <p class="note" id="att-limits">${t.limits}</p>
        ${this.refusals.length
          ? html`<div part="refused" class="refused" role="alert">
              <p>${t.refusedTitle}</p>
              <ul>${this.refusals.map((r) => html`<li>${r.name}：${r.reason}</li>`)}</ul>
            </div>`
          : nothing}
      </fieldset>
    </form>`;
  }

  private picked(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.addFiles(files);
  }

  /** Adds files one by one (each checked on its own); refused ones are listed with their reasons. */
  async addFiles(files: readonly File[]): Promise<void> {
    const store = this.data.store;
    if (!store || !this.canEdit) return;
    const refusals: { name: string; reason: string }[] = [];
    const added: string[] = [];
    for (const file of files) {
      try {
        const r = await addAttachment(
          store,
          { id: newId('ATT'), item: { kind: this.itemKind, id: this.itemId }, type: this.defaultType, addedBy: this.actor, addedAt: new Date(nowMs(this.now)).toISOString() },
          file,
          { clear: this.clear },
        );
        if (r.ok) {
          this.attachments = [...this.attachments.filter((x) => x.id !== r.value.id), r.value]; // a reload may have listed it already
          added.push(r.value.id);
          this.dispatchEvent(new CustomEvent<AttachmentDetail>('bh-attachment-added', { detail: r.value, bubbles: true, composed: true }));
        } else refusals.push({ name: file.name, reason: r.reason.message[this.locale] });
      } catch (error) {
        refusals.push({ name: file.name, reason: wordsOf(error, this.locale) });
      }
    }
    this.refusals = refusals;
    const shown = this.shown;
    this.status = added.map((id) => this.t.added(this.label(shown.find((x) => x.id === id)!))).join(' ');
  }

  private async removeOne(a: Attachment): Promise<void> {
    const store = this.data.store;
    if (!store || !this.viewer) return;
    try {
      const r = await removeAttachment(store, a.id, { actor: this.actor, at: new Date(nowMs(this.now)).toISOString() }, { clear: this.clear });
      if (r.ok) {
        this.attachments = this.attachments.map((x) => (x.id === a.id ? r.value : x));
        this.refusals = [];
        this.status = this.t.removed(this.label(a));
        this.dispatchEvent(new CustomEvent<AttachmentDetail>('bh-attachment-removed', { detail: r.value, bubbles: true, composed: true }));
      } else this.refusals = [{ name: this.label(a), reason: r.reason.message[this.locale] }];
    } catch (error) {
      this.refusals = [{ name: this.label(a), reason: wordsOf(error, this.locale) }];
    }
  }
}

/** The events `<bh-attachments>` fires, with their `detail` types (all bubble and are composed). */
export interface BhAttachmentsEventMap extends BihuanElementEventMap {
  'bh-attachment-added': CustomEvent<AttachmentDetail>;
  'bh-attachment-removed': CustomEvent<AttachmentDetail>;
  'bh-attachment-opened': CustomEvent<AttachmentOpenedDetail>;
}

export interface BhAttachments { addEventListener: AddTypedListener<BhAttachments, BhAttachmentsEventMap>; removeEventListener: RemoveTypedListener<BhAttachments, BhAttachmentsEventMap> }
