import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type EventPermitCollections, type EventPermitEvent, type EventPermitItem, type EventPermitPeriodReport, type EventPermitRole, type EventPermitSummary, EVENT_KINDS, eventPermitLoop, eventPermitStore, fileEventPermitIn, permitsOfPeriod, summarizeEventPermits, summarizeEventPermitsPeriod } from '@bihuan/core/event-permit';
import { parsePeriod } from '@bihuan/core/calendar';
import { availableEvents } from '@bihuan/core/loop';
import { InvalidArgumentError } from '@bihuan/core/schema';
import type { Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummaryStyles } from '../../internal/error-summary.js';
import { RecordForm } from '../../internal/record-form.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { formStyles } from '../../internal/form-styles.js';
import { pageRows, pager } from '../../internal/pager.js';
import { StoreController, replaceById } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { byRule, escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import { periodSwitch, periodSwitchStyles } from '../../internal/period-switch.js';
import { SyncMarksController, isSynced, syncMarkStyles, viewerOf, type ViewerActor } from '../../internal/session.js';
import { eventPermitsMessages, type EventPermitsMessages } from './event-permits.messages.js';
import { EVENT_PERMIT_ACTIONS } from './event-permits.actions.js';
import { type ActionDraft, type ActionField, actionPayload, payloadOf } from '../../internal/action-form.js';
import { LoopActions } from '../../internal/loop-actions.js';
import { eventPermitsStyles } from './event-permits.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { idGuard, nowGuard, pageSizeGuard, roleGuard, storeGuard, textGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { newId } from '../../internal/new-id.js';
import { ownName, standalone } from '../../internal/words.js';

/** `bh-permit-change`: a filing was made (`type: 'file'`) or moved on by an action. */
export interface PermitChangeDetail {
  readonly id: string;
  readonly type: EventPermitEvent | 'file';
  readonly state: EventPermitItem['state'];
}

/**
 * Large-event security permits (大型活动安全许可): the filings ledger with the rate of events held
 * without incident, a filing form that enforces the 6-month window and "one event, one filing, one
 * plan", and each filing's next actions for the viewer's role — refusals shown beside the form.
 * A period switch (week, month, quarter, year on the China calendar, or all) shows the filings made
 * in the period as they stood at its end, their figures footing to the filings, and the change on
 * the previous period (环比) and the same period last year (同比); a row that has moved on since the
 * period ended is read only (its actions are offered on the row as it stands now).
 *
 * On a synced store (`createSyncedStore`) the actor (id, name, role, unit) comes from the store's
 * session and `viewer-role`, `viewer-id`, `viewer-unit` are display-only (local-only pages); a
 * row whose last change the server has not accepted yet is marked pending, one it refused shows
 * the server's reason.
 *
 * @tagname bh-event-permits
 * @summary Files and tracks large-event permits; shows the rate of events held without incident.
 *
 * @csspart summary - The key figures: the filings, and its parts (in progress, held, refused, withdrawn, expired) that foot to it; held without incident and the rate.
 * @csspart period-switch - The period switch: all, week, month, quarter, year; the previous and next period.
 * @csspart previous-period - The button to the period before.
 * @csspart next-period - The button to the period after.
 * @csspart period-label - The period's first and last day.
 * @csspart period-change - The change on the previous period and on the same period last year.
 * @csspart table - The filings table.
 * @csspart pager - Previous/next page buttons.
 * @csspart action-form - The form of an action that needs input (plan, reason, outcome).
 * @csspart form - The new-filing form.
 * @csspart error-summary - What was refused, with links to the fields.
 * @csspart status - The confirmation after an action.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (bad role, store failure).
 * @csspart escalated - A row's mark: the review was escalated by rule (超期升级) past its 7 working days.
 * @csspart pending - A row's mark: its last event is not yet accepted by the server (synced store).
 * @csspart sync-refusal - A row's mark: the server's reason for refusing its last event (synced store).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons, focus rings, the action form's border.
 * @cssprop [--bh-color-good=#1a7f37] - Events held without incident.
 * @cssprop [--bh-color-bad=#b42318] - Incidents and refusals.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<PermitChangeDetail>} bh-permit-change - A filing was made or moved on; `detail` is `{ id, type, state }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhEventPermits extends BihuanElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, dataStyles, eventPermitsStyles, syncMarkStyles, escalationStyles, periodSwitchStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    viewerRole: { type: String, attribute: 'viewer-role', guard: roleGuard(() => eventPermitLoop) },
    viewerId: { type: String, attribute: 'viewer-id', guard: idGuard },
    now: { guard: nowGuard },
    pageSize: { type: Number, attribute: 'page-size', guard: pageSizeGuard },
    period: { type: String, guard: textGuard(22) },
    items: { state: true },
    page: { state: true },
    pending: { state: true },
  };

  /** The store holding the filings (`eventPermitStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<EventPermitCollections>;
  /** Local-only (a synced store's session decides instead): who is using the widget: `reviewer` (police, default) or `organizer`. */
  viewerRole: EventPermitRole = 'reviewer';
  /** Local-only (a synced store's session decides instead): the viewer's id, recorded in each filing's history. */
  viewerId = 'portal-user';
  /** The time actions are recorded at (ISO instant, Date or epoch ms); the clock when absent. */
  now?: string | number | Date;
  /** Filings per page (default 20). */
  pageSize = 20;
  /**
   * A period (`2026-W25`, `2026-06`, `2026-Q2`, `2026`, or a range `2026-06-01..2026-06-30`): the
   * filings made in it, as they stood at its end, with the change on the previous period and on the
   * same period last year. Empty: every filing as it stands now.
   */
  period = '';

  private items: EventPermitItem[] = [];
  private page = 0;
  private pending: { id: string; type: EventPermitEvent } | undefined;
  private readonly data = new StoreController<EventPermitCollections>(this, eventPermitStore, async (store) => {
    const all = await store.all('permits');
    this.items = all.items.sort((a, b) => (a.data.eventDate < b.data.eventDate ? 1 : a.data.eventDate > b.data.eventDate ? -1 : a.id < b.id ? -1 : 1));
  });

  private get t(): EventPermitsMessages {
    return eventPermitsMessages[this.locale];
  }

  private readonly syncMarks = new SyncMarksController(this, () => this.store);
  /** The new-filing form: one write through the store, a refusal shown on the field it names. */
  private readonly filing = new RecordForm<EventPermitCollections>(this, {
    id: 'file',
    paths: { 'application.name': 'name', expectedAttendance: 'attendance', 'organizer.name': 'organizer' },
    write: (action) => this.data.write(action),
  });
  /** What an action was refused (in its form, or above the table for one sent at once) and what the last one did. */
  private readonly acting = new RecordForm<EventPermitCollections>(this, { id: 'action', paths: { attendance: 'actual' }, write: (action) => this.data.write(action) });

  /** Who acts: the session's actor on a synced store (no role, and so no action, when it has no permit role), `viewer-*` otherwise. */
  private viewer(): ViewerActor & { role: EventPermitRole | '' } {
    return viewerOf(this.store, eventPermitLoop.roles, { id: this.viewerId, role: this.viewerRole }) as ViewerActor & { role: EventPermitRole | '' };
  }

  private at(): string {
    return new Date(this.now === undefined || this.now === null ? Date.now() : this.now).toISOString();
  }

  protected override renderContent(): unknown {
    if (!isSynced(this.store) && !(this.viewerRole in eventPermitLoop.roles)) {
      throw new InvalidArgumentError('bh-event-permits', 'viewer-role', { 'zh-CN': '必须是 reviewer 或 organizer', en: 'must be reviewer or organizer' }, this.viewerRole);
    }
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
    // A period key that names none is refused in place (InvalidArgumentError, in both languages).
    const period = this.period ? parsePeriod(this.period) : undefined;
    const items = period ? permitsOfPeriod(this.items, period) : this.items;
    const report = period ? summarizeEventPermitsPeriod(this.items, period) : undefined;
    const s = report?.summary ?? summarizeEventPermits(items);
    const view = pageRows(items, this.page, this.pageSize);
    const count = formatNumber;
    return html`<section aria-label=${t.region}>
      ${periodSwitch(this.locale, period, (key) => ((this.period = key), (this.page = 0)), { all: true, now: Date.parse(this.at()) })}
      ${figures([
        [t.figures.filings, count(s.filings), { total: 'filings' }],
        [t.figures.open, count(inProgress(s)), { part: 'filings' }],
        [t.figures.held, count(s.held), { part: 'filings' }],
        [t.figures.refused, count(s.refused), { part: 'filings' }],
        [t.figures.withdrawn, count(s.withdrawn), { part: 'filings' }],
        [t.figures.expired, count(s.expired), { part: 'filings' }],
        [t.figures.safe, count(s.heldSafely)],
        [t.figures.safeRate, s.safeRate],
      ])}
      ${report ? this.renderChange(report) : nothing}
      ${this.filing.status || this.acting.status ? html`<p class="status" part="status" role="status">${this.filing.status || this.acting.status}</p>` : nothing}
      ${this.pending ? nothing : this.acting.summary(t.errorTitle)}
      ${items.length === 0 ? html`<p class="empty">${period ? t.periodEmpty : t.empty}</p>` : this.renderTable(view.rows)}
      ${pager(this.locale, view.page, view.pages, items.length, (p) => (this.page = p))} ${this.renderActionForm()} ${this.viewer().role ? this.renderFilingForm() : nothing}
    </section>`;
  }

  /** The period's filings and safe rate against the previous period and the same period last year. */
  private renderChange(report: EventPermitPeriodReport): TemplateResult {
    const t = this.t;
    return html`<p class="status" part="period-change">${t.change(t.previousPeriod, report.filings.previous, report.safeRate.previous, true)}${t.sep}${t.change(t.lastYear, report.filings.lastYear, report.safeRate.lastYear, false)}</p>`;
  }

  private renderTable(rows: readonly EventPermitItem[]): TemplateResult {
    const t = this.t;
    const c = t.columns;
    return scrollRegion(t.caption, html`<table part="table">
        <caption>${t.caption}</caption>
        <thead>
          <tr><th scope="col">${c.event}</th><th scope="col">${c.date}</th><th scope="col">${c.filedOn}</th><th scope="col">${c.state}</th><th scope="col">${c.plan}</th><th scope="col">${c.actions}</th></tr>
        </thead>
        <tbody>
          ${rows.map((item) => {
            const d = item.data;
            const outcome = d.outcome;
            return html`<tr>
              <th scope="row">${ownName(d.name, this.locale)}<span class="sub">${ownName(d.venue, this.locale)} · ${t.kinds[d.kind]}</span></th>
              <td class="date">${d.eventDate}</td>
              <td class="date">${d.filedOn}</td>
              <td class="state">${standalone(eventPermitLoop.states[item.state].label[this.locale], this.locale)}${escalationMark(item, this.locale)}${this.syncMarks.marks('permits', item.id)}${outcome ? html`<span class="sub ${outcome.incidents ? 'bad' : 'good'}">${t.incidents(outcome.incidents)}</span>` : nothing}</td>
              <td>${d.plan ? t.plan(d.plan.stewards) : html`<span class="muted">${t.noPlan}</span>`}</td>
              <td><div class="actions">${(this.viewer().role && this.items.includes(item) ? availableEvents(eventPermitLoop, item, this.viewer().role as EventPermitRole).filter((e) => !byRule(e)) : []).map((type) => {
                const label = standalone(eventPermitLoop.events[type].label[this.locale], this.locale);
                return html`<button type="button" aria-label=${t.actionFor(label, ownName(d.name, this.locale))} @click=${() => this.startAction(item, type)}>${label}</button>`;
              })}</div></td>
            </tr>`;
          })}
        </tbody>
      </table>`);
  }

  private renderActionForm(): unknown {
    const p = this.pending;
    if (!p) return nothing;
    const item = this.items.find((i) => i.id === p.id);
    if (!item) return nothing;
    const t = this.t;
    const label = t.actionFor(eventPermitLoop.events[p.type].label[this.locale], ownName(item.data.name, this.locale));
    return html`<form class="action" part="action-form" aria-label=${label} novalidate @submit=${(e: SubmitEvent) => this.submitAction(e, item, p.type)}>
      <strong>${label}</strong>
      ${this.acting.summary(t.errorTitle)} ${this.acting.fields(this.actionFieldsOf(p.type), EVENT_PERMIT_ACTIONS[p.type]?.defaults?.(this) ?? {})}
      <div class="actions">
        <button type="submit" class="primary">${t.confirm}</button>
        <button type="button" @click=${() => this.endAction()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  /** The new-filing form's fields, in the one form vocabulary. */
  private filingFields(): ActionField[] {
    const t = this.t;
    const f = t.fields;
    const text = (name: 'name' | 'venue' | 'organizer' | 'contact'): ActionField => ({ kind: 'text', name, label: f[name] });
    return [
      { kind: 'row', fields: [text('name'), text('venue')] },
      {
        kind: 'row',
        fields: [
          { kind: 'select', name: 'kind', label: f.kind, options: EVENT_KINDS.map((k) => ({ value: k, label: standalone(t.kinds[k], this.locale) })) },
          { kind: 'date', name: 'eventDate', label: f.eventDate },
          { kind: 'number', name: 'attendance', label: f.attendance },
        ],
      },
      { kind: 'row', fields: [text('organizer'), text('contact'), { kind: 'tel', name: 'phone', label: f.phone }] },
      // The plan may follow later (submitPlan): both are optional here.
      { kind: 'textarea', name: 'summary', label: f.summary, hint: t.planHint, optional: true },
      { kind: 'number', name: 'stewards', label: f.stewards, optional: true },
    ];
  }

  private renderFilingForm(): TemplateResult {
    const t = this.t;
    return html`<form part="form" novalidate aria-labelledby="file-title" @submit=${(e: SubmitEvent) => this.submitFiling(e)}>
      <fieldset>
        <legend id="file-title">${t.fileTitle}</legend>
        <p class="hint">${t.fileHint}</p>
        ${this.filing.summary(t.errorTitle)} ${this.filing.fields(this.filingFields())}
        <div><button type="submit" class="primary">${t.submit}</button></div>
      </fieldset>
    </form>`;
  }

  private startAction(item: EventPermitItem, type: EventPermitEvent): void {
    this.filing.clear();
    this.acting.clear();
    if (EVENT_PERMIT_ACTIONS[type]) {
      this.pending = { id: item.id, type };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form.action textarea, form.action input')?.focus());
    } else void this.apply(item, type, undefined);
  }

  private endAction(): void {
    this.pending = undefined;
    this.acting.clear();
  }

  /** The fields of an action's form, from the table. */
  private actionFieldsOf(type: EventPermitEvent): readonly ActionField[] {
    return EVENT_PERMIT_ACTIONS[type]?.fields(this, {}) ?? [];
  }

  private submitAction(e: SubmitEvent, item: EventPermitItem, type: EventPermitEvent): void {
    e.preventDefault();
    const action = EVENT_PERMIT_ACTIONS[type];
    if (action) void this.apply(item, type, actionPayload(action, payloadOf(e.target as HTMLFormElement, this.actionFieldsOf(type)) as ActionDraft));
  }

  /** Runs the filings' actions: one store write each, the accepted filing shown from the write's own result. */
  private readonly actions = new LoopActions(this, {
    def: eventPermitLoop,
    collection: 'permits',
    write: (action) => this.data.write(action as never),
    applied: (snapshot) => (this.items = replaceById(this.items ?? [], snapshot as EventPermitItem)),
  });

  private async apply(item: EventPermitItem, type: EventPermitEvent, payload: unknown): Promise<void> {
    const outcome = await this.actions.apply(this.data.store, item.id, type, payload, this.viewer(), this.at());
    if (outcome.ok) {
      this.pending = undefined;
      this.acting.problems = [];
      this.acting.status = this.t.done(eventPermitLoop.events[type].label[this.locale], ownName(item.data.name, this.locale));
      this.emit(item.id, type, outcome.snapshot.state as EventPermitItem['state']);
      return;
    }
    const message = outcome.reason?.message[this.locale] ?? outcome.problem;
    if (message === undefined) return;
    await this.acting.refuse({ field: outcome.reason?.field, message }, this.pending ? this.actionFieldsOf(type) : []);
  }

  private async submitFiling(e: SubmitEvent): Promise<void> {
    this.pending = undefined;
    this.acting.clear();
    const count = (v: unknown) => (typeof v === 'string' && v ? Number(v) : undefined);
    const id = newId('EP');
    const filed = await this.filing.submit(
      e,
      this.filingFields(),
      (f) => (store) => {
        // Required fields come as typed ('' when blank: core says what is missing); blank optional ones are absent.
        const application = {
          name: f.name,
          kind: f.kind,
          venue: f.venue,
          eventDate: f.eventDate,
          expectedAttendance: count(f.attendance),
          organizer: { name: f.organizer, contact: f.contact, phone: f.phone },
          plan: f.summary || f.stewards ? { summary: f.summary ?? '', stewards: count(f.stewards) } : null,
        };
        return fileEventPermitIn(store, { id, application: application as never, actor: this.viewer() as ViewerActor & { role: EventPermitRole }, at: this.at() });
      },
      (item) => this.t.filed(ownName(item.data.name, this.locale)),
    );
    if (filed) this.emit(id, 'file', filed.state);
  }

  private emit(id: string, type: PermitChangeDetail['type'], state: EventPermitItem['state']): void {
    this.dispatchEvent(new CustomEvent<PermitChangeDetail>('bh-permit-change', { detail: { id, type, state }, bubbles: true, composed: true }));
  }
}

/**
 * The filings still in progress before their event: filed, under review or with the plan approved.
 * With the held, refused, withdrawn and expired ones they make up every filing (the figures foot).
 */
function inProgress(s: EventPermitSummary): number {
  return s.byState.filed + s.byState.underReview + s.byState.planApproved;
}

/** The events `<bh-event-permits>` fires, with their `detail` types (all bubble and are composed). */
export interface BhEventPermitsEventMap extends BihuanElementEventMap {
  'bh-permit-change': CustomEvent<PermitChangeDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhEventPermits { addEventListener: AddTypedListener<BhEventPermits, BhEventPermitsEventMap>; removeEventListener: RemoveTypedListener<BhEventPermits, BhEventPermitsEventMap> }
