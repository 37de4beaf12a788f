import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatInstant, parseInstant } from '@bihuan/core/calendar';
import { type DisputeRole, type Channel, type DepartmentRegistry, type DisputeCollections, type DisputeItem, type DisputeState, type DisputeStore, type LedgerFilter, type LedgerSummary, CHANNEL_LABELS, CHANNELS, DISPUTE_CATEGORY_LABELS, DISPUTE_ROLE_LABELS, DISPUTE_STATE_LABELS, DISPUTE_PERSONAL_FIELDS, defaultDepartmentRegistry, disputeStoreOutline, queryLedger, summarizeLedger, type LedgerPeriodReport } from '@bihuan/core/dispute';
import { parsePeriod, type Period } from '@bihuan/core/calendar';
import type { CsvColumn } from '@bihuan/core/export';
import { overdue } from '@bihuan/core/loop';
import type { DisputeSearch } from '@bihuan/core/dispute';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { type Guard, MAX_LIST, isPlainObject, listGuard, textGuard } from '../../internal/guard.js';
import { viewerItemBy } from '../../internal/outline-masking.js';
import { scrollRegion } from '../../internal/figures.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import {
  type NowInput,
  applicantOf,
  departmentNames,
  emit,
  nowMs,
  seesPersonalData,
  stateLabel,
  viewerProperties,
} from '../../internal/dispute-view.js';
import { SyncMarksController, syncMarkStyles, viewerOf } from '../../internal/session.js';
import { disputeLedgerMessages, type DisputeLedgerMessages } from './dispute-ledger.messages.js';
import { disputeLedgerStyles } from './dispute-ledger.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import type { ExportDetail } from '../../internal/csv-download.js';
import { formatDeadline } from '../../internal/deadline.js';
import { formatNumber } from '../../internal/format.js';

/** What the ledger is filtered by; every criterion given must hold. */
export interface LedgerView {
  state?: DisputeState;
  department?: string;
  town?: string;
  community?: string;
  channel?: Channel;
  /** Only disputes past their stage deadline at `now`. */
  overdue?: boolean;
  /** Only disputes accepted in this period (`2026-12`, `2026-W49`, `2026-Q4`, `2026`, `2026-12-01..2026-12-07`). */
  period?: string;
  /** Only the viewer's own cases (我的案件): those whose named handler is `viewerId`. */
  mine?: boolean;
}

export type LedgerSortKey = 'id' | 'state' | 'community' | 'age' | 'deadline';
export interface LedgerSort {
  key: LedgerSortKey;
  direction: 'ascending' | 'descending';
}

/** `bh-dispute-open`: the viewer chose a dispute (to show it in `<bh-dispute-case>`, say). */
export interface DisputeOpenDetail {
  readonly id: string;
}

type OnDemandModule = typeof import('../../internal/ledger-on-demand.js');
let onDemandModule: OnDemandModule | undefined;
let onDemandLoading: Promise<OnDemandModule> | undefined;
/** The search's and the period report's code, fetched once per page on first use (a failed fetch is tried again by the next). */
function loadOnDemand(): Promise<OnDemandModule> {
  return (onDemandLoading ??= import('../../internal/ledger-on-demand.js').then(
    (m) => (onDemandModule = m),
    (error: unknown) => {
      onDemandLoading = undefined;
      throw error;
    },
  ));
}

/** The CSV export's code (core's CSV writer, which masks by schemas, and so zod), fetched when a viewer first exports. */
const loadExport = () => import('../../internal/ledger-export.js');

// The states and roles from core's tables, and masking by core's outline of a dispute's personal
// fields (held equal to the schema's marks by core's tests): the first page of rows needs neither
// the loop nor zod (the period report, the search and the export load on demand).

const ROW = 56; // px; the same as --_row-h (two lines of text)
const OVERSCAN = 6;
const DAY = 86_400_000;
const STATES = Object.keys(DISPUTE_STATE_LABELS) as DisputeState[];
const STATE_ORDER = new Map(STATES.map((s, i) => [s, i]));

