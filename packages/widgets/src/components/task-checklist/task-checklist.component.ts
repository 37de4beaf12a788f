import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
// Rows keyed by order (and categories by id): a row's DOM, and the focus in it, stays with its task when the list reloads in another order.
import { repeat } from 'lit/directives/repeat.js';
import { formatInstant, parseInstant } from '@bihuan/core/calendar';
import { BihuanError } from '@bihuan/core/schema';
import type { Store } from '@bihuan/core/store';
import { type OfficerReminders, type ReminderPolicy, type TaskOrder, type TaskStore, type TaskStoreSpec, DEFAULT_REMINDER_POLICY, applyTaskEvent, dueDayText, reminders, rollupOrders, taskOrderLoop, taskStoreSpec } from '@bihuan/core/task';
import { type AttachmentCollections, listAttachments } from '@bihuan/core/attachment';
import { attachmentFetcher, attachmentPanelStore, attachmentSource } from '../../internal/attachment-source.js';
import '../attachments/define.js';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { type ViewerActor, viewerOf } from '../../internal/session.js';
import { type ActionDraft, actionFields, actionPayload, payloadOf } from '../../internal/action-form.js';
import { type ActionStep, LoopActions } from '../../internal/loop-actions.js';
import { REASON, TASK_ACTIONS, type TaskActionContext } from './task-checklist.actions.js';
import { dataStyles } from '../../internal/data-styles.js';
import { formStyles } from '../../internal/form-styles.js';
import { StoreController, replaceById } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import { taskChecklistMessages, type TaskChecklistMessages } from './task-checklist.messages.js';
import { taskChecklistStyles } from './task-checklist.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, idGuard, monthOrEmptyGuard, nowTextGuard, plainObjectGuard, storeGuard } from '../../internal/guard.js';

/** `bh-task-feedback`: an order was fed back or marked not applicable from the checklist. */
export interface TaskFeedbackDetail {
  readonly order: string;
  readonly state: string;
}

interface FormProblem {
  readonly order: string;
  /** The feedback field at fault (`count`), or undefined for the whole form. */
  readonly field?: string;
  readonly message: string;
}

