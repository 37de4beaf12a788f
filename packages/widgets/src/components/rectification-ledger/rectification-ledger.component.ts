import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type Period, formatInstant, parseDate, parsePeriod, chinaDay } from '@bihuan/core/calendar';
import { chinaDate, toCsv } from '@bihuan/core/export';
import { type RectificationEvent, type RectificationItem, type RectificationRole, type RectificationState, type RectificationStore, isRectificationOverdue, openOverdueAccountability, rectificationCsvColumns, rectificationLoop, rectificationOfPeriod, rectificationStoreSpec, sortRectificationLedger, summarizeRectification, summarizeRectificationPeriod } from '@bihuan/core/rectification';
import { actionFormStyles } from '../../internal/action-form.js';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { exportCsv } from '../../internal/csv-download.js';
import { dataStyles } from '../../internal/data-styles.js';
import { nowMs, type NowInput } from '../../internal/now.js';
import { figures } from '../../internal/figures.js';
import { formStyles } from '../../internal/form-styles.js';
import { type LoopRefusedDetail, type LoopTransitionDetail } from '../../internal/loop-actions.js';
import { pagedTable } from '../../internal/pager.js';
import { LoopList, loopListProperties } from '../../internal/loop-list.js';
import { themeStyles } from '../../internal/styles.js';
import { escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import { periodSwitch, periodSwitchStyles } from '../../internal/period-switch.js';
import { SyncMarksController, syncMarkStyles, viewerOf, type ViewerActor } from '../../internal/session.js';
import { rectificationLedgerMessages } from './rectification-ledger.messages.js';
import { RECTIFICATION_ACTIONS } from './rectification-ledger.actions.js';
import { rectificationLedgerStyles } from './rectification-ledger.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import type { ExportDetail } from '../../internal/csv-download.js';
import { booleanGuard, oneOfGuard, textGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { handlerLine, handlerViewStyles, mineOnly, mineSwitch, noneMine } from '../../internal/handler-view.js';
import { ownName, standalone } from '../../internal/words.js';

export type RectificationTransitionDetail = LoopTransitionDetail<RectificationEvent, RectificationState>;
/** What `bh-rectification-refused` carries: the action refused and the loop's reason. */
export type RectificationRefusedDetail = LoopRefusedDetail<RectificationEvent>;
export type RectificationView = 'all' | 'problemList' | 'ledger' | 'fixedAtOnce' | 'overdue';
const VIEWS: readonly RectificationView[] = ['all', 'problemList', 'ledger', 'fixedAtOnce', 'overdue'];

/** Rows per page of the table. */
const PAGE_SIZE = 50;

/**
 * The problem list and rectification ledger (问题清单 / 整改台账) of the double closed loop: items
 * by state, owner and deadline, overdue ones first and flagged in words, the actions the viewer's
 * role may take on each (enter in the ledger or fix at once, submit, verify or return, write off,
 * supervise), a supervisor's sweep that opens accountability for every overdue item, and a CSV
 * export of what is shown. The responsible unit (or a supervisor) names the handler (承办人) of an
 * item; reassigning gives a reason; once named, only the handler acts for the unit. With a
 * `viewer-id`, "my cases" (`mine`) shows only the items the viewer handles. A period switch (week,
 * month, quarter, year on the China calendar, or all) shows the items listed in the period as they
 * stood at its end (overdue then), with the change on the previous period and last year; a row that
 * has moved on since is read only.
 *
 * On a synced store (`createSyncedStore`) the actor (id, name, role, unit) comes from the store's
 * session and `viewer-role`, `viewer-id`, `viewer-unit` are display-only (local-only pages); a
 * row whose last change the server has not accepted yet is marked pending, one it refused shows
 * the server's reason.
 *
 * @tagname bh-rectification-ledger
 * @summary The rectification ledger: items by state, owner and deadline, overdue first, with actions per role.
 *
 * @csspart base - The ledger.
 * @csspart summary - The key figures.
 * @csspart table - The items table.
 * @csspart action-form - The inline form of an action that needs details.
 * @csspart export - The CSV export button.
 * @csspart period-switch - The period switch: all, week, month, quarter, year; the previous and next period.
 * @csspart previous-period - The button to the period before.
 * @csspart next-period - The button to the period after.
 * @csspart period-label - The period's first and last day.
 * @csspart period-change - The change on the previous period and on the same period last year.
 * @csspart mine - The "my cases" (我的案件) switch, shown with a `viewer-id`.
 * @csspart sweep - The supervisor's button that opens accountability for overdue items.
 * @csspart status - What the last sweep did.
 * @csspart pager - Previous/next page buttons (when the list is longer than a page).
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the store cannot be read.
 * @csspart escalated - A row's mark: the item was escalated by rule (超期升级) past its deadline.
 * @csspart pending - A row's mark: its last event is not yet accepted by the server (synced store).
 * @csspart sync-refusal - A row's mark: the server's reason for refusing its last event (synced store).
 *
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Borders.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Overdue flags and refusals.
 * @cssprop [--bh-rectification-overdue-surface=#fff5f5] - Background of overdue rows.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<RectificationTransitionDetail>} bh-rectification-transition - An action was applied; `detail`: `{ id, event, state }`.
 * @fires {CustomEvent<RectificationRefusedDetail>} bh-rectification-refused - The loop refused an action; `detail`: `{ id, event, reason }`.
 * @fires {CustomEvent<ExportDetail>} bh-rectification-export - The CSV is ready (cancel it to keep it from downloading); `detail`: `{ filename, csv, rows }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The store could not be read.
 */
export class BhRectificationLedger extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, actionFormStyles, rectificationLedgerStyles, syncMarkStyles, handlerViewStyles, escalationStyles, periodSwitchStyles];

  static override properties: PropertyDeclarations = {
    ...loopListProperties(() => rectificationLoop),
    mine: { type: Boolean, reflect: true, guard: booleanGuard },
    view: { type: String, guard: oneOfGuard(VIEWS) },
    period: { type: String, guard: textGuard(22) },
    page: { state: true },
    status: { state: true },
  };

  /** Any `Store` with core's `rectificationStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: RectificationStore;
  /** Local-only (a synced store's session decides instead): the viewer's role: `owner`, `verifier` or `supervisor` (no role: read only). */
  viewerRole: RectificationRole | '' = '';
  /** Local-only (a synced store's session decides instead): who acts, as recorded in each item's history. */
  viewerId = 'viewer';
  /** Local-only (a synced store's session decides instead): the body the viewer acts for, recorded as the actor's `unit`: the unit the viewer acts for; an owner acts only on their unit's items, and a verifier is never of the responsible unit. */
  viewerUnit = '';
  /** The moment the ledger is judged at (ISO instant, Date or ms); the clock's by default. */
  now: NowInput;
  /** "My cases" (我的案件): only the items whose named handler is the viewer. */
  mine = false;
  /** Which items are shown: `all`, `problemList`, `ledger`, `fixedAtOnce` or `overdue`. */
  view: RectificationView = 'all';
  /** A period (`2026-W10`, `2026-03`, `2026-Q1`, `2026`): the items listed in it, as they stood at its end. Empty: every item now. */
  period = '';

  /** The page of the table shown (from 0). */
  private page = 0;
  private status = '';
  /** The items from the store, and their rows' actions. */
  private readonly list = new LoopList(this, rectificationStoreSpec, {
    def: rectificationLoop,
    collection: 'items',
    actions: RECTIFICATION_ACTIONS,
    hidden: ['holdAccountable'],
    eventName: 'bh-rectification-transition',
    viewer: () => this.viewer(),
    now: () => nowMs(this.now),
  });

  /** The items shown now, in ledger order (the rows of the table and of the CSV). */
  get shown(): readonly RectificationItem[] {
    const { items, at } = this.scope();
    const sorted = sortRectificationLedger(mineOnly(items, this.mine, this.viewer().id), at);
    switch (this.view) {
      case 'problemList':
        return sorted.filter((i) => i.data.track === 'listed');
      case 'ledger':
        return sorted.filter((i) => i.data.track === 'ledger');
      case 'fixedAtOnce':
        return sorted.filter((i) => i.data.track === 'fixedAtOnce');
      case 'overdue':
        return sorted.filter((i) => isRectificationOverdue(i, at));
      default:
        return sorted;
    }
  }

  /** The period chosen (a key that names none throws, shown in place), its items as they stood at its end, and that moment (or now, for the current one). */
  private scope(): { period: Period | undefined; items: readonly RectificationItem[]; at: number } {
    const now = nowMs(this.now);
    const period = this.period ? parsePeriod(this.period) : undefined;
    if (!period) return { period, items: this.list.items ?? [], at: now };
    return { period, items: rectificationOfPeriod(this.list.items ?? [], period), at: Math.min(period.endMs, now) };
  }

  /** Exports the shown items as CSV (UTF-8 with BOM, Excel-ready); returns whether it downloaded. */
  exportCsv(): boolean {
    const t = rectificationLedgerMessages[this.locale];
    const { at } = this.scope();
    const shown = this.shown;
    const csv = toCsv(shown, rectificationCsvColumns(this.locale, at));
    return exportCsv(this, 'bh-rectification-export', { filename: t.filename(chinaDate(at)), csv, rows: shown.length });
  }

  /** Opens accountability for every overdue, unverified item (supervisor only); resolves to the records opened. */
  async sweep(): Promise<string[]> {
    const store = this.store ?? this.list.storeController.store;
    if (!store || this.viewer().role !== 'supervisor') return [];
    const opened = await openOverdueAccountability(store, formatInstant(nowMs(this.now)), { id: this.viewerId, role: 'supervisor' });
    this.status = rectificationLedgerMessages[this.locale].swept(opened.length);
    return opened;
  }

  private readonly syncMarks = new SyncMarksController(this, () => this.store);

  /** The actor the viewer's actions are recorded as: the session's on a synced store, the `viewer-*` attributes otherwise. */
  private viewer(): ViewerActor {
    return viewerOf(this.store, rectificationLoop.roles, { id: this.viewerId, role: this.viewerRole, unit: this.viewerUnit });
  }

  protected override renderContent(): unknown {
    const t = rectificationLedgerMessages[this.locale];
    if (this.list.storeController.error) throw this.list.storeController.error;
    if (this.list.items === undefined) return html`<p class="empty" role="status" part="loading">${t.loading}</p>`;
    const { period, items, at } = this.scope();
    const summary = summarizeRectification(items, at);
    const report = period ? summarizeRectificationPeriod(this.list.items, period) : undefined;
    const shown = this.shown;
    return html`<section class="ledger" part="base" aria-labelledby="rl-heading">
      <h2 class="heading" id="rl-heading">${t.heading}</h2>
      ${periodSwitch(this.locale, period, (key) => ((this.period = key), (this.page = 0)), { all: true, now: nowMs(this.now) })}
      ${figures([
        [t.total, formatNumber(summary.total), { total: 'items' }],
        [t.listed, formatNumber(summary.listed), { part: 'items' }],
        [t.fixedAtOnce, formatNumber(summary.fixedAtOnce), { part: 'items' }],
        [t.inLedger, formatNumber(summary.inLedger), { part: 'items' }],
        [t.overdue, formatNumber(summary.overdue)],
        [t.accountability, formatNumber(summary.accountabilityOpened)],
        [t.closedRate, summary.closedRate],
      ])}
      ${report ? html`<p class="status" part="period-change">${t.change(t.previousPeriod, report.total.previous, report.closedRate.previous, true)}${t.sep}${t.change(t.lastYear, report.total.lastYear, report.closedRate.lastYear, false)}</p>` : nothing}
      <div class="toolbar">
        <div class="field">
          <label for="rl-view">${t.view}</label>
          <select id="rl-view" @change=${(e: Event) => (this.view = (e.target as HTMLSelectElement).value as RectificationView)}>
            ${VIEWS.map((v) => html`<option value=${v} ?selected=${this.view === v}>${t.views[v]}</option>`)}
          </select>
        </div>
        ${mineSwitch(this.locale, this.viewer().id, this.mine, (mine) => ((this.mine = mine), (this.page = 0)))}
        <button type="button" part="export" @click=${() => this.exportCsv()}>${t.exportCsv}</button>
        ${this.viewer().role === 'supervisor' ? html`<button type="button" part="sweep" @click=${() => void this.sweep()}>${t.sweep}</button>` : nothing}
      </div>
      <p class="status" part="status" role="status">${this.status}</p>
      ${items.length === 0 ? html`<p class="empty">${period ? t.periodEmpty : t.empty}</p>` : shown.length === 0 ? html`<p class="empty">${this.mine ? noneMine(this.locale) : t.noneInView}</p>` : this.renderTable(shown, at)}
    </section>`;
  }

  private renderTable(all: readonly RectificationItem[], at: number): TemplateResult {
    const t = rectificationLedgerMessages[this.locale];
    const l = this.locale;
    const today = chinaDay(at);
    // Long lists come a page at a time (overdue items sort first, so they lead the first page).
    const paging = { page: this.page, size: PAGE_SIZE, go: (p: number) => (this.page = p) };
    return pagedTable(l, all, paging, t.caption(all.length), [t.problem, t.owner, t.deadline, t.state, t.actions], (item) => {
      const late = isRectificationOverdue(item, at);
      const days = parseDate(item.data.deadline) - today;
      const open = item.state !== 'verified' && item.state !== 'writtenOff';
      return html`<tr class=${late ? 'overdue' : ''}>
        <th scope="row">${item.data.title}<br /><span class="muted">${item.id}</span></th>
        <td>${ownName(item.data.unit, l)}<br />${item.data.owner}${handlerLine(item, l)}</td>
        <td><span class="date">${item.data.deadline}</span>${open ? html`<br />${late ? html`<span class="flag">${t.overdueBy(-days)}</span>` : html`<span class="muted">${t.dueIn(days)}</span>`}` : nothing}</td>
        <td>${standalone(rectificationLoop.states[item.state as RectificationState].label[l], l)}${escalationMark(item, l)}${this.syncMarks.marks('items', item.id)}${item.data.accountability ? html`<br /><span class="flag">${t.accountabilityOpened}</span>` : nothing}</td>
        <td>${this.list.rowActions(item, item.data.title)}</td>
      </tr>`;
    });
  }
}

/** The events `<bh-rectification-ledger>` fires, with their `detail` types (all bubble and are composed). */
export interface BhRectificationLedgerEventMap extends BihuanElementEventMap {
  'bh-rectification-transition': CustomEvent<RectificationTransitionDetail>;
  'bh-rectification-refused': CustomEvent<RectificationRefusedDetail>;
  'bh-rectification-export': CustomEvent<ExportDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhRectificationLedger { addEventListener: AddTypedListener<BhRectificationLedger, BhRectificationLedgerEventMap>; removeEventListener: RemoveTypedListener<BhRectificationLedger, BhRectificationLedgerEventMap> }