interface Computed {
  readonly source: readonly DisputeItem[];
  readonly key: string;
  readonly shown: readonly DisputeItem[];
  readonly summary: LedgerSummary;
  readonly byPeriod?: LedgerPeriodReport;
}

/** The period a key names, or undefined for none or a key that names none (the field says so). */
function periodOrUndefined(key: string | undefined): Period | undefined {
  if (!key) return undefined;
  try {
    return parsePeriod(key);
  } catch {
    return undefined;
  }
}

const SORT_KEYS: readonly string[] = ['id', 'state', 'community', 'age', 'deadline'];
const isShortText = (v: unknown) => typeof v === 'string' && v.length <= 200;

/** A view as a host may give it: known criteria only, each of its type; copied (no `__proto__` keys). */
function viewOf(value: unknown): LedgerView | undefined {
  if (!isPlainObject(value)) return undefined;
  const view: LedgerView = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (key === 'state' && typeof v === 'string' && (STATES as readonly string[]).includes(v)) view.state = v as DisputeState;
    else if (key === 'channel' && typeof v === 'string' && (CHANNELS as readonly string[]).includes(v)) view.channel = v as Channel;
    else if ((key === 'department' || key === 'town' || key === 'community') && isShortText(v)) view[key] = v as string;
    else if ((key === 'overdue' || key === 'mine') && typeof v === 'boolean') view[key] = v;
    else if (key === 'period' && typeof v === 'string' && v.length <= 22) view.period = v;
    else return undefined;
  }
  return view;
}

const viewGuard: Guard = {
  expected: {
    'zh-CN': '筛选条件对象（state、department、town、community、channel、overdue、period、mine 之一或多个）',
    en: 'a filter object (any of state, department, town, community, channel, overdue, period, mine)',
  },
  check: (value) => {
    const view = viewOf(value);
    return view ? { ok: true, value: view } : { ok: false };
  },
};

const sortGuard: Guard = {
  expected: { 'zh-CN': `排序对象（key 为 ${SORT_KEYS.join(' / ')}，direction 为 ascending / descending）`, en: `a sort object (key: ${SORT_KEYS.join(' / ')}; direction: ascending / descending)` },
  check: (value) =>
    isPlainObject(value) && typeof value.key === 'string' && SORT_KEYS.includes(value.key) && (value.direction === 'ascending' || value.direction === 'descending')
      ? { ok: true, value: { key: value.key as LedgerSortKey, direction: value.direction } }
      : { ok: false },
};

const itemsGuard = listGuard({ 'zh-CN': `纠纷记录的数组（至多 ${MAX_LIST} 条）`, en: `an array of dispute records (at most ${MAX_LIST})` });

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const SORTERS: Record<LedgerSortKey, (a: DisputeItem, b: DisputeItem) => number> = {
  id: (a, b) => compare(a.id, b.id),
  state: (a, b) => (STATE_ORDER.get(a.state) ?? 0) - (STATE_ORDER.get(b.state) ?? 0) || compare(a.id, b.id),
  community: (a, b) => compare(a.data.town, b.data.town) || compare(a.data.community, b.data.community) || compare(a.id, b.id),
  // Age: the older (earlier accepted) first when ascending by age means the youngest first.
  age: (a, b) => compare(b.createdAt, a.createdAt) || compare(a.id, b.id),
  deadline: (a, b) =>
    a.deadline === undefined ? (b.deadline === undefined ? compare(a.id, b.id) : 1) : b.deadline === undefined ? -1 : parseInstant(a.deadline) - parseInstant(b.deadline) || compare(a.id, b.id),
};