const OPEN = new Set(['dispatched', 'returned']);
/** The most urgent alarms listed at the top; the rest are counted (and marked on their tasks). */
const SHOWN_ALARMS = 5;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * An officer's month of community-policing tasks (任务清单): the alarms at the top (overdue and
 * due soon, in escalating levels), the progress as an exact completion rate, and the tasks by
 * category with their due dates, overdue marks and urgings. Feedback is entered in place with the
 * fields the task's template asks for (a count, a place, evidence, a note) and checked by the
 * task loop; a refusal names the field. Works with the keyboard alone and at phone width.
 *
 * Reads and writes the orders through the store (`store`, or the default IndexedDB store).
 *
 * On a synced store (`createSyncedStore`) the actor is the store's session's (id, name, unit), in
 * the `officer` role; `officer` then only chooses what is shown, and a session without that role is
 * offered no action.
 *
 * @tagname bh-task-checklist
 * @summary An officer's month of tasks, with reminders, progress and feedback in place.
 *
 * @csspart progress - The completion rate and its progress bar.
 * @csspart reminders - The alarms (overdue and due soon).
 * @csspart todo-filter - The "to do only" switch.
 * @csspart category - One category of tasks (a `<details>`).
 * @csspart task - One task.
 * @csspart escalated - A task's mark: its order was escalated by rule (超期升级) past its due date.
 * @csspart form - The feedback form of a task.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the officer, month or store are refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background of the categories.
 * @cssprop [--bh-color-border=#d0d7de] - Lines between tasks.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - Done tasks and the progress bar.
 * @cssprop [--bh-color-bad=#b42318] - Overdue marks, the reminders' frame and problems.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 * @cssprop [--bh-task-checklist-soon-color=#8a4b00] - The "due soon" mark.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<TaskFeedbackDetail>} bh-task-feedback - An order was fed back or marked not applicable; `detail`: `{ order, state }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The officer, month or store were refused.
 */
export class BhTaskChecklist extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, taskChecklistStyles, escalationStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    officer: { type: String, guard: idGuard },
    month: { type: String, guard: monthOrEmptyGuard },
    now: { type: String, guard: nowTextGuard },
    policy: { attribute: false, guard: plainObjectGuard({ 'zh-CN': '提醒规则对象（见 ReminderPolicy）', en: 'a reminder policy object (see ReminderPolicy)' }, 50) },
    todoOnly: { type: Boolean, attribute: 'todo-only', reflect: true, guard: booleanGuard },
    attachmentStore: { attribute: false, guard: storeGuard },
    orders: { state: true },
    editing: { state: true },
    formProblem: { state: true },
    status: { state: true },
  };

  /** A store with core's `taskStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: TaskStore;
  /** The officer whose month is shown (their id on the roster); feedback is sent as them. */
  officer = '';
  /** The month, `YYYY-MM`. */
  month = '';
  /** The moment reminders and overdue marks are worked out at, and feedback is stamped with (ISO instant); the clock's by default. */
  now = '';
  /** When alarms ring (core's `DEFAULT_REMINDER_POLICY` by default). */
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY;
  /** Show only the tasks still to do (the officer can switch it in the list too). */
  todoOnly = false;
  /** Where the orders' photos are kept (a store of `attachmentStoreSpec`); the task store when it keeps them, the default IndexedDB attachment store otherwise. Evidence is what is attached there. */
  attachmentStore?: Store<AttachmentCollections>;

  private orders: TaskOrder[] | undefined;
  private editing: string | undefined;
  private formProblem: FormProblem | undefined;
  private status = '';
  private loadedFor = '';
  private readonly data = new StoreController<TaskStoreSpec['collections']>(this, taskStoreSpec, async (store) => {
    this.loadedFor = `${this.officer}|${this.month}`;
    if (!this.officer || !MONTH.test(this.month)) {
      this.orders = [];
      return;
    }
    const { items } = await store.all('orders', { index: 'officerMonth', equals: [this.officer, this.month] });
    this.orders = items as TaskOrder[];
  });

  protected override willUpdate(changed: PropertyValues): void {
    // Another officer or month: load their orders (the first load is the controller's).
    const key = `${this.officer}|${this.month}`;
    if ((changed.has('officer') || changed.has('month')) && this.data.store && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.data.reload();
    }
  }

  private get nowMs(): number {
    const ms = this.now ? parseInstant(this.now) : Number.NaN;
    return Number.isNaN(ms) ? Date.now() : ms;
  }

  protected override renderContent(): unknown {
    const t = taskChecklistMessages[this.locale];
    if (!this.officer || !MONTH.test(this.month)) throw new BihuanError('task_checklist_unset', { 'zh-CN': taskChecklistMessages['zh-CN'].needsOfficer, en: taskChecklistMessages.en.needsOfficer });
    if (this.data.error) throw this.data.error;
    if (this.data.loading || this.orders === undefined) return html`<p role="status" part="loading">${t.loading}</p>`;
    const orders = this.orders;
    const heading = html`<h2>${t.heading(this.month)}</h2>`;
    const status = html`<p class="status" role="status">${this.status}</p>`;
    if (orders.length === 0) return html`${heading}${status}<p class="empty">${t.empty}</p>`;
    const now = this.nowMs;
    const total = rollupOrders(orders, [['city']], { asOf: now })[0]![0]!;
    const alarms = reminders(orders, now, this.policy)[0];
    const byCategory = new Map<string, TaskOrder[]>();
    for (const o of orders) {
      const list = byCategory.get(o.data.template.category);
      if (list) list.push(o);
      else byCategory.set(o.data.template.category, [o]);
    }
    const levels = new Map(alarms?.alarms.map((a) => [a.order, a]) ?? []);
    return html`${heading}
      <div class="progress" part="progress">
        <span>${t.rate} <strong>${total.rate}</strong></span>
        <progress max=${Math.max(total.denominator, 1)} .value=${total.done} aria-label=${t.progress}></progress>
        <span>${t.counts(total.done, total.denominator, total.overdue)}</span>
      </div>
      ${this.renderReminders(t, alarms)} ${status}
      <label class="choice todo-filter" part="todo-filter"><input type="checkbox" .checked=${this.todoOnly} @change=${(e: Event) => (this.todoOnly = (e.target as HTMLInputElement).checked)} />${t.todoOnly(orders.filter((o) => OPEN.has(o.state)).length)}</label>
      ${repeat(
        [...byCategory.values()].map((list) => (this.todoOnly ? list.filter((o) => OPEN.has(o.state)) : list)).filter((list) => list.length > 0),
        (list) => list[0]!.data.template.category,
        (list) => this.renderCategory(t, list, levels),
      )}
      ${this.todoOnly && !orders.some((o) => OPEN.has(o.state)) ? html`<p class="empty">${t.nothingToDo}</p>` : nothing}`;
  }

  private renderReminders(t: TaskChecklistMessages, alarms: OfficerReminders | undefined): TemplateResult | typeof nothing {
    if (!alarms) return nothing;
    return html`<section class="reminders" part="reminders" aria-labelledby="reminders-heading">
      <h3 id="reminders-heading">${t.reminders}</h3>
      <p>${t.alarmCounts(alarms.overdue, alarms.dueSoon)}</p>
      <ul>
        ${alarms.alarms.slice(0, SHOWN_ALARMS).map(
          (a) => html`<li>
            <span class=${a.kind === 'overdue' ? 'overdue' : 'soon'}>${a.kind === 'overdue' ? t.overdue : t.dueSoon}·${t.level(a.level)}</span>
            ${a.title[this.locale]} — ${t.due(dueDayText(a.due))}${a.urgings ? html` · ${t.urged(a.urgings)}` : nothing}
          </li>`,
        )}
      </ul>
      ${alarms.alarms.length > SHOWN_ALARMS ? html`<p class="meta">${t.moreAlarms(alarms.alarms.length - SHOWN_ALARMS)}</p>` : nothing}
    </section>`;
  }

  private renderCategory(t: TaskChecklistMessages, list: readonly TaskOrder[], levels: ReadonlyMap<string, { kind: string }>): TemplateResult {
    const done = list.filter((o) => o.state === 'fedBack' || o.state === 'verified').length;
    const counted = list.filter((o) => o.state !== 'exempt' && o.state !== 'cancelled').length;
    const pending = list.some((o) => OPEN.has(o.state));
    return html`<details class="category" part="category" ?open=${pending}>
      <summary><h3>${list[0]!.data.template.categoryName[this.locale]}</h3><span class="meta">${t.categoryDone(done, counted)}</span></summary>
      <ul class="tasks">
        ${repeat(list, (o) => o.id, (o) => this.renderTask(t, o, levels.get(o.id)?.kind))}
      </ul>
    </details>`;
  }

  private renderTask(t: TaskChecklistMessages, o: TaskOrder, alarm: string | undefined): TemplateResult {
    const d = o.data;
    const open = OPEN.has(o.state);
    const formId = `form-${o.id.replace(/[^\w-]/g, '_')}`;
    const editing = this.editing === o.id;
    const stateClass = o.state === 'fedBack' || o.state === 'verified' ? 'badge done' : 'badge';
    return html`<li class="task" part="task" id="task-${formId}" tabindex="-1">
      <div class="task-head">
        <span class="title">${d.template.title[this.locale]}</span>
        <span class=${stateClass}>${t.states[o.state]}</span>${escalationMark(o, this.locale)}
        ${alarm === 'overdue' ? html`<span class="badge overdue">${t.overdue}</span>` : alarm === 'dueSoon' ? html`<span class="badge soon">${t.dueSoon}</span>` : nothing}
      </div>
      <div class="meta">
        ${t.due(dueDayText(d.due))}${d.urgings.length ? html` · <span class="overdue">${t.urged(d.urgings.length)}</span>` : nothing}${d.returns ? html` · ${t.returned(d.returns)}` : nothing}
      </div>
      ${open && this.actor.role
        ? html`<div class="buttons">
            <button type="button" aria-expanded=${editing ? 'true' : 'false'} aria-controls=${formId} @click=${() => this.toggle(o.id, formId)}>
              ${t.feedback}<span class="visually-hidden">${this.locale === 'en' ? ': ' : '：'}${d.template.title[this.locale]}</span>
            </button>
          </div>`
        : nothing}
      ${editing ? this.renderForm(t, o, formId) : nothing}
    </li>`;
  }

  private renderForm(t: TaskChecklistMessages, o: TaskOrder, formId: string): TemplateResult {
    const problem = this.formProblem?.order === o.id ? this.formProblem : undefined;
    const formProblem = problem && problem.field === undefined ? problem.message : undefined;
    const c = this.actionContext(o);
    const fields = [...TASK_ACTIONS.feedback!.fields(c, {}), ...(o.data.template.mayBeNotApplicable ? TASK_ACTIONS.exempt!.fields(c, {}) : [])];
    return html`<form id=${formId} part="form" aria-label=${t.feedbackFor(o.data.template.title[this.locale])} novalidate @submit=${(e: SubmitEvent) => this.submit(e, o)}>
      ${actionFields(fields, { id: (name) => `${formId}-${name === REASON ? 'reason' : name}`, problem: (name) => (problem?.field === name ? problem.message : undefined), optionalMark: t.optional, required: true })}
      ${formProblem ? html`<p class="field-error" role="alert">${formProblem}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" value="feedback">${t.submit}</button>
        ${o.data.template.mayBeNotApplicable ? html`<button type="submit" value="exempt">${t.notApplicable}</button>` : nothing}
        <button type="button" @click=${() => this.toggle(o.id, formId)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  /** What the action table works a task's form out from. */
  private actionContext(o: TaskOrder): TaskActionContext {
    return { order: o, locale: this.locale, t: taskChecklistMessages[this.locale], evidence: () => this.renderEvidence(o) };
  }

  /** Evidence is the order's attached files (photos from the site): attached here, checked by core's rules (`evidence_not_attached`, `photos_required`). */
  private renderEvidence(o: TaskOrder): TemplateResult {
    return html`<bh-attachments .store=${attachmentPanelStore(this.attachmentStore, this.data.store)} .sync=${attachmentFetcher(this.store)} lang=${this.locale} item-kind="taskOrder" item-id=${o.id} viewer=${this.actor.id} viewer-role="officer" default-type="photo" .now=${this.now || undefined}></bh-attachments>`;
  }

  private async toggle(order: string, formId: string): Promise<void> {
    const opening = this.editing !== order;
    this.editing = opening ? order : undefined;
    this.formProblem = undefined;
    await this.updateComplete;
    const target = opening ? this.renderRoot.querySelector<HTMLElement>(`#${formId} input, #${formId} textarea`) : this.renderRoot.querySelector<HTMLElement>(`[aria-controls="${formId}"]`);
    target?.focus();
  }

  /** Who sends feedback: the session's actor on a synced store (when it has the `officer` role), the officer shown otherwise. */
  private get actor(): ViewerActor {
    return viewerOf(this.store, ['officer'], { id: this.officer, role: 'officer' });
  }

  private async submit(event: SubmitEvent, order: TaskOrder): Promise<void> {
    event.preventDefault();
    const t = taskChecklistMessages[this.locale];
    const form = event.currentTarget as HTMLFormElement;
    const exempt = (event.submitter as HTMLButtonElement | null)?.value === 'exempt';
    const store = this.data.store;
    if (!store) return;
    const at = formatInstant(Math.max(this.nowMs, parseInstant(order.updatedAt)));
    const actor = this.actor as ViewerActor & { role: 'officer' };
    if (!actor.role) return;
    const action = exempt ? TASK_ACTIONS.exempt! : TASK_ACTIONS.feedback!;
    const typed = payloadOf(form, action.fields(this.actionContext(order), {})) as ActionDraft;
    if (exempt && !typed[REASON]) return this.refuse(form, { order: order.id, field: REASON, message: t.reasonRequired });
    // Only a task that asks for evidence reads the order's files (the rest need none); core's store path checks the evidence against them as stored.
    const evidence = exempt ? [] : order.data.template.done.filter((f) => f.kind === 'evidence');
    const attachments = evidence.length > 0 ? await attachmentSource(this.attachmentStore, store) : undefined;
    if (attachments) {
      const attached = (await listAttachments(attachments, { kind: 'taskOrder', id: order.id }, { live: true })).map((a) => a.id);
      for (const f of evidence) typed[f.id] = attached;
    }
    const step: ActionStep = (s, id, e) => applyTaskEvent(s as TaskStore, id, e, undefined, attachments ? { attachments } : {});
    const outcome = await this.actions.apply(store, order.id, exempt ? 'exempt' : 'feedback', actionPayload(action, typed), actor, at, { step });
    if (!outcome.ok) {
      const field = outcome.reason?.field?.replace(/^values\./, '');
      const known = order.data.template.done.some((f) => f.id === field);
      const message = outcome.reason?.message[this.locale] ?? outcome.problem;
      return message === undefined ? undefined : this.refuse(form, { order: order.id, field: known ? field : undefined, message });
    }
    // The accepted snapshot is what the store now holds: shown without loading the month again.
    const title = order.data.template.title[this.locale];
    this.editing = undefined;
    this.formProblem = undefined;
    this.status = exempt ? t.exempted(title) : t.saved(title);
    this.dispatchEvent(new CustomEvent<TaskFeedbackDetail>('bh-task-feedback', { detail: { order: order.id, state: outcome.snapshot.state }, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#task-form-${order.id.replace(/[^\w-]/g, '_')}`)?.focus();
  }

  /** Runs the checklist's actions: one store write each, the accepted order shown from the write's own result. */
  private readonly actions = new LoopActions(this, {
    def: taskOrderLoop,
    collection: 'orders',
    write: (action) => this.data.write(action as never),
    applied: (snapshot) => (this.orders = replaceById(this.orders ?? [], snapshot as TaskOrder)),
  });

  private async refuse(form: HTMLFormElement, problem: FormProblem): Promise<void> {
    this.formProblem = problem;
    await this.updateComplete;
    const target = problem.field ? form.querySelector<HTMLElement>(`[name="${problem.field}"]`) : form.querySelector<HTMLElement>('[role="alert"]');
    if (target && !problem.field) target.tabIndex = -1;
    target?.focus();
  }
}

/** The events `<bh-task-checklist>` fires, with their `detail` types (all bubble and are composed). */
export interface BhTaskChecklistEventMap extends BihuanElementEventMap {
  'bh-task-feedback': CustomEvent<TaskFeedbackDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhTaskChecklist { addEventListener: AddTypedListener<BhTaskChecklist, BhTaskChecklistEventMap>; removeEventListener: RemoveTypedListener<BhTaskChecklist, BhTaskChecklistEventMap> }
