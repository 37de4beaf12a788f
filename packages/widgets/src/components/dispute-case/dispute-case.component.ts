import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type DisputeState, type DisputeRole, type DepartmentRegistry, type DisputeCollections, type DisputeEvent, type DisputeItem, type DisputeStore, CHANNEL_LABELS, DISPUTE_CATEGORY_LABELS, DISPUTE_LINK_EVENTS, MEDIATION_MODE_LABELS, REFERRAL_TARGET_LABELS, applyDisputeEvent, defaultDepartmentRegistry, disputeLoop, disputeStoreSpec } from '@bihuan/core/dispute';
import { chinaDate, chinaDateTime } from '@bihuan/core/export';
import { type HistoryEntry, type Refusal, CREATED, availableEvents, overdue } from '@bihuan/core/loop';
import { BihuanError, type Locale } from '@bihuan/core/schema';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { formStyles } from '../../internal/form-styles.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import {
  type NowInput,
  departmentName,
  departmentNames,
  emit,
  nowMs,
  roleLabel,
  seesPersonalData,
  stateLabel,
  text,
  viewerProperties,
} from '../../internal/dispute-view.js';
import { type ActionField, actionFields } from '../../internal/action-form.js';
import { type ActionStep, LoopActions } from '../../internal/loop-actions.js';
import { type ActionDraft, type ActionContext, DISPUTE_ACTIONS, describePayload } from './dispute-case.actions.js';
import { disputeCaseMessages, type DisputeCaseMessages } from './dispute-case.messages.js';
import { disputeCaseStyles } from './dispute-case.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { idGuard } from '../../internal/guard.js';
import { viewerItem } from '../../internal/masking.js';
import { type SyncRefusalLike, type ViewerActor, SyncMarksController, actingAs, markWords, syncMarkStyles, viewerOf, viewerRoles } from '../../internal/session.js';
import { conflictOf } from '../../internal/conflict.js';
import { formatDeadline } from '../../internal/deadline.js';
import { escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import { aside, joinClauses, labelled, standalone } from '../../internal/words.js';
import { type Attachment, type AttachmentCollections, listAttachments } from '@bihuan/core/attachment';
import type { Store } from '@bihuan/core/store';
import { storeGuard } from '../../internal/guard.js';
import { attachmentPanelStore, attachmentSource, attachmentFetcher } from '../../internal/attachment-source.js';
import '../attachments/define.js';
import { focusPreview, printButton, printPreview } from '../../internal/print-view.js';

// An event's name from the loop's definition (the case acts on the loop; the ledger, which only lists, has no need of it).
const eventLabel = (event: string, locale: Locale): string => standalone(text(disputeLoop.events[event as keyof typeof disputeLoop.events]?.label, locale, event), locale);

/** The documents a case prints, and when each has something to print. */
const CASE_DOCUMENTS = ['intake', 'agreement', 'followUp'] as const;
type CaseDocument = (typeof CASE_DOCUMENTS)[number];
const printableNow = (item: DisputeItem, doc: CaseDocument): boolean =>
  doc === 'intake' ? true : doc === 'agreement' ? item.data.outcome?.kind === 'settled' : item.data.followUps.length > 0;

/** `bh-dispute-transition`: an action was accepted and stored. */
export interface DisputeTransitionDetail {
  readonly id: string;
  readonly event: DisputeEvent;
  readonly from: DisputeState;
  readonly to: DisputeState;
  readonly dispute: DisputeItem;
}

/** `bh-dispute-refused`: the loop refused an action; `message` is core's reason in the page's language. */
export interface DisputeRefusedDetail {
  readonly id: string;
  readonly event: DisputeEvent;
  readonly code: Refusal['code'];
  readonly rule?: string;
  readonly field?: string;
  readonly message: string;
  readonly reason: Refusal;
}


/**
 * One dispute for the centre's staff: its facts, parties (masked unless the viewer's role may see
 * them), the timeline from its history (who, when, what, notes), and the actions the viewer's role
 * may take now — only those (`availableEvents`). Each action opens the fields it needs
 * (departments by presence; joint mediation's bodies; the settlement; the follow-up's outcome and
 * satisfaction); the loop engine decides, and a refusal is shown with core's reason.
 *
 * @tagname bh-dispute-case
 * @summary One dispute: facts, timeline, and the actions the viewer's role may take now.
 *
 * @csspart header - Title, number and facts.
 * @csspart parties - The parties.
 * @csspart timeline - The history, oldest first.
 * @csspart escalated - The mark of a case escalated by rule (超期升级), beside its state.
 * @csspart actions - The action buttons.
 * @csspart action-form - The open action's fields.
 * @csspart refusal - Core's reason when an action is refused.
 * @csspart status - The confirmation after an action.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message (no such dispute, a store failure).
 * @csspart pending - The mark on a dispute whose last event the server has not accepted yet (synced store).
 * @csspart sync-refusal - The server's reason for refusing the viewer's last event (synced store).
 * @csspart conflict - What happened when someone else acted first: who did what, the state now, the actions now.
 * @csspart attachments - The case's attachments (`<bh-attachments>`: the signed agreement's scan, photos, notices).
 * @csspart print - The buttons that preview and print the case's documents (受理登记表, 协议书 once settled, 回访记录 once followed up).
 * @csspart print-view - The open document (`<bh-print-document>`), filled from the case as the viewer may see it.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Labels and times.
 * @cssprop [--bh-color-surface=#ffffff] - Field background.
 * @cssprop [--bh-color-border=#d0d7de] - The timeline's line.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - The confirmation.
 * @cssprop [--bh-color-bad=#b42318] - Refusals and overdue marks.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * On a synced store (`createSyncedStore`, signed in) the actor — id, name, role, unit — comes from
 * the store's session; `viewer-role`, `viewer-id` and `viewer-unit` then change nothing and are
 * for local-only use. An event the server has not accepted yet is marked pending; one it refused
 * is shown with its reason, and when someone else acted first, who did what, the state now and
 * the actions offered now.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @attr {string} viewer-role - Local-only (ignored on a synced store, whose session decides): the viewer's role (`intakeClerk`, `mediator`, `departmentLiaison`, `supervisor`): decides the actions offered and whether personal data show in clear.
 * @attr {string} viewer-id - Local-only (ignored on a synced store): the viewer's id, recorded as the actor of what they do.
 * @attr {string} viewer-unit - Local-only (ignored on a synced store): the body the viewer acts for (a department liaison's department id, e.g. `court`), recorded with what they do: a liaison mediates only for a body the dispute is routed to.
 * @attr {string} now - The moment to judge deadlines at (ISO instant); the clock's when absent.
 * @fires {CustomEvent<DisputeTransitionDetail>} bh-dispute-transition - An action was accepted and stored; `detail`: `{ id, event, from, to, dispute }`.
 * @fires {CustomEvent<DisputeRefusedDetail>} bh-dispute-refused - The loop refused an action; `detail`: `{ id, event, code, rule, field, message, reason }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The dispute could not be found or read.
 */
export class BhDisputeCase extends BihuanElement {
  static override styles = [themeStyles, formStyles, disputeCaseStyles, syncMarkStyles, escalationStyles];

  static override properties: PropertyDeclarations = {
    ...viewerProperties,
    disputeId: { type: String, attribute: 'dispute-id', guard: idGuard },
    viewerUnit: { type: String, attribute: 'viewer-unit', guard: idGuard },
    dispute: { state: true },
    action: { state: true },
    draft: { state: true },
    refusal: { state: true },
    notice: { state: true },
    busy: { state: true },
    attachmentStore: { attribute: false, guard: storeGuard },
    scans: { state: true },
    printing: { state: true },
  };

  /** A store holding core's `disputeStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: DisputeStore;
  /** The number of the dispute to show. */
  disputeId = '';
  /** Local-only (a synced store's session decides instead): the viewer's role (`intakeClerk`, `mediator`, `departmentLiaison`, `supervisor`): decides the actions offered and whether personal data show. */
  viewerRole?: DisputeRole;
  /** Local-only (a synced store's session decides instead): the viewer's id, recorded in the history of what they do. */
  viewerId = 'staff';
  /** Local-only (a synced store's session decides instead): the body the viewer acts for (a liaison's department id), recorded with what they do. */
  viewerUnit?: string;
  /** The moment actions are recorded at, and overdue is judged at; the clock's by default. */
  now: NowInput;
  /** The centre's departments (names, and the routing choices by presence). */
  registry?: DepartmentRegistry;
  /** Roles that see personal data in clear (core's `DISPUTE_PERSONAL_DATA_ROLES` by default). */
  personalDataRoles?: readonly string[];
  /**
   * Where the case's attachments are kept (a store of `attachmentStoreSpec`): the dispute store
   * when it keeps them too, the default IndexedDB attachment store otherwise. A settlement is
   * checked against them: it needs the signed agreement's scan (`agreement_scan_required`).
   */
  attachmentStore?: Store<AttachmentCollections>;

  private scans: readonly Attachment[] = [];
  private printing: CaseDocument | undefined;

  private dispute: DisputeItem | null | undefined;
  private action: DisputeEvent | undefined;
  private draft: ActionDraft = {};
  private refusal: Refusal | undefined;
  private notice = '';
  private busy = false;
  private loadedId = '';
  private readonly syncMarks = new SyncMarksController(this, () => this.store);
  private readonly storeController = new StoreController<DisputeCollections>(this, disputeStoreSpec, async (store) => {
    const id = this.disputeId;
    const found = id ? await store.get('disputes', id) : undefined;
    if (id !== this.disputeId) return;
    this.loadedId = id;
    this.dispute = (found as DisputeItem | undefined) ?? null;
    await this.loadScans();
  });

  /** The store the case's attachments are kept in (see `attachmentStore`). */
  private attachmentSource(): Promise<Store<AttachmentCollections>> {
    return attachmentSource(this.attachmentStore, this.storeController.store);
  }

  /** The signed agreement scans attached to the case, for the settlement's choice; a store that cannot be read lists none (the attachments panel shows why). */
  private async loadScans(): Promise<void> {
    const id = this.disputeId;
    if (!id) return;
    try {
      const all = await listAttachments(await this.attachmentSource(), { kind: 'dispute', id }, { live: true });
      if (id === this.disputeId) this.scans = all.filter((a) => a.type === 'agreementScan');
    } catch {
      this.scans = [];
    }
  }

  private onAttachmentsChanged = (): void => {
    void this.loadScans().then(() => {
      // A scan just attached (or removed) is the settlement's choice when it is the only one.
      if (this.action === 'settle' && this.dispute) {
        const ids = this.scans.map((a) => a.id);
        if (typeof this.draft.document !== 'string' || !ids.includes(this.draft.document)) this.draft = { ...this.draft, document: ids.length === 1 ? ids[0]! : '' };
      }
    });
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('disputeId') && this.disputeId !== this.loadedId) {
      this.dispute = undefined;
      this.action = undefined;
      this.refusal = undefined;
      this.notice = '';
      void this.storeController.reload();
    }
  }

  /** Who acts: the session's actor on a synced store, the `viewer-*` attributes otherwise. */
  get viewer(): ViewerActor {
    return viewerOf(this.store, disputeLoop.roles, { id: this.viewerId, role: this.viewerRole, unit: this.viewerUnit });
  }

  /** The actions the viewer's role may take on the dispute now. */
  get available(): readonly DisputeEvent[] {
    return this.dispute ? this.availableIn(this.dispute.state) : [];
  }

  private availableIn(state: string): readonly DisputeEvent[] {
    // A session with several roles is offered what any of them allows.
    const offered = new Set<DisputeEvent>();
    for (const role of viewerRoles(this.store, disputeLoop.roles, { id: this.viewerId, role: this.viewerRole })) for (const e of this.availableAs(state, role)) offered.add(e);
    return [...offered];
  }

  private availableAs(state: string, role: string): readonly DisputeEvent[] {
    // The original's side of a merge is written with the duplicate's merge, never on its own.
    return availableEvents(disputeLoop, { state: state as DisputeState }, role as keyof typeof disputeLoop.roles).filter((e) => !(DISPUTE_LINK_EVENTS as readonly string[]).includes(e) && e !== 'escalate'); // escalation runs by rule (escalationsDueAt)
  }

  /** The viewer as the actor of `event`: in the first of their roles that may take it now. */
  private actorFor(event: DisputeEvent): ViewerActor {
    const viewer = this.viewer;
    const state = this.dispute?.state ?? '';
    const role = viewerRoles(this.store, disputeLoop.roles, { id: this.viewerId, role: this.viewerRole }).find((r) => this.availableAs(state, r).includes(event));
    return role ? actingAs(viewer, role) : viewer;
  }

  /** Opens an action's fields (as its button does). */
  open(event: DisputeEvent): void {
    this.action = event;
    this.refusal = undefined;
    this.notice = '';
    this.draft = this.dispute ? (DISPUTE_ACTIONS[event]?.defaults(this.actionContext(this.dispute)) ?? {}) : {};
  }

  /**
   * Sends an action to the loop with the given payload (or the open form's), stores the result and
   * reports it. Resolves to the refusal, or undefined when accepted.
   */
  async act(event: DisputeEvent, payload?: unknown, note?: string): Promise<Refusal | undefined> {
    const dispute = this.dispute;
    const store = this.storeController.store;
    if (!dispute || !store) return undefined;
    this.busy = true;
    try {
      // A settlement is checked against the case's attachments as stored: without the signed scan it is refused.
      const attachments = event === 'settle' ? await this.attachmentSource() : undefined;
      // A merge (and its undoing) writes the original too, in one batch.
      const step: ActionStep = (s, id, e) => applyDisputeEvent(s as DisputeStore, id, e, this.registry ? { registry: this.registry } : undefined, attachments ? { attachments } : {});
      const outcome = await this.actions.apply(store, dispute.id, event, payload, this.actorFor(event), nowMs(this.now), { ...(note ? { note } : {}), step });
      // The store failed (a host's store that rejects): said in place; the problem event tells the page.
      if (!outcome.ok && outcome.problem) this.notice = outcome.problem;
      if (outcome.ok || !outcome.reason) return undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.refusal')?.focus();
      return outcome.reason;
    } finally {
      this.busy = false;
    }
  }

  /** Runs the case's actions: one store write each, the accepted case shown from the write's own result, a refusal shown in place. */
  private readonly actions = new LoopActions(this, {
    def: disputeLoop,
    collection: 'disputes',
    write: (action) => this.storeController.write(action as never),
    accepted: (id, event, snapshot) => {
      const before = this.dispute!;
      const next = snapshot as DisputeItem;
      this.dispute = next;
      this.action = undefined;
      this.refusal = undefined;
      this.notice = disputeCaseMessages[this.locale].done(eventLabel(event, this.locale), stateLabel(before.state, this.locale), stateLabel(next.state, this.locale));
      emit<DisputeTransitionDetail>(this, 'bh-dispute-transition', { id, event: event as DisputeEvent, from: before.state, to: next.state, dispute: next });
    },
    refused: (id, event, reason) => {
      this.refusal = reason;
      emit<DisputeRefusedDetail>(this, 'bh-dispute-refused', {
        id,
        event: event as DisputeEvent,
        code: reason.code,
        ...(reason.rule !== undefined ? { rule: reason.rule } : {}),
        ...(reason.field !== undefined ? { field: reason.field } : {}),
        message: reason.message[this.locale],
        reason,
      });
    },
  });

  /** What the action table works an action's form out from. */
  private actionContext(item: DisputeItem): ActionContext {
    return { item, locale: this.locale, t: disputeCaseMessages[this.locale], registry: this.registry ?? defaultDepartmentRegistry, viewerId: this.viewerId, today: chinaDate(nowMs(this.now)), scans: this.scans };
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    if (!this.action) return;
    const note = typeof this.draft.note === 'string' ? this.draft.note.trim() : '';
    void this.act(this.action, DISPUTE_ACTIONS[this.action]?.payload(this.draft), note || undefined);
  };

  private setDraft(key: string, value: string | boolean | string[]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  protected override renderContent(): unknown {
    const t = disputeCaseMessages[this.locale];
    if (this.storeController.error) throw this.storeController.error;
    // No dispute chosen yet is a state of the page, not a fault: say what to do.
    if (!this.disputeId) return html`<p class="muted" role="status">${t.noId}</p>`;
    if (this.dispute === undefined) return html`<p class="muted" role="status" part="loading">${t.loading}</p>`;
    if (this.dispute === null) throw new BihuanError('not_found', { 'zh-CN': disputeCaseMessages['zh-CN'].notFound(this.disputeId), en: disputeCaseMessages.en.notFound(this.disputeId) });
    const clear = seesPersonalData(this.viewer.role || undefined, this.personalDataRoles);
    // Everything below renders the viewer's copy: personal fields masked as the schema marks them.
    const item = viewerItem(disputeLoop, this.dispute, clear);
    return html`<div class=${this.printing ? 'case printing' : 'case'}>${this.renderHeader(t, item)} ${this.renderParties(t, item, clear)}
      <section aria-labelledby="timeline-h">
        <h3 id="timeline-h">${t.timeline}</h3>
        <ol class="timeline" part="timeline">${item.history.map((h) => this.renderEntry(t, h as HistoryEntry, item))}</ol>
      </section>
      ${this.renderAttachments(t, item)}
      ${this.renderActions(t, item)}</div>
      ${this.renderPrint(t)}`;
  }

  /** The case's files: the signed agreement's scan, photos, notices — added by whoever may act on the case. */
  private renderAttachments(t: DisputeCaseMessages, item: DisputeItem): TemplateResult {
    const viewer = this.viewer;
    const store = attachmentPanelStore(this.attachmentStore, this.storeController.store);
    return html`<section aria-labelledby="attachments-h" part="attachments">
      <h3 id="attachments-h">${t.attachments}</h3>
      <bh-attachments
        .store=${store}
        .sync=${attachmentFetcher(this.store)}
        lang=${this.locale}
        item-kind="dispute"
        item-id=${item.id}
        viewer=${viewer.role ? viewer.id : nothing}
        viewer-role=${viewer.role || nothing}
        viewer-name=${viewer.name ?? nothing}
        default-type=${item.state === 'mediating' ? 'agreementScan' : 'photo'}
        ?readonly=${!viewer.role}
        .now=${this.now}
        @bh-attachment-added=${this.onAttachmentsChanged}
        @bh-attachment-removed=${this.onAttachmentsChanged}
      ></bh-attachments>
    </section>`;
  }

  /** The case's documents, each printed from the record as the viewer may see it (see `<bh-print-document>`). */
  private renderPrint(t: DisputeCaseMessages): TemplateResult {
    const dispute = this.dispute!;
    const docs = CASE_DOCUMENTS.filter((d) => printableNow(dispute, d));
    const open = this.printing && docs.includes(this.printing) ? this.printing : undefined;
    return html`<section aria-labelledby="print-h" part="print" class="print-section">
      <h3 id="print-h" class="screen-only">${t.print}</h3>
      <p class="muted screen-only">${t.printHint}</p>
      <div class="actions screen-only">${docs.map((d) => printButton(d, t.printOpen(t.printDocs[d]), open === d, () => void this.togglePrint(d)))}</div>
      ${open ? printPreview({ document: open, record: dispute, locale: this.locale, viewerRole: this.viewer.role, personalDataRoles: this.personalDataRoles }) : nothing}
    </section>`;
  }

  private async togglePrint(doc: CaseDocument): Promise<void> {
    this.printing = this.printing === doc ? undefined : doc;
    await this.updateComplete;
    await focusPreview(this.renderRoot);
  }

  private renderHeader(t: DisputeCaseMessages, item: DisputeItem): TemplateResult {
    const d = item.data;
    const l = this.locale;
    const late = item.deadline !== undefined && overdue(item, nowMs(this.now));
    const outcome = d.outcome
      ? d.outcome.kind === 'settled'
        ? labelled(t.settled, joinClauses(d.outcome.settlement.terms, l), l)
        : t.referred(REFERRAL_TARGET_LABELS[d.outcome.referral.to][l])
      : '';
    return html`<header part="header">
      <h2>${d.title}</h2>
      <p class="id">${item.id}${this.syncMarks.marks('disputes', item.id)}</p>
      <dl class="facts">
        <dt>${t.state}</dt><dd>${stateLabel(item.state, l)}${escalationMark(item, l)}</dd>
        <dt>${t.category}</dt><dd>${DISPUTE_CATEGORY_LABELS[d.category][l]}</dd>
        <dt>${t.channel}</dt><dd>${CHANNEL_LABELS[d.channel][l]}${d.reportedBy ? aside(d.reportedBy.name, l) : ''}</dd>
        <dt>${t.area}</dt><dd>${d.town} / ${d.community}</dd>
        ${item.deadline
          ? html`<dt>${t.deadline}</dt><dd class=${late ? 'late' : ''}>${formatDeadline(item.deadline)}${late ? aside(t.overdue, l) : ''}</dd>`
          : nothing}
        ${d.routing
          ? html`<dt>${t.departments}</dt><dd>${departmentNames(d.routing.departments, l, this.registry)}${d.routing.joint ? aside(t.joint, l) : ''}${d.routing.lead
                ? `${l === 'en' ? '; ' : '；'}${labelled(t.lead, departmentName(d.routing.lead, l, this.registry), l)}`
                : ''}</dd>`
          : nothing}
        ${d.mediation ? html`<dt>${t.mediation}</dt><dd>${MEDIATION_MODE_LABELS[d.mediation.mode][l]}</dd>` : nothing}
        ${outcome ? html`<dt>${t.outcome}</dt><dd>${outcome}</dd>` : nothing}
        ${d.reopened || d.supervisions
          ? html`<dt>${t.state}</dt><dd>${joinClauses([d.reopened ? t.reopened(d.reopened) : '', d.supervisions ? t.supervisions(d.supervisions) : ''].filter(Boolean), l)}</dd>`
          : nothing}
        <dt>${t.description}</dt><dd>${d.description}</dd>
      </dl>
    </header>`;
  }

  private renderParties(t: DisputeCaseMessages, item: DisputeItem, clear: boolean): TemplateResult {
    return html`<section aria-labelledby="parties-h" part="parties">
      <h3 id="parties-h">${t.parties}</h3>
      ${clear ? nothing : html`<p class="muted">${t.masked}</p>`}
      <ul>
        ${item.data.parties.map(
          (p) => html`<li>
            ${labelled(p.side === 'applicant' ? t.applicant : t.respondent, p.name, this.locale)}
            ${[p.phone, p.idNumber, p.address, p.needsHomeVisit ? t.homeVisit : '']
              .filter(Boolean)
              .join(this.locale === 'en' ? ', ' : '，')}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderEntry(t: DisputeCaseMessages, h: HistoryEntry, item: DisputeItem): TemplateResult {
    const l = this.locale;
    const what = h.type === CREATED ? t.created : eventLabel(h.type, l);
    const detail = h.type === CREATED ? '' : describePayload(h.type as DisputeEvent, h.payload, { locale: l, t, registry: this.registry ?? defaultDepartmentRegistry, parties: item.data.parties });
    return html`<li>
      <time datetime=${h.at}>${chinaDateTime(h.at)}</time>
      <span class="what">${what}</span>
      <span>${h.from ? t.moved(stateLabel(h.from, l), stateLabel(h.to, l)) : stateLabel(h.to, l)}</span>
      <span class="muted">· ${t.by(roleLabel(h.actor.role, l), h.actor.id)}</span>
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
      ${h.note ? html`<p class="detail">${labelled(t.note, h.note, l)}</p>` : nothing}
    </li>`;
  }

  private renderActions(t: DisputeCaseMessages, item: DisputeItem): TemplateResult {
    const events = this.available;
    return html`<section aria-labelledby="actions-h">
      <h3 id="actions-h">${t.actions}</h3>
      ${this.notice ? html`<p class="status" part="status" role="status">${this.notice}</p>` : html`<p class="status" part="status" role="status"></p>`}
      ${this.renderConflict(item)}
      ${!this.viewer.role
        ? html`<p class="muted">${t.noRole}</p>`
        : events.length === 0
          ? html`<p class="muted">${t.noActions}</p>`
          : html`<div class="actions" part="actions">
              ${events.map(
                (e) => html`<button type="button" data-event=${e} aria-expanded=${this.action === e ? 'true' : 'false'} aria-controls="action-form"
                  @click=${() => (this.action === e ? (this.action = undefined) : this.open(e))}>${eventLabel(e, this.locale)}</button>`,
              )}
            </div>`}
      ${this.refusal
        ? html`<div class="refusal" part="refusal" role="alert" tabindex="-1"><strong>${t.refused}</strong>${this.refusal.message[this.locale]}</div>`
        : nothing}
      ${this.action && events.includes(this.action) ? this.renderForm(t, this.action, item) : nothing}
    </section>`;
  }

  /** The server refused the viewer's event: why, what others did meanwhile, the state and the actions now. */
  private renderConflict(item: DisputeItem): TemplateResult | typeof nothing {
    const refused: SyncRefusalLike | undefined = this.syncMarks.refusal('disputes', item.id);
    if (!refused) return nothing;
    const l = this.locale;
    const w = markWords(l);
    const viewer = this.viewer;
    const conflict = conflictOf(refused, item, viewer.id);
    const state = conflict?.state ?? item.state;
    const now = this.availableIn(state);
    const sep = l === 'en' ? ', ' : '、';
    return html`<div class="refusal conflict" part="conflict" role="alert">
      <strong>${w.conflictTitle(eventLabel(refused.event.type, l))}</strong>
      <p>${refused.message[l]}</p>
      ${conflict && conflict.others.length > 0
        ? html`<p>${w.meanwhile}</p>
            <ul>
              ${conflict.others.map(
                (h) => html`<li><time datetime=${h.at}>${chinaDateTime(h.at)}</time> ${w.by(
                  `${roleLabel(h.actor.role, l)} ${h.actor.name ?? h.actor.id}`,
                  h.type === CREATED ? disputeCaseMessages[l].created : eventLabel(h.type, l),
                  h.from ? stateLabel(h.from, l) : '—',
                  stateLabel(h.to, l),
                )}</li>`,
              )}
            </ul>`
        : html`<p>${w.nobodyElse}</p>`}
      <p>${w.stateNow(stateLabel(state, l))}</p>
      <p>${now.length > 0 ? w.offeredNow(now.map((e) => eventLabel(e, l)).join(sep)) : w.nothingNow}</p>
      <button type="button" @click=${() => this.syncMarks.control?.dismiss(refused.mutationId)}>${w.dismiss}</button>
    </div>`;
  }

  private renderForm(t: DisputeCaseMessages, event: DisputeEvent, item: DisputeItem): TemplateResult {
    const label = eventLabel(event, this.locale);
    const note: ActionField = { kind: 'textarea', name: 'note', label: t.eventNote, optional: true };
    const fields = [...(DISPUTE_ACTIONS[event]?.fields(this.actionContext(item), this.draft) ?? []), note];
    return html`<form id="action-form" class="action-form" part="action-form" novalidate aria-label=${label} @submit=${this.onSubmit}>
      <fieldset ?disabled=${this.busy}>
        <legend>${label}</legend>
        ${actionFields(fields, { id: (name) => `a-${name}`, draft: this.draft, change: (name, value) => this.setDraft(name, value), invalid: (name) => this.invalid(name), optionalMark: t.optional })}
        <div class="row">
          <button type="submit" class="primary">${t.submit(label)}</button>
          <button type="button" @click=${() => (this.action = undefined)}>${t.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }

  private invalid(key: string): boolean {
    const field = this.refusal?.field;
    return field !== undefined && (field === key || field.startsWith(`${key}[`) || field.startsWith(`${key}.`));
  }
}

/** The events `<bh-dispute-case>` fires, with their `detail` types (all bubble and are composed). */
export interface BhDisputeCaseEventMap extends BihuanElementEventMap {
  'bh-dispute-transition': CustomEvent<DisputeTransitionDetail>;
  'bh-dispute-refused': CustomEvent<DisputeRefusedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhDisputeCase { addEventListener: AddTypedListener<BhDisputeCase, BhDisputeCaseEventMap>; removeEventListener: RemoveTypedListener<BhDisputeCase, BhDisputeCaseEventMap> }