/**
 * The dispute ledger (台账): every dispute with its state, departments, community, age and stage
 * deadline; filters by state, department, town, community, channel and overdue; sorting; the
 * resolution rate of what is shown (化解率, exact); CSV export. Personal data are masked
 * (138****1234) unless the viewer's role may see them. Rows are windowed: only the rows in view
 * are rendered, so 100,000 disputes scroll as smoothly as 100. It is an ARIA table with row and
 * column counts; each row's number is a button that opens the dispute, and ↑ ↓ Home End move
 * between rows.
 *
 * Data come from `items` when the host gives them, otherwise from the store (`store`, or the
 * default IndexedDB store), reloaded when it changes — in this tab or another.
 *
 * @tagname bh-dispute-ledger
 * @summary The dispute ledger (台账) with filters, sorting, the resolution rate and CSV export.
 *
 * @csspart filters - The filter bar.
 * @csspart search - The search box (case number, 12345 item, name, phone, ID number, address).
 * @csspart period - The period field (统计期: `2026-12`, `2026-W49` …), the ledger's date filter.
 * @csspart mine - The "my cases" (我的案件) switch, shown with a `viewer-id`.
 * @csspart period-summary - With a period: its figures as they stood at its end, with the change on the previous period and on last year.
 * @csspart summary - The count and resolution rate of what is shown.
 * @csspart table - The table.
 * @csspart export - The CSV export button.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the data are refused.
 * @csspart pending - A row's mark: its last event is not yet accepted by the server (synced store).
 * @csspart sync-refusal - A row's mark: the server's reason for refusing its last event (synced store).
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Table background.
 * @cssprop [--bh-color-border=#d0d7de] - Row lines.
 * @cssprop [--bh-color-accent=#0b5cad] - Links and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Overdue marks and problems.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 * @cssprop [--bh-dispute-ledger-height=28rem] - Height of the scrolling rows.
 * @cssprop [--bh-dispute-ledger-head-surface=#f6f8fa] - Header row background.
 *
 * On a synced store (`createSyncedStore`) the viewer's role comes from the store's session, and a
 * row whose last event the server has not accepted yet is marked pending, one it refused shows the
 * server's reason.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @attr {string} viewer-role - Local-only (ignored on a synced store, whose session decides): the viewer's role (`intakeClerk`, `mediator`, `departmentLiaison`, `supervisor`): decides whether personal data show in clear.
 * @attr {string} viewer-id - Local-only (ignored on a synced store): the viewer's id.
 * @attr {string} now - The moment to judge deadlines at (ISO instant); the clock's when absent.
 * @fires {CustomEvent<DisputeOpenDetail>} bh-dispute-open - A dispute's number was activated; `detail`: `{ id }`.
 * @fires {CustomEvent<ExportDetail>} bh-dispute-export - Before the CSV downloads (cancelable: `preventDefault()` keeps it from downloading); `detail`: `{ filename, csv, rows }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The disputes or the store were refused.
 */
export class BhDisputeLedger extends BihuanElement {
  static override styles = [themeStyles, disputeLedgerStyles, syncMarkStyles];

  static override properties: PropertyDeclarations = {
    ...viewerProperties,
    items: { attribute: false, guard: itemsGuard },
    filter: { attribute: false, guard: viewGuard },
    sort: { attribute: false, guard: sortGuard },
    query: { type: String, guard: textGuard(200) },
    loaded: { state: true },
    scrolled: { state: true },
    later: { state: true },
  };

  /** A store holding core's `disputeStoreSpec` collections; the default IndexedDB store otherwise. Ignored when `items` is set. */
  store?: DisputeStore;
  /** The disputes to show, when the host has them already (a server's query); the store is then not read. */
  items?: readonly DisputeItem[];
  /** Local-only (a synced store's session decides instead): the viewer's role: decides whether personal data show in clear. */
  viewerRole?: DisputeRole;
  /** The viewer's id (local-only: a synced store's session decides instead): with it, the filter offers "my cases" (我的案件), the disputes this person handles. */
  viewerId?: string;
  /** The moment ages and overdue marks are computed at; the clock's by default. */
  now: NowInput;
  /** The centre's departments (names for the routed departments, and the department filter). */
  registry?: DepartmentRegistry;
  /** Roles that see personal data in clear (core's `DISPUTE_PERSONAL_DATA_ROLES` by default). */
  personalDataRoles?: readonly string[];
  /** The filters in force. */
  filter: LedgerView = {};
  /**
   * Search (the search box): a case number, 12345 item number, words of the subject or place, a
   * party's name, phone, ID number or address — full-/half-width and spaces ignored. A viewer who
   * sees personal data masked finds a party only by the whole name or number, and sees it masked.
   */
  query = '';
  private searchIndex: { source: readonly DisputeItem[]; search: DisputeSearch } | undefined;
  private onDemandWait: Promise<unknown> | undefined;
  /** The sort order; the source's order (the store's: by number) when unset. */
  sort?: LedgerSort;

