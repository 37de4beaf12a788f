import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatDate, formatInstant, chinaDay } from '@bihuan/core/calendar';
import { type DisputeCategory, type DisputeIntake, type DisputeItem, type DisputeRole, type IntakeIssue, CHANNEL_LABELS, CHANNELS, DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS, acceptDispute, checkIntake, disputeLoop, disputeStoreSpec } from '@bihuan/core/dispute';
import { type AreaTreeInput, type DeclineReason, type DisputeSearchHit, AreaTreeSchema, DECLINE_REASONS, DECLINE_REASON_LABELS, areaIndex, findPossibleDuplicates } from '@bihuan/core/dispute';
import { transition } from '@bihuan/core/loop';
import { type NegativeList, NegativeListSchema, checkNegativeList } from '@bihuan/core/three-lists';
import type { DisputeStore } from '@bihuan/core/dispute';
import { FormAssociatedElement } from '../../internal/form-associated.js';
import { type Guard, MAX_TEXT, booleanGuard, functionGuard, idGuard, isPlainObject, nowGuard, roleGuard, schemaGuard, storeGuard } from '../../internal/guard.js';
import { problemOf } from '../../internal/problem.js';
import { errorSummary, errorSummaryStyles, focusErrorSummary, type FieldError } from '../../internal/error-summary.js';
import { type ActionDraft, type ActionField, FieldChecks, actionFields } from '../../internal/action-form.js';
import { formStyles } from '../../internal/form-styles.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { emit } from '../../internal/emit.js';
import { nowMs, type NowInput } from '../../internal/now.js';
import { disputeIntakeMessages } from './dispute-intake.messages.js';
import { disputeIntakeExtraStyles, disputeIntakeStyles } from './dispute-intake.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { BihuanError } from '@bihuan/core/schema';
import { type ViewerActor, markWords, viewerOf } from '../../internal/session.js';

/** One party as typed into the form. */
export interface PartyDraft {
  side: 'applicant' | 'respondent';
  name: string;
  phone: string;
  idNumber: string;
  address: string;
  needsHomeVisit: boolean;
}

/** The form's fields as typed (strings; empty is "not given"). */
export interface IntakeDraft {
  title: string;
  category: DisputeCategory | '';
  description: string;
  channel: 'walkIn' | 'grid';
  town: string;
  community: string;
  parties: PartyDraft[];
  reporterName: string;
  reporterId: string;
  /** The 12345 hotline item number, when the dispute came from there (empty otherwise). */
  hotline: string;
}

/** What the clerk does instead of accepting: 不予受理 with a reason, or 直接移交 to another body. */
export interface EndAtIntake {
  kind: 'decline' | 'transfer' | '';
  reason: DeclineReason | '';
  detail: string;
  advice: string;
  to: string;
  why: string;
}
const noEnd = (): EndAtIntake => ({ kind: '', reason: '', detail: '', advice: '', to: '', why: '' });

/** `bh-dispute-declined`: the dispute was recorded and ended at intake (declined, or referred elsewhere). */
export interface DisputeEndedDetail {
  readonly id: string;
  readonly event: 'decline' | 'transfer';
  readonly dispute: DisputeItem;
}

/** `bh-dispute-accepted`: the dispute was stored in the accepted (已受理) state. */
export interface DisputeAcceptedDetail {
  readonly id: string;
  readonly dispute: DisputeItem;
}

/** `bh-dispute-refused` from the intake: the negative list refused the matter. */
export interface IntakeRefusedDetail {
  readonly id: null;
  readonly event: 'accept';
  readonly rule: string;
  readonly message: string;
}

const emptyParty = (side: PartyDraft['side']): PartyDraft => ({ side, name: '', phone: '', idNumber: '', address: '', needsHomeVisit: false });

export const emptyIntakeDraft = (): IntakeDraft => ({
  title: '',
  category: '',
  description: '',
  channel: 'walkIn',
  town: '',
  community: '',
  parties: [emptyParty('applicant'), emptyParty('respondent')],
  reporterName: '',
  reporterId: '',
  hotline: '',
});

const SIDES: readonly string[] = ['applicant', 'respondent'];
const DRAFT_TEXTS = ['title', 'description', 'town', 'community', 'reporterName', 'reporterId', 'hotline'] as const;
const PARTY_TEXTS = ['name', 'phone', 'idNumber', 'address'] as const;
/** Most parties one intake may list (a group dispute of a whole building stays well under it). */
export const MAX_PARTIES = 200;
const isText = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT;

