import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { SATISFACTION_LABELS } from '@bihuan/core/schema';
import { viewerItem } from '../../internal/masking.js';
import { type ReceptionEvent, type ReceptionItem, type ReceptionPeriodReport, type ReceptionRole, type ReceptionState, type ReceptionStore, receptionLoop, receptionOfPeriod, receptionStoreSpec, summarizeReception, summarizeReceptionPeriod } from '@bihuan/core/reception';
import { type Period, parsePeriod } from '@bihuan/core/calendar';
import { actionFormStyles } from '../../internal/action-form.js';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { nowMs, type NowInput } from '../../internal/now.js';
import { figures } from '../../internal/figures.js';
import { formStyles } from '../../internal/form-styles.js';
import { type LoopRefusedDetail, type LoopTransitionDetail } from '../../internal/loop-actions.js';
import { pagedTable } from '../../internal/pager.js';
import { LoopList, loopListProperties } from '../../internal/loop-list.js';
import { themeStyles } from '../../internal/styles.js';
import { SyncMarksController, syncMarkStyles, viewerOf, type ViewerActor } from '../../internal/session.js';
import { receptionIssuesMessages } from './reception-issues.messages.js';
import { RECEPTION_ACTIONS } from './reception-issues.actions.js';
import { receptionIssuesStyles } from './reception-issues.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, idGuard, textGuard } from '../../internal/guard.js';
import { periodSwitch, periodSwitchStyles } from '../../internal/period-switch.js';
import { formatNumber } from '../../internal/format.js';
import { handlerLine, handlerViewStyles, mineOnly, mineSwitch, noneMine } from '../../internal/handler-view.js';
import { escalationMark, escalationStyles } from '../../internal/escalation-view.js';
import { ownName, standalone } from '../../internal/words.js';

export type ReceptionTransitionDetail = LoopTransitionDetail<ReceptionEvent, ReceptionState>;
/** What `bh-reception-refused` carries: the action refused and the loop's reason. */
export type ReceptionRefusedDetail = LoopRefusedDetail<ReceptionEvent>;

/** Rows per page of the table. */
const PAGE_SIZE = 50;

/**
 * The entrepreneur reception day's issue list (企业家接待日, S15): every issue a firm raised, its
 * department and state, the latest satisfaction rating, the closed share (the source's 6 of 23 →
 * 26.09%) and the satisfaction rate, and the actions the viewer's role may take — assign, handle,
 * supervise, feed back, rate (a "dissatisfied" rating reopens the handling), write off, reopen.
 * The firm's contact person is shown masked. A department names the handler (承办人) of an issue
 * assigned to it (a host names any); reassigning gives a reason; once named, only the handler acts
 * for the department. With a `viewer-id`, "my cases" (`mine`) shows only the issues the viewer handles.
 * A period switch (week, month, quarter, year on the China calendar, or all) shows the issues
 * collected in the period as they stood at its end — closed and on the supervision ledger footing to
 * the issues collected — with the change on the previous period (环比) and the same period last year
 * (同比); a row that has moved on since the period ended is read only (its actions are offered on
 * the row as it stands now).
 *
 * On a synced store (`createSyncedStore`) the actor (id, name, role, unit) comes from the store's
 * session and `viewer-role`, `viewer-id`, `viewer-unit` are display-only (local-only pages); a
 * row whose last change the server has not accepted yet is marked pending, one it refused shows
 * the server's reason.
 *
 * @tagname bh-reception-issues
 * @summary Reception-day issues with their state, satisfaction and closed share.
 *
 * @csspart base - The list.
 * @csspart summary - The key figures: the issues collected, and its parts (closed, on the supervision ledger) that foot to it; the closed share and satisfaction.
 * @csspart period-switch - The period switch: all, week, month, quarter, year; the previous and next period.
 * @csspart previous-period - The button to the period before.
 * @csspart next-period - The button to the period after.
 * @csspart period-label - The period's first and last day.
 * @csspart period-change - The change on the previous period and on the same period last year.
 * @csspart table - The issues table.
 * @csspart action-form - The inline form of an action that needs details.
 * @csspart mine - The "my cases" (我的案件) switch, shown with a `viewer-id`.
 * @csspart pager - Previous/next page buttons (when the list is longer than a page).
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the store cannot be read.
 * @csspart escalated - A row's mark: the issue was escalated by rule (超期升级) past its due date.
 * @csspart pending - A row's mark: its last event is not yet accepted by the server (synced store).
 * @csspart sync-refusal - A row's mark: the server's reason for refusing its last event (synced store).
 *
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Borders.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Dissatisfaction and refusals.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<ReceptionTransitionDetail>} bh-reception-transition - An action was applied; `detail`: `{ id, event, state }`.
 * @fires {CustomEvent<ReceptionRefusedDetail>} bh-reception-refused - The loop refused an action; `detail`: `{ id, event, reason }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The store could not be read.
 */