  private loaded: readonly DisputeItem[] | undefined;
  private unreadable = 0;
  private scrolled = 0;
  private computed: Computed | undefined;
  /** Work done after the first paint: the overdue count of what is shown, and the area lists. */
  private later: { shown?: readonly DisputeItem[]; overdue?: number; source?: readonly DisputeItem[]; towns?: string[]; communities?: string[] } = {};
  private laterScheduled = false;
  private laterFrame = 0;
  private laterTimer: ReturnType<typeof setTimeout> | undefined;
  private storeController: StoreController<DisputeCollections> | undefined;
  private frame = 0;
  private readonly syncMarks = new SyncMarksController(this, () => this.store);

  override connectedCallback(): void {
    super.connectedCallback();
    // Only a ledger that reads the store opens one.
    if (this.items === undefined && !this.storeController) {
      this.storeController = new StoreController(this, disputeStoreOutline, async (store) => {
        const { items, problems } = await store.all('disputes');
        this.loaded = items as DisputeItem[];
        this.unreadable = problems.length;
      });
    }
    // Back in a page: the work after the first paint that was dropped on leaving it.
    if (this.hasUpdated) this.scheduleLater();
  }

  /** The disputes shown now, after filters and sorting (the rows of the table and of the CSV). */
  get shown(): readonly DisputeItem[] {
    return this.compute().shown;
  }

  private source(): readonly DisputeItem[] | undefined {
    if (this.items !== undefined) return this.items;
    // While a store is being bound (a first load, or another store given) the rows of a store read
    // before — the page's default store before the host gave its own, say — are not this one's.
    return this.storeController?.loading ? undefined : this.loaded;
  }

  private compute(): Computed {
    const source = this.source() ?? [];
    const f = this.filter ?? {};
    const at = f.overdue ? nowMs(this.now) : undefined;
    const q = typeof this.query === 'string' ? this.query.trim().slice(0, 200) : '';
    const period = periodOrUndefined(f.period);
    const extra = q !== '' || period ? this.onDemandCode() : undefined;
    const search = q === '' ? undefined : extra;
    const key = JSON.stringify([f, this.sort ?? null, at ?? null, q, this.viewerRole ?? null, extra !== undefined]);
    if (this.computed && this.computed.source === source && this.computed.key === key) return this.computed;
    const query: LedgerFilter = {};
    if (f.state) query.state = f.state;
    if (f.department) query.department = f.department;
    if (f.town) query.town = f.town;
    if (f.community) query.community = f.community;
    if (f.channel) query.channel = f.channel;
    if (at !== undefined) query.overdueAt = formatInstant(at);
    if (period) query.period = period.key;
    if (f.mine) query.handler = this.viewerIdNow ?? '';
    let shown: readonly DisputeItem[] = Object.keys(query).length ? queryLedger(source, query) : source;
    // While the search's code is on its way nothing is shown as matching (the widget says it is reading).
    if (q !== '' && !search) shown = [];
    else if (q !== '' && search) {
      if (this.searchIndex?.source !== source) this.searchIndex = { source, search: search.createDisputeSearch(source) };
      const viewer = { role: this.viewerRole ?? null, ...(this.personalDataRoles ? { personalDataRoles: [...this.personalDataRoles] } : {}) };
      const found = new Set(this.searchIndex.search.search(q, { viewer, limit: Math.max(1, Math.min(source.length, 10_000)) }).map((h) => h.id));
      shown = shown.filter((item) => found.has(item.id));
    }
    if (this.sort) {
      const sorter = SORTERS[this.sort.key];
      const sorted = shown.slice().sort(sorter);
      shown = this.sort.direction === 'descending' ? sorted.reverse() : sorted;
    }
    // With a period: the period's figures as they stood at its end, against the previous period and last year.
    const byPeriod = period && extra ? extra.summarizeLedgerPeriod(f.mine ? queryLedger(source, { handler: this.viewerIdNow ?? '' }) : source, period) : undefined;
    this.computed = { source, key, shown, summary: summarizeLedger(shown), byPeriod };
    return this.computed;
  }