function partyOf(value: unknown): PartyDraft | undefined {
  if (!isPlainObject(value)) return undefined;
  const party = { ...emptyParty('respondent') };
  if (value.side !== undefined) {
    if (typeof value.side !== 'string' || !SIDES.includes(value.side)) return undefined;
    party.side = value.side as PartyDraft['side'];
  }
  for (const key of PARTY_TEXTS) {
    if (value[key] === undefined) continue;
    if (!isText(value[key])) return undefined;
    party[key] = value[key] as string;
  }
  if (value.needsHomeVisit !== undefined) {
    if (typeof value.needsHomeVisit !== 'boolean') return undefined;
    party.needsHomeVisit = value.needsHomeVisit;
  }
  return party;
}

/**
 * A draft as a host may give it: a plain object with any of the form's fields, each of its type;
 * missing fields are the empty form's. Copied field by field, so unknown keys (`__proto__` …) go.
 * Returns undefined for anything else.
 */
export function draftOf(value: unknown): IntakeDraft | undefined {
  if (!isPlainObject(value)) return undefined;
  const draft = emptyIntakeDraft();
  for (const key of DRAFT_TEXTS) {
    if (value[key] === undefined) continue;
    if (!isText(value[key])) return undefined;
    draft[key] = value[key] as string;
  }
  if (value.category !== undefined) {
    if (value.category !== '' && !(DISPUTE_CATEGORIES as readonly unknown[]).includes(value.category)) return undefined;
    draft.category = value.category as IntakeDraft['category'];
  }
  if (value.channel !== undefined) {
    if (!(CHANNELS as readonly unknown[]).includes(value.channel)) return undefined;
    draft.channel = value.channel as IntakeDraft['channel'];
  }
  if (value.parties !== undefined) {
    if (!Array.isArray(value.parties) || value.parties.length > MAX_PARTIES) return undefined;
    const parties: PartyDraft[] = [];
    for (const p of value.parties) {
      const party = partyOf(p);
      if (!party) return undefined;
      parties.push(party);
    }
    draft.parties = parties;
  }
  return draft;
}

const draftGuard: Guard = {
  expected: {
    'zh-CN': `表单草稿对象（IntakeDraft：各字段为文字，当事人不超过 ${MAX_PARTIES} 人）`,
    en: `a form draft object (IntakeDraft: text fields, at most ${MAX_PARTIES} parties)`,
  },
  check: (value) => {
    const draft = draftOf(value);
    return draft ? { ok: true, value: draft } : { ok: false };
  },
};

/** Most towns, and communities in all, the suggestions take: a city's whole list stays well under it. */
export const MAX_TOWNS = 2_000;
export const MAX_COMMUNITIES = 20_000;

/**
 * Towns with their communities as a host gives them, copied into a null-prototype record (a town
 * typed as "constructor" finds nothing), in bounded time: the key count is checked before any work.
 */
function townsOf(value: unknown): Readonly<Record<string, readonly string[]>> | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length > MAX_TOWNS) return undefined;
  const towns: Record<string, readonly string[]> = Object.create(null);
  let total = 0;
  for (const town of keys) {
    const list = value[town];
    if (town.length > 200 || !Array.isArray(list)) return undefined;
    total += list.length;
    if (total > MAX_COMMUNITIES || !list.every((c) => typeof c === 'string' && c.length <= 200)) return undefined;
    towns[town] = [...list];
  }
  return towns;
}

const townsGuard: Guard = {
  expected: {
    'zh-CN': `镇街及其社区的对象（{ 镇街: [社区, …] }，至多 ${MAX_TOWNS} 个镇街、${MAX_COMMUNITIES} 个社区）`,
    en: `an object of towns and their communities ({ town: [community, …] }, at most ${MAX_TOWNS} towns and ${MAX_COMMUNITIES} communities)`,
  },
  check: (value) => {
    const towns = townsOf(value);
    return towns ? { ok: true, value: towns } : { ok: false };
  },
};

const areasGuard = schemaGuard({ 'zh-CN': '区域树（见 AreaTreeSchema：县—镇（街道）—村（社区））', en: 'an area tree (see AreaTreeSchema: county → towns → villages)' }, AreaTreeSchema, isPlainObject);