export class BhReceptionIssues extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, actionFormStyles, receptionIssuesStyles, syncMarkStyles, escalationStyles, handlerViewStyles, periodSwitchStyles];

  static override properties: PropertyDeclarations = {
    ...loopListProperties(() => receptionLoop),
    session: { type: String, guard: idGuard },
    mine: { type: Boolean, reflect: true, guard: booleanGuard },
    period: { type: String, guard: textGuard(22) },
    page: { state: true },
  };

  /** Any `Store` with core's `receptionStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: ReceptionStore;
  /** Local-only (a synced store's session decides instead): the viewer's role: `host`, `department` or `firm` (no role: read only). */
  viewerRole: ReceptionRole | '' = '';
  /** Local-only (a synced store's session decides instead): who acts, as recorded in each issue's history. */
  viewerId = 'viewer';
  /** Local-only (a synced store's session decides instead): the body the viewer acts for, recorded as the actor's `unit`: the department (for `department`) or the firm (for `firm`) the viewer acts for; a department handles only issues assigned to it, a firm rates only its own issues. */
  viewerUnit = '';
  /** The moment actions are recorded at (ISO instant, Date or ms); the clock's by default. */
  now: NowInput;
  /** Only the issues of this reception day (its `sessionId`); all when empty. */
  session = '';
  /** "My cases" (我的案件): only the issues whose named handler is the viewer. */
  mine = false;
  /**
   * A period (`2026-W09`, `2026-02`, `2026-Q1`, `2026`, or a range `2026-02-01..2026-02-28`): the
   * issues collected in it, as they stood at its end, with the change on the previous period and on
   * the same period last year. Empty: every issue as it stands now.
   */
  period = '';

  /** The page of the table shown (from 0). */
  private page = 0;
  /** The items from the store, and their rows' actions. */
  private readonly list = new LoopList(this, receptionStoreSpec, {
    def: receptionLoop,
    collection: 'issues',
    actions: RECEPTION_ACTIONS,
    eventName: 'bh-reception-transition',
    viewer: () => this.viewer(),
    now: () => nowMs(this.now),
  });

  /** The issues shown now: the session's (or all), of the period (as they stood at its end), open ones first, then by id. */
  get shown(): readonly ReceptionItem[] {
    const { period, items } = this.scope();
    const scoped = period ? receptionOfPeriod(items, period) : items;
    return scoped.slice().sort((a, b) => Number(a.state === 'closed') - Number(b.state === 'closed') || a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  /** The period chosen (a key that names none throws, shown in place) and the issues it is taken from: the session's (or all), "my cases" when on. */
  private scope(): { period: Period | undefined; items: readonly ReceptionItem[] } {
    const period = this.period ? parsePeriod(this.period) : undefined;
    const items = mineOnly((this.list.items ?? []).filter((i) => !this.session || i.data.sessionId === this.session), this.mine, this.viewer().id);
    return { period, items };
  }

  private readonly syncMarks = new SyncMarksController(this, () => this.store);

  /** The actor the viewer's actions are recorded as: the session's on a synced store, the `viewer-*` attributes otherwise. */
  private viewer(): ViewerActor {
    return viewerOf(this.store, receptionLoop.roles, { id: this.viewerId, role: this.viewerRole, unit: this.viewerUnit });
  }

  protected override renderContent(): unknown {
    const t = receptionIssuesMessages[this.locale];
    if (this.list.storeController.error) throw this.list.storeController.error;
    if (this.list.items === undefined) return html`<p class="empty" role="status" part="loading">${t.loading}</p>`;
    const { period, items } = this.scope();
    const shown = this.shown;
    const report = period ? summarizeReceptionPeriod(items, period) : undefined;
    const s = report?.summary ?? summarizeReception(shown);
    return html`<section class="issues" part="base" aria-labelledby="ri-heading">
      <h2 class="heading" id="ri-heading">${t.heading}</h2>
      ${periodSwitch(this.locale, period, (key) => ((this.period = key), (this.page = 0)), { all: true, now: nowMs(this.now) })}
      ${figures([
        [t.firms, formatNumber(s.firms)],
        [t.collected, formatNumber(s.collected), { total: 'issues' }],
        [t.closed, formatNumber(s.closed), { part: 'issues' }],
        [t.ledger, formatNumber(s.onSupervisionLedger), { part: 'issues' }],
        [t.closedRate, s.closedRate],
        [`${t.satisfactionRate}${t.rated(s.rated)}`, s.satisfactionRate],
      ])}
      ${report ? this.renderChange(report) : nothing}
      ${mineSwitch(this.locale, this.viewer().id, this.mine, (mine) => ((this.mine = mine), (this.page = 0)))}
      ${shown.length === 0 ? html`<p class="empty">${this.mine ? noneMine(this.locale) : period ? t.periodEmpty : t.empty}</p>` : this.renderTable(shown)}
    </section>`;
  }

  /** The period's issues collected, closed share and satisfaction against the previous period and the same period last year. */
  private renderChange(report: ReceptionPeriodReport): TemplateResult {
    const t = receptionIssuesMessages[this.locale];
    return html`<p class="status" part="period-change">${t.change(t.previousPeriod, report.collected.previous, report.closedRate.previous, report.satisfactionRate.previous, true)}${t.sep}${t.change(t.lastYear, report.collected.lastYear, report.closedRate.lastYear, report.satisfactionRate.lastYear, false)}</p>`;
  }

  private renderTable(all: readonly ReceptionItem[]): TemplateResult {
    const t = receptionIssuesMessages[this.locale];
    const l = this.locale;
    // Long lists come a page at a time: a reception day has dozens of issues, a year thousands.
    const paging = { page: this.page, size: PAGE_SIZE, go: (p: number) => (this.page = p) };
    return pagedTable(l, all, paging, t.caption(all.length), [t.issue, t.firm, t.department, t.state, t.satisfaction, t.actions], (item) => {
      // The firm's contact and phone are personal in the reception schema: always masked here.
      const d = viewerItem(receptionLoop, item, false).data;
      const last = d.ratings[d.ratings.length - 1];
      return html`<tr>
        <th scope="row">${d.title}<br /><span class="muted">${item.id} · ${d.sessionDate}</span></th>
        <td>${ownName(d.firm, l)}<br /><span class="muted">${d.contact}</span></td>
        <td>${d.department ? ownName(d.department, l) : '—'}${d.dueDate ? html`<br /><span class="muted">${d.dueDate}</span>` : nothing}${handlerLine(item, l)}</td>
        <td>${standalone(receptionLoop.states[item.state as ReceptionState].label[l], l)}${escalationMark(item, l)}${this.syncMarks.marks('issues', item.id)}${d.reopened ? html`<br /><span class="muted">${t.reopened(d.reopened)}</span>` : nothing}</td>
        <td class=${last?.satisfaction === 'dissatisfied' ? 'dissatisfied' : ''}>${last ? SATISFACTION_LABELS[last.satisfaction][l] : html`<span class="muted">${t.notRated}</span>`}</td>
        <td>${this.list.rowActions(item, d.title)}</td>
      </tr>`;
    });
  }
}

/** The events `<bh-reception-issues>` fires, with their `detail` types (all bubble and are composed). */
export interface BhReceptionIssuesEventMap extends BihuanElementEventMap {
  'bh-reception-transition': CustomEvent<ReceptionTransitionDetail>;
  'bh-reception-refused': CustomEvent<ReceptionRefusedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhReceptionIssues { addEventListener: AddTypedListener<BhReceptionIssues, BhReceptionIssuesEventMap>; removeEventListener: RemoveTypedListener<BhReceptionIssues, BhReceptionIssuesEventMap> }