  /** The search's and period report's code once fetched; until then `undefined`, and the ledger renders again when it arrives. */
  private onDemandCode(): OnDemandModule | undefined {
    if (onDemandModule) return onDemandModule;
    this.onDemandWait ??= loadOnDemand().then(
      () => this.requestUpdate(),
      (error: unknown) => {
        this.onDemandWait = undefined;
        this.fail(error);
      },
    );
    return undefined;
  }

  // `updateComplete` settles once a search's results (or a period's report) are shown, not on the render while their code loads.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.onDemandWait || onDemandModule) return done;
    await this.onDemandWait;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('filter') || changed.has('sort') || changed.has('items')) {
      this.scrolled = 0;
      const body = this.renderRoot.querySelector('.body');
      if (body) body.scrollTop = 0;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.place();
    this.scheduleLater();
  }

  /** After the first paint: the overdue count and the area lists cost a pass over every row. */
  private scheduleLater(): void {
    const computed = this.computed;
    if (!computed || this.laterScheduled || !this.isConnected) return;
    if (this.later.shown === computed.shown && this.later.source === computed.source) return;
    this.laterScheduled = true;
    this.laterFrame = requestAnimationFrame(() => {
      this.laterTimer = setTimeout(() => {
        this.laterTimer = undefined;
        this.laterScheduled = false;
        const current = this.computed;
        if (!current) return;
        try {
          this.laterWork(current);
        } catch (error) {
          // A row the first paint could show but this pass cannot read (a deadline that is not a
          // moment, say): say so in place, never from a timer into the page.
          this.fail(error);
        }
      });
    });
  }

  /** After the first paint: the overdue count and the area lists (a pass over every row). */
  private laterWork(current: Computed): void {
    const next = { ...this.later };
    if (next.shown !== current.shown) {
      const at = nowMs(this.now);
      let late = 0;
      for (const item of current.shown) if (item.deadline !== undefined && overdue(item, at)) late++;
      next.shown = current.shown;
      next.overdue = late;
    }
    if (next.source !== current.source) {
      const towns = new Set<string>();
      const communities = new Set<string>();
      for (const item of current.source) {
        towns.add(item.data.town);
        communities.add(item.data.community);
      }
      next.source = current.source;
      next.towns = [...towns].sort();
      next.communities = [...communities].sort();
    }
    this.later = next;
  }

  /**
   * Sizes the scroll area and places the rendered rows through the CSSOM — never a `style`
   * attribute, which a strict CSP (`style-src 'self'`) refuses.
   */
  private place(): void {
    const rows = this.renderRoot.querySelector<HTMLElement>('.rows');
    if (!rows) return;
    rows.style.height = `${(this.computed?.shown.length ?? 0) * ROW}px`;
    for (const row of rows.children as HTMLCollectionOf<HTMLElement>) {
      row.style.transform = `translateY(${(Number(row.getAttribute('aria-rowindex')) - 2) * ROW}px)`;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    // A ledger taken out of the page does not spend a pass over every row on lists no one sees.
    cancelAnimationFrame(this.laterFrame);
    clearTimeout(this.laterTimer);
    this.laterTimer = undefined;
    this.laterScheduled = false;
  }

  private onScroll = (event: Event): void => {
    const body = event.currentTarget as HTMLElement;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.scrolled = body.scrollTop;
    });
  };

  private setFilter(patch: Partial<LedgerView>): void {
    const next: LedgerView = { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof LedgerView)[]) if (next[k] === '' || next[k] === false || next[k] === undefined) delete next[k];
    this.filter = next;
  }

  private toggleSort(key: LedgerSortKey): void {
    this.sort = this.sort?.key === key && this.sort.direction === 'ascending' ? { key, direction: 'descending' } : { key, direction: 'ascending' };
  }

  /** Downloads the rows shown as CSV (Excel-ready: BOM, China dates), masked unless the viewer may see personal data; resolves to whether it downloaded (false when a `bh-dispute-export` listener prevented it). The CSV code is fetched on first use. */
  async exportCsv(): Promise<boolean> {
    const { toCsv, chinaDate, exportCsv } = await loadExport();
    const t = disputeLedgerMessages[this.locale];
    const { shown } = this.compute();
    const at = nowMs(this.now);
    const locale = this.locale;
    const registry = this.registry;
    const columns: CsvColumn<DisputeItem>[] = [
      { header: t.id, value: 'id' },
      { header: t.title, value: (d) => d.data.title },
      { header: t.category, value: (d) => DISPUTE_CATEGORY_LABELS[d.data.category][locale] },
      { header: t.channel, value: (d) => CHANNEL_LABELS[d.data.channel][locale] },
      { header: t.town, value: (d) => d.data.town },
      { header: t.community, value: (d) => d.data.community },
      { header: t.applicant, value: (d) => applicantOf(d)?.name, personal: 'name' },
      { header: t.phone, value: (d) => applicantOf(d)?.phone, personal: 'phone' },
      { header: t.state, value: (d) => stateLabel(d.state, locale) },
      { header: t.departments, value: (d) => departmentNames(d.data.routing?.departments, locale, registry) },
      { header: t.acceptedAt, value: 'createdAt', type: 'datetime' },
      { header: t.deadline, value: 'deadline', type: 'datetime' },
      { header: t.overdue, value: (d) => (d.deadline !== undefined && overdue(d, at) ? t.overdueYes : t.overdueNo) },
    ];
    const csv = toCsv(shown, columns, { unmasked: seesPersonalData(this.viewerRoleNow, this.personalDataRoles) });
    return exportCsv(this, 'bh-dispute-export', { filename: t.filename(chinaDate(at)), csv, rows: shown.length });
  }

  private async focusRow(index: number): Promise<void> {
    const total = this.compute().shown.length;
    const i = Math.max(0, Math.min(total - 1, index));
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (!body) return;
    const top = i * ROW;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW - body.clientHeight;
    this.scrolled = body.scrollTop;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[aria-rowindex="${i + 2}"] .open`)?.focus();
  }

  private onRowKey = (event: KeyboardEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[aria-rowindex]');
    const index = Number(row?.getAttribute('aria-rowindex')) - 2;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: Number.MAX_SAFE_INTEGER, PageDown: index + 10, PageUp: index - 10 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    void this.focusRow(moves[event.key]!);
  };

  /** The viewer's role: the session's on a synced store, `viewer-role` otherwise. */
  // The viewer's id: the session's on a synced store, else `viewer-id`.
  private get viewerIdNow(): string | undefined {
    return viewerOf(this.store, DISPUTE_ROLE_LABELS, { id: this.viewerId ?? '', role: this.viewerRole }).id || undefined;
  }

  private get viewerRoleNow(): string | undefined {
    return viewerOf(this.store, DISPUTE_ROLE_LABELS, { id: this.viewerId ?? '', role: this.viewerRole }).role || undefined;
  }

  protected override renderContent(): unknown {
    const t = disputeLedgerMessages[this.locale];
    if (this.storeController?.error) throw this.storeController.error;
    const source = this.source();
    if (source === undefined) return html`<p class="note" role="status" part="loading">${t.loading}</p>`;
    const { shown, summary, byPeriod } = this.compute();
    if (this.onDemandWait && !onDemandModule) return html`<p class="note" role="status" part="loading">${t.loading}</p>`;
    const clear = seesPersonalData(this.viewerRoleNow, this.personalDataRoles);
    const later = this.later.shown === shown ? this.later : undefined;
    const n = { format: formatNumber };
    return html`${this.renderFilters(t)}
      <p class="summary" part="summary" role="status">
        ${t.summary(n.format(shown.length), n.format(summary.resolved), summary.resolutionRate)}${later?.overdue !== undefined ? t.overdueCount(n.format(later.overdue)) : ''}
      </p>
      ${byPeriod ? html`<p class="summary" part="period-summary">${t.periodSummary(byPeriod.period.key, n.format(byPeriod.summary.accepted), n.format(byPeriod.summary.resolved), byPeriod.summary.resolutionRate, byPeriod.accepted, byPeriod.resolutionRate)}</p>` : nothing}
      ${clear ? nothing : html`<p class="note">${t.masked}</p>`} ${this.unreadable ? html`<p class="note">${t.unreadable(this.unreadable)}</p>` : nothing}
      ${shown.length === 0 ? html`<p class="empty">${source.length === 0 ? t.empty : t.noMatch}</p>` : this.renderTable(t, shown, clear)}`;
  }

  private renderFilters(t: DisputeLedgerMessages): TemplateResult {
    const f = this.filter ?? {};
    const registry = this.registry ?? defaultDepartmentRegistry;
    const list = (values: readonly string[] | undefined, current: string | undefined) => {
      const all = values ?? [];
      return current && !all.includes(current) ? [current, ...all] : all;
    };
    const select = (label: string, value: string | undefined, options: readonly (readonly [string, string])[], onChange: (v: string) => void) =>
      html`<label>${label}<select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>${t.all}</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`)}
        </select></label>`;
    return html`<div class="filters" role="search" aria-label=${t.search}>
        <label class="search">${t.search}<input type="search" part="search" .value=${this.query ?? ''} placeholder=${t.searchHint}
            @change=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') this.query = (e.target as HTMLInputElement).value;
            }} /></label>
      </div>
      <div class="filters" part="filters" role="group" aria-label=${t.filters}>
      ${select(t.state, f.state, STATES.map((s) => [s, stateLabel(s, this.locale)] as const), (v) => this.setFilter({ state: v as DisputeState }))}
      ${select(t.department, f.department, registry.departments.map((d) => [d.id, d.name[this.locale]] as const), (v) => this.setFilter({ department: v }))}
      ${select(t.town, f.town, list(this.later.towns, f.town).map((v) => [v, v] as const), (v) => this.setFilter({ town: v }))}
      ${select(t.community, f.community, list(this.later.communities, f.community).map((v) => [v, v] as const), (v) => this.setFilter({ community: v }))}
      ${select(t.channel, f.channel, CHANNELS.map((c) => [c, CHANNEL_LABELS[c][this.locale]] as const), (v) => this.setFilter({ channel: v as Channel }))}
      <label class="check"><input type="checkbox" .checked=${!!f.overdue} @change=${(e: Event) => this.setFilter({ overdue: (e.target as HTMLInputElement).checked })} />${t.overdueOnly}</label>
      <label>${t.period}<input type="text" part="period" inputmode="text" placeholder="2026-12" .value=${f.period ?? ''} aria-invalid=${f.period && !periodOrUndefined(f.period) ? 'true' : 'false'} aria-describedby="period-hint"
        @change=${(e: Event) => this.setFilter({ period: (e.target as HTMLInputElement).value.trim() })} /></label>
      <span id="period-hint" class="note">${f.period && !periodOrUndefined(f.period) ? t.periodInvalid : t.periodHint}</span>
      ${this.viewerIdNow ? html`<label class="check"><input type="checkbox" part="mine" .checked=${!!f.mine} @change=${(e: Event) => this.setFilter({ mine: (e.target as HTMLInputElement).checked })} />${t.mine}</label>` : nothing}
      <button type="button" class="export" part="export" @click=${() => void this.exportCsv().catch((error: unknown) => this.fail(error))}>${t.exportCsv}</button>
    </div>`;
  }

  private renderTable(t: DisputeLedgerMessages, shown: readonly DisputeItem[], clear: boolean): TemplateResult {
    const total = shown.length;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    const viewport = body?.clientHeight || 448;
    const first = Math.max(0, Math.floor(this.scrolled / ROW) - OVERSCAN);
    const last = Math.min(total, first + Math.ceil(viewport / ROW) + 2 * OVERSCAN);
    const at = nowMs(this.now);
    const head = (label: string, key?: LedgerSortKey) => {
      if (!key) return html`<div role="columnheader">${label}</div>`;
      const sorted = this.sort?.key === key ? this.sort.direction : undefined;
      return html`<div role="columnheader" aria-sort=${sorted ?? 'none'}>
        <button type="button" title=${t.sortBy(label)} @click=${() => this.toggleSort(key)}>${label}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span></button>
      </div>`;
    };
    const rows: TemplateResult[] = [];
    for (let i = first; i < last; i++) rows.push(this.renderRow(t, shown[i]!, i, clear, at));
    return scrollRegion(t.caption, html`
      <div class="table" part="table" role="table" aria-label=${t.caption} aria-rowcount=${total + 1} aria-colcount="10">
        <div role="rowgroup">
          <div class="row head" role="row" aria-rowindex="1">
            ${head(t.id, 'id')}${head(t.title)}${head(t.applicant)}${head(t.phone)}${head(t.state, 'state')}${head(t.departments)}${head(t.area, 'community')}${head(t.channel)}${head(t.age, 'age')}${head(t.deadline, 'deadline')}
          </div>
        </div>
        <div class="body" role="rowgroup" @scroll=${this.onScroll}>
          <div class="rows" role="none">${rows}</div>
        </div>
      </div>`);
  }

  private renderRow(t: DisputeLedgerMessages, stored: DisputeItem, i: number, clear: boolean, at: number): TemplateResult {
    // The viewer's copy of the row: personal fields masked as the dispute schema marks them.
    const item = viewerItemBy(DISPUTE_PERSONAL_FIELDS, stored, clear);
    const d = item.data;
    const applicant = applicantOf(item);
    const late = item.deadline !== undefined && overdue(item, at);
    const age = Math.max(0, Math.floor((at - parseInstant(item.createdAt)) / DAY));
    return html`<div class="row" role="row" aria-rowindex=${i + 2}>
      <div role="cell"><button type="button" class="open" aria-label=${t.open(item.id)} @click=${() => emit<DisputeOpenDetail>(this, 'bh-dispute-open', { id: item.id })} @keydown=${this.onRowKey}>${item.id}</button></div>
      <div role="cell" title=${d.title}>${d.title}${d.hotline ? html` <span class="hotline">12345 ${d.hotline}</span>` : nothing}</div>
      <div role="cell">${applicant?.name ?? ''}</div>
      <div role="cell" class="nowrap">${applicant?.phone ?? ''}</div>
      <div role="cell">${stateLabel(item.state, this.locale)}${this.syncMarks.marks('disputes', item.id)}</div>
      <div role="cell">${departmentNames(d.routing?.departments, this.locale, this.registry)}</div>
      <div role="cell">${d.town} / ${d.community}</div>
      <div role="cell">${CHANNEL_LABELS[d.channel][this.locale]}</div>
      <div role="cell">${t.days(age)}</div>
      <div role="cell" class=${late ? 'late' : ''}><span class="nowrap">${item.deadline ? formatDeadline(item.deadline) : '—'}</span>${late ? html` <span>${t.overdue}</span>` : nothing}</div>
    </div>`;
  }
}

/** The events `<bh-dispute-ledger>` fires, with their `detail` types (all bubble and are composed). */
export interface BhDisputeLedgerEventMap extends BihuanElementEventMap {
  'bh-dispute-open': CustomEvent<DisputeOpenDetail>;
  'bh-dispute-export': CustomEvent<ExportDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhDisputeLedger { addEventListener: AddTypedListener<BhDisputeLedger, BhDisputeLedgerEventMap>; removeEventListener: RemoveTypedListener<BhDisputeLedger, BhDisputeLedgerEventMap> }
