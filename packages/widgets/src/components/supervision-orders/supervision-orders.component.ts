import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatInstant, periodOf } from '@bihuan/core/calendar';
import { chainOfLoop, escalationLevelOf, overdue, type Snapshot } from '@bihuan/core/loop';
import {
  type SupervisionEvent,
  type SupervisionItem,
  type SupervisionRole,
  type SupervisionState,
  type SupervisionStore,
  SUPERVISED_LOOP_LABELS,
  issueSupervisionOrder,
  summarizeSupervision,
  summarizeSupervisionPeriod,
  supervisionLoop,
  supervisionOrdersOfPeriod,
  supervisionStoreSpec,
} from '@bihuan/core/supervision';
import { actionFormStyles } from '../../internal/action-form.js';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { emit } from '../../internal/emit.js';
import { figures } from '../../internal/figures.js';
import { aside, standalone } from '../../internal/words.js';
import { formatDeadline } from '../../internal/deadline.js';
import { formatNumber } from '../../internal/format.js';
import { formStyles } from '../../internal/form-styles.js';
import { idGuard, listGuard, oneOfGuard } from '../../internal/guard.js';
import { focusPreview, printButton, printPreview } from '../../internal/print-view.js';
import { type LoopRefusedDetail, type LoopTransitionDetail } from '../../internal/loop-actions.js';
import { nowMs, type NowInput } from '../../internal/now.js';
import { viewerOf, type ViewerActor } from '../../internal/session.js';
import { pagedTable } from '../../internal/pager.js';
import { LoopList, loopListProperties } from '../../internal/loop-list.js';
import { themeStyles } from '../../internal/styles.js';
import { escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { supervisionOrdersMessages } from './supervision-orders.messages.js';
import { SUPERVISION_ACTIONS } from './supervision-orders.actions.js';
import { supervisionOrdersStyles } from './supervision-orders.styles.js';

export type SupervisionTransitionDetail = LoopTransitionDetail<SupervisionEvent, SupervisionState>;
/** What `bh-supervision-refused` carries: the action (or the issuing) refused and the reason. */
export type SupervisionRefusedDetail = LoopRefusedDetail<SupervisionEvent | 'issue'>;
/** What `bh-supervision-issued` carries: the new order's id and the item it supervises. */
export interface SupervisionIssuedDetail {
  readonly id: string;
  readonly target: { readonly loop: string; readonly id: string };
}

const PERIODS = ['all', 'week', 'month', 'quarter', 'year'] as const;
type PeriodChoice = (typeof PERIODS)[number];
const PAGE_SIZE = 50;

const isSnapshotLike = (v: unknown): boolean => v !== null && typeof v === 'object' && typeof (v as Snapshot).id === 'string' && typeof (v as Snapshot).loop?.id === 'string' && Array.isArray((v as Snapshot).history);

/**
 * Supervision orders (督办单) on escalated or overdue items: the higher level issues one (with its
 * own answer-due day and what it requires), the lower level answers (反馈), the higher level closes
 * it or re-issues it. The list marks orders past their due day; the figures count those awaiting an
 * answer, the overdue ones and late answers, for all orders or the period chosen (this week, month,
 * quarter or year, each "as it stood at the end of the period"). Give `targets` (escalated or
 * overdue items of any loop) to issue orders from the widget.
 *
 * @tagname bh-supervision-orders
 * @summary Supervision orders with their answers, overdue marks and a period filter.
 *
 * @csspart base - The list.
 * @csspart summary - The key figures (orders, awaiting, overdue, closed, late answers).
 * @csspart period - The period switch.
 * @csspart issue-form - The form that issues an order.
 * @csspart table - The orders table.
 * @csspart overdue - A row's mark: its answer is overdue.
 * @csspart escalated - The supervised item's mark: it was escalated by rule.
 * @csspart action-form - The inline form of an action that needs details.
 * @csspart pager - Previous/next page buttons (when the list is longer than a page).
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the store cannot be read.
 *
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Borders.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Overdue marks and refusals.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * @csspart print-view - The open 督办单 (`<bh-print-document>`), filled from its order (each row's print button opens it).
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<SupervisionIssuedDetail>} bh-supervision-issued - An order was issued; `detail`: `{ id, target }`.
 * @fires {CustomEvent<SupervisionTransitionDetail>} bh-supervision-transition - An action was applied; `detail`: `{ id, event, state }`.
 * @fires {CustomEvent<SupervisionRefusedDetail>} bh-supervision-refused - An action or the issuing was refused; `detail`: `{ id, event, reason }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The store could not be read.
 */
export class BhSupervisionOrders extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, actionFormStyles, supervisionOrdersStyles, escalationStyles];

  static override properties: PropertyDeclarations = {
    ...loopListProperties(() => supervisionLoop),
    targets: { attribute: false, guard: listGuard({ 'zh-CN': '闭环快照数组', en: 'an array of loop snapshots' }, 10_000, isSnapshotLike) },
    level: { type: String, guard: idGuard },
    period: { type: String, guard: oneOfGuard(PERIODS) },
    page: { state: true },
    issueProblem: { state: true },
    issuedText: { state: true },
    printing: { state: true },
  };

  /** Any `Store` with core's `supervisionStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: SupervisionStore;
  /** Items that may be supervised (escalated or overdue items of any loop); the issue form lists them. */
  targets: readonly Snapshot[] = [];
  /** The viewer's role: `issuer` (the higher level) or `respondent` (the body supervised); no role: read only. */
  viewerRole: SupervisionRole | '' = '';
  /** Who acts, as recorded in each order's history. */
  viewerId = 'viewer';
  /** The body the viewer acts for (actor.unit): the issuing body, or the body an order is addressed to. */
  viewerUnit = '';
  /** The issuing viewer's level in the item's chain (`subDistrict`, `county`, `city` …). */
  level = '';
  /** The period shown: `all`, `week`, `month`, `quarter` or `year` (the one containing `now`). */
  period: PeriodChoice = 'all';
  /** The moment actions are recorded at (ISO instant, Date or ms); the clock's by default. */
  now: NowInput;

  private page = 0;
  /** The order whose 督办单 preview is open. */
  private printing: string | undefined;
  private issueProblem: string | undefined;
  private issuedText: string | undefined;
  /** The items from the store, and their rows' actions. */
  private readonly list = new LoopList(this, supervisionStoreSpec, {
    def: supervisionLoop,
    collection: 'orders',
    actions: SUPERVISION_ACTIONS,
    eventName: 'bh-supervision-transition',
    viewer: () => this.actor(),
    now: () => nowMs(this.now),
  });

  /** Who acts: on a synced store the session's actor (viewer-* are then display-only), otherwise the viewer-* attributes. */
  private actor(): ViewerActor {
    return viewerOf(this.store ?? this.list.storeController.store, supervisionLoop.roles, { id: this.viewerId, role: this.viewerRole || undefined, unit: this.viewerUnit || undefined });
  }

  /** The orders of the period chosen (as they stood at its end), overdue and awaiting first. */
  get shown(): readonly SupervisionItem[] {
    const all = this.list.items ?? [];
    const at = nowMs(this.now);
    const list = this.period === 'all' ? all.slice() : supervisionOrdersOfPeriod(all, periodOf(at, this.period));
    const rank = (o: SupervisionItem) => (o.state === 'issued' ? (overdue(o, at) ? 0 : 1) : o.state === 'answered' ? 2 : 3);
    return list.sort((a, b) => rank(a) - rank(b) || a.data.dueDate.localeCompare(b.data.dueDate) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  protected override renderContent(): unknown {
    const t = supervisionOrdersMessages[this.locale];
    if (this.list.storeController.error) throw this.list.storeController.error;
    if (this.list.items === undefined) return html`<p class="empty" role="status" part="loading">${t.loading}</p>`;
    const at = nowMs(this.now);
    const shown = this.shown;
    const s = this.period === 'all' ? summarizeSupervision(this.list.items, at) : summarizeSupervisionPeriod(this.list.items, periodOf(at, this.period));
    return html`<section class="orders" part="base" aria-labelledby="so-heading">
      <h2 class="heading" id="so-heading">${t.heading}</h2>
      <div class="period" part="period">
        <label for="so-period">${t.period}</label>
        <select id="so-period" .value=${this.period} @change=${(e: Event) => ((this.period = (e.target as HTMLSelectElement).value as PeriodChoice), (this.page = 0))}>
          ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === this.period}>${t.periods[p]}</option>`)}
        </select>
      </div>
      ${figures([
        // The orders by state foot to the total; overdue is a share of those awaiting an answer.
        [t.total, formatNumber(s.total), { total: 'orders' }],
        [t.awaiting, formatNumber(s.awaiting), { part: 'orders' }],
        [t.overdue, formatNumber(s.overdue)],
        [t.answered, formatNumber(s.answered), { part: 'orders' }],
        [t.closed, formatNumber(s.closed), { part: 'orders' }],
        [t.withdrawn, formatNumber(s.withdrawn), { part: 'orders' }],
        [t.lateAnswers, formatNumber(s.lateAnswers)],
      ])}
      ${this.actor().role === 'issuer' ? this.renderIssueForm() : nothing}
      ${shown.length === 0 ? html`<p class="empty">${t.empty}</p>` : this.renderTable(shown, at)}
    </section>`;
  }

  /** The items the viewer may supervise now: escalated or overdue, with no open order. */
  private supervisable(at: number): readonly Snapshot[] {
    const open = new Set((this.list.items ?? []).filter((o) => o.state === 'issued' || o.state === 'answered').map((o) => `${o.data.target.loop}\u0000${o.data.target.id}`));
    return this.targets.filter((item) => !open.has(`${item.loop.id}\u0000${item.id}`) && chainOfLoop(item.loop.id) !== undefined && (item.history.some((h) => h.type === 'escalate') || overdue(item, at)));
  }

  private renderIssueForm(): TemplateResult {
    const t = supervisionOrdersMessages[this.locale];
    const l = this.locale;
    const at = nowMs(this.now);
    const items = this.supervisable(at);
    if (items.length === 0) return html`<p class="muted">${t.noTargets}</p>`;
    const first = items[0]!;
    const chain = chainOfLoop(first.loop.id)!;
    const current = escalationLevelOf(first, chain);
    const levels = chain.levels.slice(1);
    const defaultLevel = this.level && levels.some((v) => v.id === this.level) ? this.level : current === chain.levels[0]!.id ? levels[0]!.id : current;
    const titleOf = (item: Snapshot) => {
      const d = item.data as { title?: unknown };
      return `${SUPERVISED_LOOP_LABELS[item.loop.id]?.[l] ?? item.loop.id} ${item.id}${typeof d?.title === 'string' ? ` · ${d.title}` : ''}`;
    };
    return html`<form class="issue" part="issue-form" aria-labelledby="so-issue-h" @submit=${(e: Event) => this.issue(e)}>
      <h3 id="so-issue-h">${t.issueHeading}</h3>
      <p><label for="so-target">${t.issueTarget}</label><br />
        <select id="so-target" name="target">${items.map((item, i) => html`<option value=${String(i)}>${titleOf(item)}</option>`)}</select></p>
      <p><label for="so-level">${t.issueLevel}</label><br />
        <select id="so-level" name="level">${levels.map((v) => html`<option value=${v.id} ?selected=${v.id === defaultLevel}>${standalone(v.label[l], l)}</option>`)}</select></p>
      <p><label for="so-addressee">${t.issueAddressee}</label><br /><input id="so-addressee" name="addressee" required /></p>
      <p><label for="so-instruction">${t.issueInstruction}</label><br /><textarea id="so-instruction" name="instruction" required></textarea></p>
      <p><label for="so-due">${t.issueDue}</label><br /><input id="so-due" name="dueDate" type="date" required /></p>
      ${this.issueProblem ? html`<p class="action-problem" role="alert">${this.issueProblem}</p>` : nothing}
      ${this.issuedText ? html`<p class="status" role="status">${this.issuedText}</p>` : nothing}
      <button type="submit">${t.issueSubmit}</button>
    </form>`;
  }

  private async issue(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const t = supervisionOrdersMessages[this.locale];
    const at = nowMs(this.now);
    const items = this.supervisable(at);
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
    const target = items[Number(value('target'))];
    if (!target) return;
    const id = `DB-${target.id}-${(this.list.items ?? []).length + 1}`;
    const actor = this.actor();
    let result: ReturnType<typeof issueSupervisionOrder>;
    try {
      result = issueSupervisionOrder({ id, target, level: value('level'), addressee: value('addressee'), instruction: value('instruction'), dueDate: value('dueDate'), actor: actor as never, at: formatInstant(at), ...(actor.unit ? {} : { issuedBy: actor.id }) }, this.list.items ?? []);
    } catch (error) {
      // A field left blank or malformed: core names it; say so in place.
      this.issueProblem = error instanceof Error ? error.message : String(error);
      this.issuedText = undefined;
      return;
    }
    if (!result.ok) {
      this.issueProblem = result.reason.message[this.locale];
      this.issuedText = undefined;
      emit<SupervisionRefusedDetail>(this, 'bh-supervision-refused', { id, event: 'issue', reason: { code: 'guard_failed', message: result.reason.message, event: 'issue', state: '', rule: result.reason.rule, ...(result.reason.field ? { field: result.reason.field } : {}) } });
      return;
    }
    const order = result.value;
    try {
      await this.list.storeController.write((s) => (s as SupervisionStore).put('orders', order));
    } catch (error) {
      this.issueProblem = error instanceof Error ? error.message : String(error);
      return;
    }
    this.list.replace(order);
    this.requestUpdate();
    this.issueProblem = undefined;
    this.issuedText = t.issued(order.id);
    form.reset();
    emit<SupervisionIssuedDetail>(this, 'bh-supervision-issued', { id: order.id, target: { loop: target.loop.id, id: target.id } });
  }

  private renderTable(all: readonly SupervisionItem[], at: number): TemplateResult {
    const t = supervisionOrdersMessages[this.locale];
    const l = this.locale;
    const target = (o: SupervisionItem) => this.targets.find((x) => x.loop.id === o.data.target.loop && x.id === o.data.target.id);
    const role = this.actor().role;
    const paging = { page: this.page, size: PAGE_SIZE, go: (p: number) => (this.page = p) };
    const table = pagedTable(l, all, paging, t.caption(all.length), [t.target, t.addressee, t.issuer, t.due, t.state, t.answer, t.actions], (o) => {
      const d = o.data;
      const late = o.state === 'issued' && overdue(o, at);
      const last = d.responses[d.responses.length - 1];
      const item = target(o);
      const level = chainOfLoop(d.target.loop)?.levels.find((v) => v.id === d.level)?.label[l] ?? d.level;
      return html`<tr>
        <th scope="row">${d.target.title ?? d.target.id}${item ? escalationMark(item, l) : nothing}<br /><span class="muted">${SUPERVISED_LOOP_LABELS[d.target.loop]?.[l] ?? d.target.loop} ${d.target.id} · ${o.id}</span></th>
        <td>${d.addressee}</td>
        <td>${d.issuedBy}<br /><span class="muted">${level}</span></td>
        <td class=${late ? 'late' : ''}>${formatDeadline(o.deadline ?? `${d.dueDate}`)}${late ? html` <span part="overdue">${aside(t.overdueMark, this.locale).trimStart()}</span>` : nothing}</td>
        <td>${standalone(supervisionLoop.states[o.state as SupervisionState].label[l], l)}${d.reissues.length ? html`<br /><span class="muted">${t.reissued(d.reissues.length)}</span>` : nothing}</td>
        <td>${last ? html`${last.response}${last.late ? html`<br /><span class="late">${t.lateAnswers}</span>` : nothing}` : html`<span class="muted">${t.noAnswer}</span>`}</td>
        <td>${this.list.rowActions(o, d.target.title ?? d.target.id, role)}
          ${printButton(o.id, t.printOrder(o.id), this.printing === o.id, () => void this.togglePrint(o.id))}</td>
      </tr>`;
    });
    return html`${table}${this.renderPreview(all)}`;
  }

  /** The open 督办单, filled from its order. */
  private renderPreview(all: readonly SupervisionItem[]): TemplateResult | typeof nothing {
    const order = this.printing ? all.find((o) => o.id === this.printing) : undefined;
    return order ? printPreview({ document: 'supervision', record: order, locale: this.locale, viewerRole: this.viewerRole }) : nothing;
  }

  private async togglePrint(id: string): Promise<void> {
    this.printing = this.printing === id ? undefined : id;
    await this.updateComplete;
    await focusPreview(this.renderRoot);
  }
}

/** The events `<bh-supervision-orders>` fires, with their `detail` types (all bubble and are composed). */
export interface BhSupervisionOrdersEventMap extends BihuanElementEventMap {
  'bh-supervision-issued': CustomEvent<SupervisionIssuedDetail>;
  'bh-supervision-transition': CustomEvent<SupervisionTransitionDetail>;
  'bh-supervision-refused': CustomEvent<SupervisionRefusedDetail>;
}

export interface BhSupervisionOrders { addEventListener: AddTypedListener<BhSupervisionOrders, BhSupervisionOrdersEventMap>; removeEventListener: RemoveTypedListener<BhSupervisionOrders, BhSupervisionOrdersEventMap> }