const negativeListGuard = schemaGuard({ 'zh-CN': '负面清单（见 NegativeListSchema）', en: 'a negative list (see NegativeListSchema)' }, NegativeListSchema, isPlainObject);

/** The intake record a draft stands for (empty optional fields left out, parties numbered p1, p2 …). */
export function intakeOf(draft: IntakeDraft): DisputeIntake {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    title: draft.title,
    category: draft.category as DisputeCategory,
    description: draft.description,
    channel: draft.channel,
    town: draft.town,
    community: draft.community,
    parties: draft.parties.map((p, i) => {
      const party: DisputeIntake['parties'][number] = { id: `p${i + 1}`, side: p.side, name: p.name, needsHomeVisit: p.needsHomeVisit };
      const phone = opt(p.phone);
      const idNumber = opt(p.idNumber);
      const address = opt(p.address);
      if (phone !== undefined) party.phone = phone;
      if (idNumber !== undefined) party.idNumber = idNumber;
      if (address !== undefined) party.address = address;
      return party;
    }),
    reportedBy: draft.channel === 'grid' ? { id: draft.reporterId.trim(), name: draft.reporterName } : null,
    hotline: opt(draft.hotline.normalize('NFKC').toUpperCase()) ?? null,
  };
}

/** The form control of a schema path: `parties.0.phone` → `f-parties-0-phone`. */
export function fieldIdOf(path: string): string {
  if (path === '' || path === 'parties') return 'f-parties-0-side';
  if (path === 'reportedBy' || path === 'reportedBy.name') return 'f-reportedBy-name';
  if (path === 'channel') return 'f-channel-walkIn';
  return `f-${path.replace(/\./g, '-')}`;
}

function randomId(ms: number): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  const tail = [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 6).toUpperCase();
  return `JF-${formatDate(chinaDay(ms)).replace(/-/g, '')}-${tail}`;
}

/** The reporter's fields, named after the schema's path (`reportedBy.name`), as the draft calls them. */
const REPORTER_NAMES: Readonly<Record<string, string>> = { 'reportedBy-name': 'reporterName', 'reportedBy-id': 'reporterId' };

/** The roles that take a dispute in. */
const ACCEPT_ROLES = ['intakeClerk', 'supervisor'] as const;

/**
 * The intake form of the comprehensive-governance centre (受理): applicant and other parties with
 * their contacts, community and town, category, description and channel. It is form-associated —
 * inside a host's `<form>` it carries the intake as JSON under its `name` and blocks submission
 * while invalid. Fields are checked on blur and on submit with the rules of core's schema, in the
 * page's language; a refused submit shows an error summary that takes focus and links to each
 * field. The negative list is checked before accepting. On acceptance the dispute is stored in
 * the accepted state and `bh-dispute-accepted` carries its id.
 *
 * @tagname bh-dispute-intake
 * @summary The dispute intake form (纠纷受理登记): validates, checks the negative list, stores the dispute.
 *
 * @csspart form - The form.
 * @csspart error-summary - The error summary shown after a refused submit.
 * @csspart submit - The accept button.
 * @csspart status - The confirmation after a dispute is accepted.
 * @csspart problem - The in-place message shown when the store cannot be opened.
 * @csspart duplicates - The possible duplicates found for the parties as typed (masked for a viewer who may not see personal data).
 * @csspart end - The decline / refer-elsewhere section.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Hints and field borders.
 * @cssprop [--bh-color-surface=#ffffff] - Field background.
 * @cssprop [--bh-color-border=#d0d7de] - Fieldset borders.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - The confirmation.
 * @cssprop [--bh-color-bad=#b42318] - Errors.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * On a synced store (`createSyncedStore`) the clerk is the store's session's actor (as an
 * `intakeClerk` or `supervisor`); `viewer-role` and `viewer-id` are then ignored (local-only), and
 * a session without either role may not submit.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @attr {string} viewer-role - Local-only (ignored on a synced store): the role the clerk acts in.
 * @attr {string} viewer-id - Local-only (ignored on a synced store): who takes the dispute in.
 * @fires {CustomEvent<DisputeAcceptedDetail>} bh-dispute-accepted - The dispute was stored as accepted; `detail`: `{ id, dispute }`.
 * @fires {CustomEvent<IntakeRefusedDetail>} bh-dispute-refused - The negative list refused the matter; `detail`: `{ id: null, event: 'accept', rule, message }`.
 * @fires {CustomEvent<DisputeEndedDetail>} bh-dispute-declined - The dispute was recorded and declined (不予受理) or referred elsewhere at intake; `detail`: `{ id, event, dispute }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The store could not be opened or written.
 */
