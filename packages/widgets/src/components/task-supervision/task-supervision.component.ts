import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type Period, formatInstant, parseInstant, parsePeriod, previousPeriod, samePeriodLastYear } from '@bihuan/core/calendar';
import { formatChange, formatPoints } from '@bihuan/core/rate';
import '../rate-trend/define.js';
import { type CsvColumn, toCsv } from '@bihuan/core/export';
import { type Localized, BihuanError } from '@bihuan/core/schema';
import { type Roster, type RollupRow, type TaskOrder, type TaskStore, type TaskStoreSpec, compareForSupervision, laggardRule, laggards, rollupOrders, taskStoreSpec, urgeOrders } from '@bihuan/core/task';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { type ViewerActor, viewerOf } from '../../internal/session.js';
import { exportCsv } from '../../internal/csv-download.js';
import { dataStyles } from '../../internal/data-styles.js';
import { figures } from '../../internal/figures.js';
import { formStyles } from '../../internal/form-styles.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { escalationsMark, escalationStyles } from '../../internal/escalation-view.js';
import { periodSwitch, periodSwitchStyles } from '../../internal/period-switch.js';
import { taskSupervisionMessages, type TaskSupervisionMessages } from './task-supervision.messages.js';
import { taskSupervisionStyles } from './task-supervision.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import type { ExportDetail } from '../../internal/csv-download.js';
import { idGuard, monthOrEmptyGuard, nowTextGuard, numberGuard, storeGuard, textGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { standalone } from '../../internal/words.js';

type Level = 'county' | 'station' | 'officer';

/** `bh-task-urge`: a supervisor urged a unit; the urging is recorded on each order it concerns. */
export interface TaskUrgeDetail {
  readonly level: Level;
  readonly unit: string;
  readonly orders: readonly string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const OPEN = new Set(['dispatched', 'returned']);

/**
 * The supervisors' board (督导看板) of the community-policing task loop: completion by unit with
 * drill-down city → county → station → officer, overdue units and laggards first, exact rates, an
 * urge (督导) action that records the urging on the unit's open orders (overdue ones first), a
 * breakdown by category, and CSV export. Units are named from the roster in the store when there
 * is one.
 *
 * Reads and writes through the store (`store`, or the default IndexedDB store).
 *
 * On a synced store (`createSyncedStore`) the actor is the store's session's (id, name, unit), in
 * the `supervisor` role; `supervisor` then only chooses what is shown, and a session without that role is
 * offered no action.
 *
 * @tagname bh-task-supervision
 * @summary Completion by unit with drill-down, laggards first, urging and CSV export.
 *
 * @csspart path - The drill-down path (city › county › station).
 * @csspart escalated - A unit's mark: its orders escalated by rule (超期升级) as the period ended, the highest level reached and how many.
 * @csspart period-switch - With a `period`: week / month / quarter / year and the previous and next period.
 * @csspart previous-period - The button to the period before.
 * @csspart next-period - The button to the period after.
 * @csspart period-label - The period's first and last day.
 * @csspart period-change - The change on the previous period and on the same period last year.
 * @csspart stations - The units against the whole (a `<bh-rate-trend kind="bars">`: a bar per unit, the county's or city's rate as a line).
 * @csspart summary - The key figures of the unit shown.
 * @csspart table - The completion table by unit.
 * @csspart categories - The completion table by category.
 * @csspart export - The CSV export button.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the month or the store are refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background of the figures.
 * @cssprop [--bh-color-border=#d0d7de] - Table lines.
 * @cssprop [--bh-color-accent=#0b5cad] - Links, buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Overdue counts, laggard marks and problems.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<TaskUrgeDetail>} bh-task-urge - A unit was urged; `detail`: `{ level, unit, orders }` (the orders the urging was recorded on).
 * @fires {CustomEvent<ExportDetail>} bh-task-export - Before the CSV downloads (cancelable: `preventDefault()` keeps it from downloading); `detail`: `{ filename, csv, rows }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The month or the store were refused.
 */
export class BhTaskSupervision extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, taskSupervisionStyles, escalationStyles, periodSwitchStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    month: { type: String, guard: monthOrEmptyGuard },
    period: { type: String, guard: textGuard(22) },
    now: { type: String, guard: nowTextGuard },
    county: { type: String, guard: idGuard },
    station: { type: String, guard: idGuard },
    supervisor: { type: String, guard: idGuard },
    below: { type: Number, guard: numberGuard(0, 1) },
    orders: { state: true },
    status: { state: true },
  };

  /** A store with core's `taskStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: TaskStore;
  /** The month, `YYYY-MM`; every month in the store when empty. */
  month = '';
  /**
   * A reporting period (`2026-W49`, `2026-12`, `2026-Q4`, `2026`): the orders dispatched in it, as
   * they stood at its end, with the change on the previous period and on the same period last
   * year, and a switch (week / month / quarter / year, previous / next). Takes over from `month`.
   */
  period = '';
  /** The moment overdue is measured at, and urgings are stamped with (ISO instant); the clock's by default. */
  now = '';
  /** The county drilled into (empty: the whole city). */
  county = '';
  /** The station drilled into (empty: the county's stations). */
  station = '';
  /** The supervisor's id, recorded on urgings. */
  supervisor = 'supervisor';
  /** A completion below this share (0–1) marks a laggard (default 0.95); overdue orders always do. */
  below = 0.95;

  private orders: TaskOrder[] | undefined;
  private unreadable = 0;
  private roster: Roster | undefined;
  private status = '';
  private loadedFor: string | undefined;
  private readonly data = new StoreController<TaskStoreSpec['collections']>(this, taskStoreSpec, async (store) => {
    this.loadedFor = this.month + this.period;
    const where = !this.period && MONTH.test(this.month) ? { index: 'month', equals: this.month } : undefined;
    const [{ items, problems }, rosters] = await Promise.all([store.all('orders', where), store.all('rosters')]);
    this.orders = items as TaskOrder[];
    this.unreadable = problems.length;
    this.roster = rosters.items[0];
  });

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('month') || changed.has('period')) && this.data.store && this.loadedFor !== undefined && this.loadedFor !== this.month + this.period) {
      this.loadedFor = this.month + this.period;
      void this.data.reload();
    }
  }

  private get nowMs(): number {
    const ms = this.now ? parseInstant(this.now) : Number.NaN;
    return Number.isNaN(ms) ? Date.now() : ms;
  }

  private get level(): Level {
    return this.station ? 'officer' : this.county ? 'station' : 'county';
  }

  private name(level: Level | 'city', id: string): string {
    const r = this.roster;
    const pick = (name: Localized | undefined) => name?.[this.locale] ?? id;
    if (level === 'city') return r ? pick(r.city.name) : taskSupervisionMessages[this.locale].city;
    if (level === 'county') return pick(r?.counties.find((c) => c.id === id)?.name);
    if (level === 'station') return pick(r?.stations.find((s) => s.id === id)?.name);
    return r?.officers.find((o) => o.id === id)?.name ?? id;
  }

  /** The orders in the unit drilled into (and dispatched in the period, with one). */
  private scope(period?: Period): TaskOrder[] {
    const all = this.orders ?? [];
    const orders = period ? all.filter((o) => inside(period, o)) : all;
    if (this.station) return orders.filter((o) => o.data.station === this.station);
    if (this.county) return orders.filter((o) => o.data.county === this.county);
    return orders;
  }

  protected override renderContent(): unknown {
    const t = taskSupervisionMessages[this.locale];
    if (this.month && !MONTH.test(this.month)) throw new BihuanError('task_supervision_month', { 'zh-CN': taskSupervisionMessages['zh-CN'].badMonth, en: taskSupervisionMessages.en.badMonth });
    if (this.data.error) throw this.data.error;
    if (this.data.loading || this.orders === undefined) return html`<p role="status" part="loading">${t.loading}</p>`;
    // A period key that names none is refused in place (InvalidArgumentError, in both languages).
    const period = this.period ? parsePeriod(this.period) : undefined;
    const heading = html`<h2>${t.heading(period?.key ?? this.month)}</h2>${period ? periodSwitch(this.locale, period, (key) => (this.period = key)) : nothing}`;
    const status = html`<p class="status" role="status">${this.status}</p>`;
    const unreadable = this.unreadable ? html`<p class="bad">${t.unreadable(this.unreadable)}</p>` : nothing;
    const scope = this.scope(period);
    if (scope.length === 0) return html`${heading}${this.renderPath(t)}${unreadable}${status}<p class="empty">${t.empty}</p>`;
    const level = this.level;
    // As the orders stood at the end of the period (or now, for the current one).
    const asOf = period ? Math.min(period.endMs, this.nowMs) : this.nowMs;
    const [units, categories, totals] = rollupOrders(scope, [[level], ['category'], ['city']], { asOf });
    const total = totals![0];
    units!.sort(compareForSupervision);
    const behind = new Set(laggards(units!, { below: this.below }));
    const categoryNames = new Map(scope.map((o) => [o.data.template.category, o.data.template.categoryName[this.locale]]));
    return html`${heading}${this.renderPath(t)}
      ${figures([
        [t.denominator, formatNumber(total!.denominator)],
        [t.done, formatNumber(total!.done)],
        [t.overdue, formatNumber(total!.overdue)],
        [t.rate, total!.rate],
      ])}
      ${period ? this.renderChange(t, period, total!) : nothing}
      ${level !== 'officer' ? html`<bh-rate-trend part="stations" kind="bars" lang=${this.locale} label=${t.chart(t.levels[level]!)}
        .series=${[{ name: period?.key ?? (this.month || t.city), points: units!.map((row) => ({ key: row[level]!, label: this.name(level, row[level]!), numerator: row.done, denominator: row.denominator })) }]}
        .reference=${{ name: this.county ? this.name('county', this.county) : this.name('city', ''), numerator: total!.done, denominator: total!.denominator }}></bh-rate-trend>` : nothing}
      ${unreadable}
      <div class="toolbar">
        <button type="button" part="export" @click=${() => this.export(units!)}>${t.export}</button>
        ${status}
      </div>
      <div class="table-wrap" role="region" aria-label=${t.caption(t.levels[level]!)} tabindex="0">
        <table part="table" data-foot>
          <caption>${t.caption(t.levels[level]!)}</caption>
          <thead>
            <tr>
              <th scope="col">${standalone(t.levels[level]!, this.locale)}</th>
              <th scope="col" class="num">${t.denominator}</th>
              <th scope="col" class="num">${t.done}</th>
              <th scope="col" class="num">${t.overdue}</th>
              <th scope="col" class="num">${t.left}</th>
              <th scope="col" class="num">${t.rate}</th>
              <th scope="col">${t.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${units!.map((row) => this.renderRow(t, level, row, behind.has(row), scope, asOf))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t.totalRow}</th>
              <td class="num" data-foot-total="denominator">${formatNumber(total!.denominator)}</td>
              <td class="num" data-foot-total="done">${formatNumber(total!.done)}</td>
              <td class="num" data-foot-total="overdue">${formatNumber(total!.overdue)}</td>
              <td class="num" data-foot-total="left">${formatNumber(total!.exempt + total!.cancelled)}</td>
              <td class="num">${total!.rate}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="hint" part="laggard-rule">${laggardRule({ below: this.below })[this.locale]}</p>
      <div class="table-wrap" role="region" aria-label=${t.categoryCaption} tabindex="0">
        <table part="categories">
          <caption>${t.categoryCaption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.category}</th>
              <th scope="col" class="num">${t.denominator}</th>
              <th scope="col" class="num">${t.done}</th>
              <th scope="col" class="num">${t.overdue}</th>
              <th scope="col" class="num">${t.rate}</th>
            </tr>
          </thead>
          <tbody>
            ${categories!.map(
              (row) => html`<tr>
                <th scope="row">${categoryNames.get(row.category!) ?? row.category}</th>
                <td class="num">${formatNumber(row.denominator)}</td>
                <td class="num">${formatNumber(row.done)}</td>
                <td class="num ${row.overdue ? 'bad' : ''}">${formatNumber(row.overdue)}</td>
                <td class="num">${row.rate}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  /** The period's orders and rate against the previous period and the same period last year. */
  private renderChange(t: TaskSupervisionMessages, period: Period, total: RollupRow): TemplateResult {
    const totalOf = (p: Period): RollupRow | undefined => {
      const scope = this.scope(p);
      return scope.length ? rollupOrders(scope, [['city']], { asOf: Math.min(p.endMs, this.nowMs) })[0]![0] : undefined;
    };
    const line = (name: string, other: RollupRow | undefined, first: boolean) =>
      t.change(name, formatChange(total.denominator, other?.denominator ?? 0, { signDisplay: 'always' }), formatPoints([total.done, total.denominator], [other?.done ?? 0, other?.denominator ?? 0], { signDisplay: 'always' }), first);
    return html`<p class="status" part="period-change">${line(t.previousPeriod, totalOf(previousPeriod(period)), true)}${t.sep}${line(t.lastYear, totalOf(samePeriodLastYear(period)), false)}</p>`;
  }

  private renderPath(t: TaskSupervisionMessages): TemplateResult {
    const steps: [label: string, go: (() => void) | undefined][] = [[this.name('city', ''), this.county ? () => this.drill('', '') : undefined]];
    if (this.county) steps.push([this.name('county', this.county), this.station ? () => this.drill(this.county, '') : undefined]);
    if (this.station) steps.push([this.name('station', this.station), undefined]);
    return html`<nav class="path" part="path" aria-label=${t.path}>
      <ol>
        ${steps.map(([label, go]) => html`<li>${go ? html`<button type="button" class="link" @click=${go}>${label}</button>` : html`<span aria-current="page">${label}</span>`}</li>`)}
      </ol>
    </nav>`;
  }

  private renderRow(t: TaskSupervisionMessages, level: Level, row: RollupRow, laggard: boolean, scope: readonly TaskOrder[], asOf: number): TemplateResult {
    const id = row[level]!;
    const name = this.name(level, id);
    const drill = level === 'county' ? () => this.drill(id, '') : level === 'station' ? () => this.drill(this.county, id) : undefined;
    return html`<tr>
      <th scope="row">
        ${drill ? html`<button type="button" class="link" aria-label=${t.drill(name)} @click=${drill}>${name}</button>` : name}
        ${laggard ? html`<span class="laggard">${t.laggard}</span>` : nothing}${escalationsMark(scope.filter((o) => o.data[level] === id), this.locale, asOf)}
      </th>
      <td class="num" data-foot-part="denominator">${formatNumber(row.denominator)}</td>
      <td class="num" data-foot-part="done">${formatNumber(row.done)}</td>
      <td class="num ${row.overdue ? 'bad' : ''}" data-foot-part="overdue">${formatNumber(row.overdue)}</td>
      <td class="num" data-foot-part="left">${formatNumber(row.exempt + row.cancelled)}</td>
      <td class="num">${row.rate}</td>
      <td>
        ${this.actor.role ? html`<button type="button" ?disabled=${row.open === 0} aria-label=${t.urgeLabel(name, row.open)} @click=${() => this.urge(level, id, name)}>${t.urge}</button>` : nothing}
      </td>
    </tr>`;
  }

  private async drill(county: string, station: string): Promise<void> {
    this.county = county;
    this.station = station;
    this.status = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.path [aria-current]')?.setAttribute('tabindex', '-1');
    this.renderRoot.querySelector<HTMLElement>('.path [aria-current]')?.focus();
  }

  /** Who urges: the session's actor on a synced store (when it has the `supervisor` role), `supervisor` otherwise. */
  private get actor(): ViewerActor {
    return viewerOf(this.store, ['supervisor'], { id: this.supervisor || 'supervisor', role: 'supervisor' });
  }

  private async urge(level: Level, unit: string, name: string): Promise<void> {
    const t = taskSupervisionMessages[this.locale];
    const store = this.data.store;
    if (!store || !this.actor.role) return;
    const now = this.nowMs;
    const open = this.scope().filter((o) => o.data[level] === unit && OPEN.has(o.state));
    const late = open.filter((o) => parseInstant(o.data.due) <= now);
    const chosen = late.length ? late : open;
    if (chosen.length === 0) {
      this.status = t.nothingToUrge(name);
      return;
    }
    const latest = Math.max(now, ...chosen.map((o) => parseInstant(o.updatedAt)));
    const { urged } = await urgeOrders(store, { orders: chosen.map((o) => o.id), instruction: t.instruction, actor: this.actor as ViewerActor & { role: 'supervisor' }, at: formatInstant(latest) });
    this.status = t.urged(name, urged.length);
    this.dispatchEvent(new CustomEvent<TaskUrgeDetail>('bh-task-urge', { detail: { level, unit, orders: urged }, bubbles: true, composed: true }));
  }

  private export(rows: readonly RollupRow[]): void {
    const t = taskSupervisionMessages[this.locale];
    const level = this.level;
    const columns: CsvColumn<RollupRow>[] = [
      { header: t.csvLevel, value: () => t.levels[level] },
      { header: t.csvUnit, value: (r) => this.name(level, r[level]!), ...(level === 'officer' ? { personal: 'name' as const } : {}) },
      { header: t.csvDispatched, value: 'dispatched', type: 'number' },
      { header: t.csvExempt, value: 'exempt', type: 'number' },
      { header: t.csvCancelled, value: 'cancelled', type: 'number' },
      { header: t.denominator, value: 'denominator', type: 'number' },
      { header: t.done, value: 'done', type: 'number' },
      { header: t.overdue, value: 'overdue', type: 'number' },
      { header: t.rate, value: 'rate' },
    ];
    exportCsv(this, 'bh-task-export', { filename: t.filename(this.month), csv: toCsv(rows, columns), rows: rows.length });
  }
}

/** The events `<bh-task-supervision>` fires, with their `detail` types (all bubble and are composed). */
export interface BhTaskSupervisionEventMap extends BihuanElementEventMap {
  'bh-task-urge': CustomEvent<TaskUrgeDetail>;
  'bh-task-export': CustomEvent<ExportDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhTaskSupervision { addEventListener: AddTypedListener<BhTaskSupervision, BhTaskSupervisionEventMap>; removeEventListener: RemoveTypedListener<BhTaskSupervision, BhTaskSupervisionEventMap> }

/** Whether an order was dispatched (created) within the period. */
function inside(period: Period, order: TaskOrder): boolean {
  const at = parseInstant(order.createdAt);
  return at >= period.startMs && at < period.endMs;
}