export class BhDisputeIntake extends FormAssociatedElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, disputeIntakeStyles, disputeIntakeExtraStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    name: { type: String, reflect: true, guard: idGuard },
    disabled: { type: Boolean, reflect: true, guard: booleanGuard },
    viewerRole: { type: String, attribute: 'viewer-role', guard: roleGuard(() => disputeLoop) },
    viewerId: { type: String, attribute: 'viewer-id', guard: idGuard },
    now: { guard: nowGuard },
    negativeList: { attribute: false, guard: negativeListGuard },
    generateId: { attribute: false, guard: functionGuard },
    towns: { attribute: false, guard: townsGuard },
    areas: { attribute: false, guard: areasGuard },
    caseHref: { type: String, attribute: 'case-href' },
    end: { state: true },
    ledger: { state: true },
    draft: { attribute: false, guard: draftGuard },
    busy: { state: true },
    notice: { state: true },
    formProblem: { state: true },
  };

  /** A store to write to (any `Store` holding core's `disputeStoreSpec` collections); the default IndexedDB store otherwise. */
  store?: DisputeStore;
  /** The name under which a host `<form>` receives the intake (JSON). */
  name = '';
  /** Disables every field. */
  disabled = false;
  /** Local-only (a synced store's session decides instead): the role the clerk acts in (`intakeClerk` by default; `supervisor` may accept too). */
  viewerRole: DisputeRole = 'intakeClerk';
  /** Local-only (a synced store's session decides instead): who is taking the dispute in, as recorded in its history. */
  viewerId = 'intake-clerk';
  /** The moment of acceptance (ISO instant, Date or ms); the clock's by default. */
  now: NowInput;
  /**
   * The negative list (负面清单) checked before accepting — matters that must not be taken on here,
   * and where they go instead (core's `loadNegativeList` / `exampleNegativeList`); none by default.
   * The dispute's category is checked against each rule's kinds.
   */
  negativeList?: NegativeList;
  /** Makes the new dispute's id; `JF-YYYYMMDD-XXXXXX` by default. */
  generateId?: (now: number) => string;
  /** Towns (镇街) with their villages and communities, offered as suggestions. */
  towns?: Readonly<Record<string, readonly string[]>>;
  /**
   * The county's town–village tree (core's `AreaTreeSchema`, e.g. `exampleAreaTree()`): the town
   * and village become lists, and the village list offers only the chosen town's villages (a
   * changed town clears a village that is not in it). Takes precedence over `towns`.
   */
  areas?: AreaTreeInput;
  /** Where a possible duplicate links to: `{id}` is replaced by its id (`#{id}` by default). */
  caseHref = '#{id}';
  /** The fields as typed; set it to pre-fill the form. */
  draft: IntakeDraft = emptyIntakeDraft();

  /** Errors show on a field once the clerk has left it, and all of them once a submit was tried. */
  private readonly checks = new FieldChecks(this);
  private busy = false;
  private notice = '';
  private formProblem: { label: string; message: string } | undefined;
  private end: EndAtIntake = noEnd();
  /** The stored disputes, for the possible-duplicate check (loaded when the store opens, refreshed after each save). */
  private ledger: readonly DisputeItem[] = [];
  private readonly storeController = new StoreController(this, disputeStoreSpec, async () => {
    await this.loadLedger();
  });

  private async loadLedger(): Promise<void> {
    const store = this.store ?? this.storeController.store;
    if (!store) return;
    try {
      this.ledger = (await store.all('disputes')).items as DisputeItem[];
    } catch {
      this.ledger = []; // The duplicate check is a help: without it, intake still works.
    }
  }

  /** Stored disputes that may be this one again: the same phone, ID number or address, or a name in the same town, in the last 90 days. */
  possibleDuplicates(): DisputeSearchHit[] {
    const parties = this.draft.parties
      .map((p) => ({ name: p.name.trim() || undefined, phone: p.phone.trim() || undefined, idNumber: p.idNumber.trim() || undefined, address: p.address.trim() || undefined }))
      .filter((p) => p.name || p.phone || p.idNumber || p.address);
    if (parties.length === 0 || this.ledger.length === 0) return [];
    try {
      return findPossibleDuplicates(this.ledger, { town: this.draft.town.trim() || undefined, parties }, { at: nowMs(this.now), viewer: this.viewer.role ? { role: this.viewer.role } : undefined, limit: 5 });
    } catch {
      return [];
    }
  }

  /** The intake as the form stands (not yet validated). */
  get value(): DisputeIntake {
    return intakeOf(this.draft);
  }

  /** Shows every error and moves focus to the error summary; returns whether the form is valid. */
  reportValidity(): boolean {
    this.checks.submit();
    const ok = this.issues().length === 0;
    if (!ok) void this.updateComplete.then(() => focusErrorSummary(this.renderRoot));
    return ok;
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** Empties the form. */
  reset(): void {
    this.draft = emptyIntakeDraft();
    this.end = noEnd();
    this.checks.reset();
    this.formProblem = undefined;
  }

  /**
   * Validates, checks the negative list and stores the dispute as accepted. Resolves to the new id,
   * or null when refused (the reasons are then shown, and focus is on the error summary).
   */
  /** Who takes the dispute in: the session's actor on a synced store, `viewer-role`/`viewer-id` otherwise. */
  get viewer(): ViewerActor {
    return viewerOf(this.store, ACCEPT_ROLES, { id: this.viewerId, role: this.viewerRole });
  }

  async accept(): Promise<string | null> {
    const t = disputeIntakeMessages[this.locale];
    this.formProblem = undefined;
    this.notice = '';
    if (!this.reportValidity()) return null;
    const intake = this.value;
    const verdict = this.negativeList ? checkNegativeList(this.negativeList, { kind: intake.category }) : undefined;
    if (verdict && !verdict.ok) {
      this.formProblem = { label: t.negativeList, message: verdict.reason[this.locale] };
      emit<IntakeRefusedDetail>(this, 'bh-dispute-refused', { id: null, event: 'accept', rule: verdict.rule.id, message: verdict.reason[this.locale] });
      await this.updateComplete;
      focusErrorSummary(this.renderRoot);
      return null;
    }
    this.busy = true;
    try {
      const store = this.store ?? this.storeController.store;
      if (!store) throw this.storeController.error ?? new Error(t.noStore);
      const at = nowMs(this.now);
      const id = (this.generateId ?? randomId)(at);
      const actor = this.viewer;
      if (!actor.role) throw new BihuanError('not_allowed', { 'zh-CN': markWords('zh-CN').viewOnly, en: markWords('en').viewOnly });
      const dispute = acceptDispute({ id, intake, actor: actor as ViewerActor & { role: DisputeRole }, at: formatInstant(at) });
      const ended = this.end.kind === '' ? undefined : this.endAtIntake(dispute, at);
      if (ended && !ended.ok) {
        this.formProblem = { label: t.endRefused, message: ended.message };
        await this.updateComplete;
        focusErrorSummary(this.renderRoot);
        return null;
      }
      const stored = ended?.ok ? ended.dispute : dispute;
      await store.put('disputes', stored, { actor });
      const kind = this.end.kind;
      this.reset();
      void this.loadLedger();
      if (kind === 'decline' || kind === 'transfer') {
        this.notice = kind === 'decline' ? t.declined(id) : t.transferred(id);
        emit<DisputeEndedDetail>(this, 'bh-dispute-declined', { id, event: kind, dispute: stored });
      } else {
        this.notice = t.accepted(id);
        emit<DisputeAcceptedDetail>(this, 'bh-dispute-accepted', { id, dispute });
      }
      return id;
    } catch (error) {
      const problem = problemOf(error, this.locale);
      this.formProblem = { label: t.saveFailed, message: problem.message };
      emit(this, 'bh-problem', { ...problem, code: problem.code === 'unexpected' ? 'store_failed' : problem.code });
      await this.updateComplete;
      focusErrorSummary(this.renderRoot);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** The new dispute ended at intake by the loop's `decline` or `transfer` event, or the loop's refusal in the page's language. */
  private endAtIntake(dispute: DisputeItem, at: number): { ok: true; dispute: DisputeItem } | { ok: false; message: string } {
    const e = this.end;
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const payload =
      e.kind === 'decline'
        ? { reason: e.reason || undefined, detail: opt(e.detail), advice: opt(e.advice) }
        : { to: e.to.trim(), reason: e.why.trim(), date: formatDate(chinaDay(at)) };
    const r = transition(disputeLoop, dispute, { type: e.kind as 'decline', actor: this.viewer as ViewerActor & { role: DisputeRole }, at: formatInstant(at), payload: payload as never });
    return r.ok ? { ok: true, dispute: r.snapshot as DisputeItem } : { ok: false, message: r.reason.message[this.locale] };
  }

  private setEnd(patch: Partial<EndAtIntake>): void {
    this.end = { ...this.end, ...patch };
    this.formProblem = undefined;
  }

  private issues(): readonly IntakeIssue[] {
    const result = checkIntake(this.value);
    const issues = result.ok ? [] : result.issues;
    const area = this.areaIssue();
    return area ? [...issues, area] : issues;
  }

  /** With the tree: a village (a pre-filled draft's, say) that is not one of the chosen town's is refused at its field. */
  private areaIssue(): IntakeIssue | undefined {
    const town = this.draft.town.trim();
    const village = this.draft.community.trim();
    if (!this.areas || !town || !village) return undefined;
    const index = areaIndex(this.areas);
    if (index.belongs(village, town)) return undefined;
    return { path: 'community', message: { 'zh-CN': `${village} 不属于 ${town}，请从该镇（街道）的村（社区）中选择`, en: `${village} is not in ${town}: choose one of its villages` } };
  }

  /** Each field's first issue, by field name (`parties.0.phone` → `parties-0-phone`). */
  private issuesByName(): Map<string, string> {
    const byName = new Map<string, string>();
    for (const issue of this.issues()) {
      const name = fieldIdOf(issue.path).slice(2);
      if (!byName.has(name)) byName.set(name, issue.message[this.locale]);
    }
    return byName;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const issues = this.issues();
    if (issues.length === 0) {
      this.internals.setFormValue(JSON.stringify(this.value));
      this.internals.setValidity({});
    } else {
      this.internals.setFormValue(null);
      const anchor = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldIdOf(issues[0]!.path))}`) ?? undefined;
      this.internals.setValidity({ customError: true }, issues[0]!.message[this.locale], anchor);
    }
  }

  private set(patch: Partial<IntakeDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.notice = '';
  }

  private setParty(index: number, patch: Partial<PartyDraft>): void {
    this.set({ parties: this.draft.parties.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  }

  /** A field changed: its value goes back into the draft (or the "instead of accepting" choice) it stands for. */
  private change = (name: string, value: string | boolean | string[]): void => {
    const party = /^parties-(\d+)-(\w+)$/.exec(name);
    if (party) return this.setParty(Number(party[1]), { [party[2]!]: value });
    if (name === 'end') return this.setEnd({ kind: value === 'accept' ? '' : (value as EndAtIntake['kind']) });
    if (name.startsWith('end-')) return this.setEnd({ [name.slice(4)]: value });
    // With the tree, a changed town clears a village that is not in it.
    if (name === 'town' && this.areas) return this.set({ town: value as string, community: areaIndex(this.areas).belongs(this.draft.community, value as string) ? this.draft.community : '' });
    this.set({ [REPORTER_NAMES[name] ?? name]: value });
  };

  /** The draft and the "instead of accepting" choice as the fields' values, by field name. */
  private values(): ActionDraft {
    const d = this.draft;
    const e = this.end;
    const values: ActionDraft = { title: d.title, category: d.category, description: d.description, channel: d.channel, 'reportedBy-name': d.reporterName, 'reportedBy-id': d.reporterId, hotline: d.hotline, town: d.town, community: d.community };
    Object.assign(values, { end: e.kind || 'accept', 'end-reason': e.reason, 'end-detail': e.detail, 'end-advice': e.advice, 'end-to': e.to, 'end-why': e.why });
    d.parties.forEach((p, i) => {
      for (const key of ['side', ...PARTY_TEXTS, 'needsHomeVisit'] as const) values[`parties-${i}-${key}`] = p[key];
    });
    return values;
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.accept();
  };

  private labelOf(id: string): string {
    const t = disputeIntakeMessages[this.locale];
    const party = /^f-parties-(\d+)-(\w+)$/.exec(id);
    if (party) return `${t.party(Number(party[1]) + 1)} ${(t as Record<string, unknown>)[party[2]!] as string}`;
    const key = { 'f-hotline': 'hotline', 'f-title': 'title', 'f-category': 'category', 'f-description': 'description', 'f-channel-walkIn': 'channel', 'f-town': 'town', 'f-community': 'community', 'f-reportedBy-name': 'reporterName', 'f-reportedBy-id': 'reporterId' }[id];
    return key ? ((t as Record<string, unknown>)[key] as string) : '';
  }

  protected override renderContent(): unknown {
    const t = disputeIntakeMessages[this.locale];
    const l = this.locale;
    const issues = this.issuesByName();
    const shown = [...issues].filter(([name]) => this.checks.shows(name));
    const summary: (FieldError | { message: string; label: string })[] = shown.map(([name, message]) => ({ id: `f-${name}`, label: this.labelOf(`f-${name}`), message }));
    if (this.formProblem) summary.unshift(this.formProblem);
    const d = this.draft;
    const values = this.values();
    const fields = (list: readonly ActionField[]) =>
      actionFields(list, { id: (name) => `f-${name}`, draft: values, change: this.change, problem: (name) => issues.get(name), checks: this.checks, errorAbove: true, optionalMark: t.optional });
    const text = (name: string, label: string, more: Partial<{ hint: string; optional: boolean }> = {}): ActionField => ({ kind: 'text', name, label, ...more });
    return html`<form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="intake-heading">
      <h2 class="heading" id="intake-heading">${t.heading}</h2>
      ${this.checks.tried || this.formProblem ? errorSummary(() => this.renderRoot, t.errorTitle, summary) : nothing}
      ${this.notice ? html`<p class="status" part="status" role="status">${this.notice}</p>` : html`<p class="status" part="status" role="status"></p>`}
      <fieldset class="all" ?disabled=${this.disabled || this.busy}>
        ${fields([
          text('title', t.title, { hint: t.titleHint }),
          { kind: 'select', name: 'category', label: t.category, placeholder: t.chooseCategory, options: DISPUTE_CATEGORIES.map((c) => ({ value: c, label: DISPUTE_CATEGORY_LABELS[c][l] })) },
          { kind: 'textarea', name: 'description', label: t.description },
          {
            kind: 'choice',
            name: 'channel',
            label: t.channel,
            options: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][l] })),
            fields: d.channel === 'grid' ? [{ kind: 'row', fields: [text('reportedBy-name', t.reporterName), text('reportedBy-id', t.reporterId)] }] : undefined,
          },
          text('hotline', t.hotline, { optional: true, hint: t.hotlineHint }),
          { kind: 'row', fields: this.areaFields() },
        ])}
        <fieldset>
          <legend>${t.parties}</legend>
          ${d.parties.map(
            (_, i) => html`<fieldset class="party">
              <legend>${t.party(i + 1)}</legend>
              ${fields(this.partyFields(i))}
              ${i > 0 ? html`<div><button type="button" @click=${() => this.set({ parties: this.draft.parties.filter((_, j) => j !== i) })}>${t.removeParty(i + 1)}</button></div>` : nothing}
            </fieldset>`,
          )}
          <div><button type="button" @click=${() => this.set({ parties: [...d.parties, emptyParty('respondent')] })}>${t.addParty}</button></div>
        </fieldset>
        ${this.renderDuplicates()} ${fields([this.endField()])}
      </fieldset>
      ${this.viewer.role ? nothing : html`<p class="muted">${markWords(this.locale).viewOnly}</p>`}
      <div><button type="submit" class="primary" part="submit" ?disabled=${this.disabled || this.busy || !this.viewer.role}>${this.busy ? t.submitting : this.end.kind === 'decline' ? t.submitDecline : this.end.kind === 'transfer' ? t.submitTransfer : t.submit}</button></div>
    </form>`;
  }

  /** Town and village: lists from the county's tree (the villages follow the chosen town), or free text with the host's suggestions. */
  private areaFields(): ActionField[] {
    const t = disputeIntakeMessages[this.locale];
    const names = (list: readonly { name: string }[]) => list.map((o) => ({ value: o.name, label: o.name }));
    if (this.areas) {
      const index = areaIndex(this.areas);
      const villages = (v: ActionDraft) => index.villagesOf(String(v.town ?? '').trim());
      return [
        { kind: 'select', name: 'town', label: t.town, placeholder: t.chooseTown, options: names(index.towns) },
        { kind: 'select', name: 'community', label: t.community, placeholder: (v) => (villages(v).length ? t.chooseVillage : t.chooseTownFirst), options: (v) => names(villages(v)) },
      ];
    }
    const towns = this.towns;
    return [
      { kind: 'text', name: 'town', label: t.town, suggestions: towns ? Object.keys(towns) : undefined },
      { kind: 'text', name: 'community', label: t.community, suggestions: (v) => (towns && Object.hasOwn(towns, String(v.town ?? '').trim()) ? towns[String(v.town).trim()]! : []) },
    ];
  }

  private partyFields(i: number): ActionField[] {
    const t = disputeIntakeMessages[this.locale];
    const name = (field: string) => `parties-${i}-${field}`;
    return [
      { kind: 'select', name: name('side'), label: t.side, options: [{ value: 'applicant', label: t.applicant }, { value: 'respondent', label: t.respondent }] },
      { kind: 'row', fields: [{ kind: 'text', name: name('name'), label: t.name }, { kind: 'tel', name: name('phone'), label: t.phone, optional: true }] },
      { kind: 'row', fields: [{ kind: 'text', name: name('idNumber'), label: t.idNumber, optional: true }, { kind: 'text', name: name('address'), label: t.address, optional: true }] },
      { kind: 'toggle', name: name('needsHomeVisit'), label: t.needsHomeVisit },
    ];
  }

  /** Instead of accepting: decline with a reason, or refer elsewhere; each asks its own fields. */
  private endField(): ActionField {
    const t = disputeIntakeMessages[this.locale];
    const kind = this.end.kind;
    const more: ActionField[] | undefined =
      kind === 'decline'
        ? [
            { kind: 'select', name: 'end-reason', label: t.declineReason, placeholder: t.chooseReason, options: DECLINE_REASONS.map((r) => ({ value: r, label: DECLINE_REASON_LABELS[r][this.locale] })) },
            { kind: 'text', name: 'end-detail', label: t.declineDetail },
            { kind: 'text', name: 'end-advice', label: t.declineAdvice },
          ]
        : kind === 'transfer'
          ? [
              { kind: 'text', name: 'end-to', label: t.transferTo },
              { kind: 'text', name: 'end-why', label: t.transferWhy },
            ]
          : undefined;
    const options = [
      { value: 'accept', label: t.endNone },
      { value: 'decline', label: t.endDecline },
      { value: 'transfer', label: t.endTransfer },
    ];
    return { kind: 'choice', name: 'end', label: t.endLegend, part: 'end', options, fields: more };
  }

  private renderDuplicates(): unknown {
    const t = disputeIntakeMessages[this.locale];
    const hits = this.possibleDuplicates();
    return html`<section class="duplicates" part="duplicates" aria-live="polite" aria-labelledby="dup-heading" ?hidden=${hits.length === 0}>
      ${hits.length
        ? html`<h3 id="dup-heading">${t.duplicatesHeading(hits.length)}</h3>
            <p class="hint">${t.duplicatesHint}</p>
            <ul>
              ${hits.map(
                (h) => html`<li>
                  <a href=${this.caseHref.replace('{id}', encodeURIComponent(h.id))}>${h.id}</a> ${h.title} · ${h.town}${h.community} ·
                  ${h.parties.map((p) => [p.name, p.phone].filter(Boolean).join(' ')).join('；')} · ${t.matchedOn(h.matched.map((m) => t.matchKinds[m]).join(t.listSeparator))}
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }
}

/** The events `<bh-dispute-intake>` fires, with their `detail` types (all bubble and are composed). */
export interface BhDisputeIntakeEventMap extends BihuanElementEventMap {
  'bh-dispute-accepted': CustomEvent<DisputeAcceptedDetail>;
  'bh-dispute-refused': CustomEvent<IntakeRefusedDetail>;
  'bh-dispute-declined': CustomEvent<DisputeEndedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhDisputeIntake { addEventListener: AddTypedListener<BhDisputeIntake, BhDisputeIntakeEventMap>; removeEventListener: RemoveTypedListener<BhDisputeIntake, BhDisputeIntakeEventMap> }
