// The dispute loop's actions as one table: for each event, the fields its form asks for (in the
// action forms' one vocabulary, `ActionField`), their
// starting values, how the typed fields become the event's payload, and how a stored payload
// reads in the timeline. The case widget renders and sends every action from this table alone;
// an event without an entry takes no payload (its form has the note only). The actions' names in
// zh-CN and English are the loop's own labels (`disputeLoop.events[event].label`).
import { DECLINE_REASON_LABELS, DECLINE_REASONS, type DepartmentRegistry, type DisputeEvent, type DisputeItem, FOLLOW_UP_METHOD_LABELS, FOLLOW_UP_METHODS, MEDIATION_MODE_LABELS, PRESENCES, PRESENCE_LABELS, REFERRAL_TARGETS, REFERRAL_TARGET_LABELS, SATISFACTION, SATISFACTION_LABELS, suggestRouting } from '@bihuan/core/dispute';
import type { Locale } from '@bihuan/core/schema';
import type { ActionDraft, ActionTable, Choice, LoopAction } from '../../internal/action-form.js';
import { departmentName, departmentNames } from '../../internal/dispute-view.js';
import type { DisputeCaseMessages } from './dispute-case.messages.js';
import { aside, joinClauses, joinList, labelled } from '../../internal/words.js';
import { escalationLine } from '../../internal/escalation-view.js';

export type { ActionDraft };

/** What an action's form is worked out from. */
export interface ActionContext {
  readonly item: DisputeItem;
  readonly locale: Locale;
  readonly t: DisputeCaseMessages;
  readonly registry: DepartmentRegistry;
  readonly viewerId: string;
  /** Today in China (`YYYY-MM-DD`), the default date of what happens now. */
  readonly today: string;
  /** The signed agreement scans attached to the case (the settlement names one of them, or none). */
  readonly scans?: readonly { readonly id: string; readonly name: string }[];
}

/** What a stored payload is read with. */
export type DescribeContext = Pick<ActionContext, 'locale' | 't' | 'registry'> & {
  /** The case's parties, so that a payload naming parties by id shows their names. */
  readonly parties?: readonly { readonly id: string; readonly name: string }[];
};

/** A party's name for their id (the id itself when the case does not list them). */
const partyName = (c: DescribeContext, id: string) => c.parties?.find((p) => p.id === id)?.name ?? id;

/** One row of the table: the shared shape of every domain's action (`LoopAction`), with each part given. */
export type DisputeAction = LoopAction<ActionContext, DescribeContext> & Required<Pick<LoopAction<ActionContext, DescribeContext>, 'defaults' | 'payload' | 'describe'>>;

const lines = (text: string) => text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const list = (text: string) => text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
/** The trimmed text under `key`, as `{ [key]: text }`, or nothing when blank (an optional field). */
const ifGiven = (draft: ActionDraft, key: string) => (str(draft[key]).trim() ? { [key]: str(draft[key]).trim() } : {});
const sep = (l: Locale) => (l === 'en' ? '; ' : '；');
const joined = (l: Locale, parts: readonly string[]) => joinClauses(parts.filter(Boolean), l);
const choices = <K extends string>(keys: readonly K[], names: Readonly<Record<K, Readonly<Record<Locale, string>>>>, l: Locale): Choice[] => keys.map((k) => ({ value: k, label: names[k][l] }));

/** Events whose payload is a reason (and nothing else). */
const reasonOnly: DisputeAction = {
  fields: ({ t }) => [{ kind: 'textarea', name: 'reason', label: t.reason }],
  defaults: () => ({}),
  payload: (d) => ({ reason: str(d.reason) }),
  describe: (p) => str(p.reason),
};

/** A hard case — reopened after a failed follow-up — is routed to the rules' escalation bodies too. */
const isHard = (item: DisputeItem) => (item.data.reopened ?? 0) > 0;
/** Core's routing rule for this case: the few first-line bodies, or the joint panel for a hard case. */
const routingSuggestion = (item: DisputeItem, registry: DepartmentRegistry) => suggestRouting(item.data.category, undefined, registry, { hard: isHard(item) });

export const DISPUTE_ACTIONS: ActionTable<DisputeEvent, ActionContext, DisputeAction> = {
  route: {
    fields: ({ t, locale: l, registry, item }, draft) => [
      {
        kind: 'group',
        label: t.departmentsField,
        fields: PRESENCES.map((presence) => ({
          kind: 'checks' as const,
          name: 'departments',
          label: PRESENCE_LABELS[presence][l],
          options: registry.byPresence(presence).map((d) => ({ value: d.id, label: d.name[l] })),
        })).filter((f) => f.options.length > 0),
      },
      { kind: 'toggle', name: 'joint', label: t.jointField, hint: t.suggested(departmentNames(routingSuggestion(item, registry).departments, l, registry), isHard(item)) },
      { kind: 'select', name: 'lead', label: t.leadField, options: [{ value: '', label: t.noLead }, ...strings(draft.departments).map((id) => ({ value: id, label: departmentName(id, l, registry) }))] },
    ],
    defaults: ({ item, registry }) => {
      const suggestion = routingSuggestion(item, registry);
      return { departments: [...suggestion.departments], joint: suggestion.joint, lead: '' };
    },
    payload: (d) => ({ departments: strings(d.departments), joint: d.joint === true, lead: str(d.lead) || null }),
    describe: (p, { t, locale: l, registry }) =>
      joined(l, [departmentNames(strings(p.departments), l, registry), p.joint ? t.joint : '', p.lead ? labelled(t.lead, departmentName(str(p.lead), l, registry), l) : '']),
  },
  mediate: {
    fields: ({ t, locale: l }) => [
      { kind: 'choice', name: 'mode', label: t.mode, options: choices(['atCentre', 'atHome'] as const, MEDIATION_MODE_LABELS, l) },
      { kind: 'text', name: 'mediators', label: t.mediators, optional: true },
    ],
    defaults: ({ item, viewerId }) => ({ mode: item.data.parties.some((p) => p.needsHomeVisit) ? 'atHome' : 'atCentre', mediators: viewerId }),
    payload: (d) => ({ mode: str(d.mode), mediators: list(str(d.mediators)) }),
    describe: (p, { locale: l }) => joined(l, [MEDIATION_MODE_LABELS[p.mode as 'atCentre']?.[l] ?? '', joinList(strings(p.mediators), l)]),
  },
  settle: {
    fields: ({ t, item, locale, scans }) => [
      { kind: 'textarea', name: 'terms', label: t.terms },
      { kind: 'checks', name: 'consentedBy', label: t.consentedBy, options: item.data.parties.map((p) => ({ value: p.id, label: `${p.name}${aside(p.side === 'applicant' ? t.applicant : t.respondent, locale)}` })) },
      { kind: 'date', name: 'date', label: t.date },
      { kind: 'select', name: 'document', label: t.document, options: [{ value: '', label: t.noDocument }, ...(scans ?? []).map((a) => ({ value: a.id, label: a.name }))], hint: t.scanHint },
    ],
    defaults: ({ today, scans }) => ({ terms: '', consentedBy: [], date: today, document: scans?.length === 1 ? scans[0]!.id : '' }),
    payload: (d) => ({ terms: lines(str(d.terms)), consentedBy: strings(d.consentedBy), date: str(d.date), ...ifGiven(d, 'document') }),
    describe: (p, c) => joined(c.locale, [strings(p.terms).join(sep(c.locale)), labelled(c.t.consentedBy, joinList(strings(p.consentedBy).map((id) => partyName(c, id)), c.locale), c.locale), str(p.date)]),
  },
  refer: {
    fields: ({ t, locale: l }) => [
      { kind: 'select', name: 'to', label: t.referTo, options: choices(REFERRAL_TARGETS, REFERRAL_TARGET_LABELS, l) },
      { kind: 'textarea', name: 'reason', label: t.reason },
      { kind: 'date', name: 'date', label: t.date },
      { kind: 'text', name: 'reference', label: t.reference, optional: true },
    ],
    defaults: ({ today }) => ({ to: 'fastTrackCourt', reason: '', date: today, reference: '' }),
    payload: (d) => ({ to: str(d.to), reason: str(d.reason), date: str(d.date), ...ifGiven(d, 'reference') }),
    describe: (p, { locale: l }) => joined(l, [REFERRAL_TARGET_LABELS[p.to as 'arbitration']?.[l] ?? '', str(p.reason), str(p.date)]),
  },
  recordFollowUp: {
    fields: ({ t, locale: l, item }) => [
      { kind: 'choice', name: 'method', label: t.method, options: choices(FOLLOW_UP_METHODS, FOLLOW_UP_METHOD_LABELS, l) },
      ...(item.data.outcome?.kind === 'settled'
        ? [{ kind: 'choice' as const, name: 'agreementKept', label: t.agreementKept, options: [{ value: 'yes', label: t.yes }, { value: 'no', label: t.no }] }]
        : []),
      { kind: 'choice', name: 'satisfaction', label: t.satisfaction, options: choices(SATISFACTION, SATISFACTION_LABELS, l) },
      { kind: 'textarea', name: 'findings', label: t.findings, optional: true },
    ],
    defaults: ({ item }) => ({ method: 'phone', agreementKept: item.data.outcome?.kind === 'settled' ? 'yes' : '', satisfaction: 'satisfied', findings: '' }),
    payload: (d) => ({
      method: str(d.method),
      agreementKept: str(d.agreementKept) === '' ? null : d.agreementKept === 'yes',
      satisfaction: str(d.satisfaction),
      ...ifGiven(d, 'findings'),
    }),
    describe: (p, { t, locale: l }) =>
      joined(l, [
        FOLLOW_UP_METHOD_LABELS[p.method as 'phone']?.[l] ?? '',
        p.agreementKept === null || p.agreementKept === undefined ? '' : labelled(t.agreementKept, p.agreementKept ? t.yes : t.no, l),
        labelled(t.satisfaction, SATISFACTION_LABELS[p.satisfaction as 'satisfied']?.[l] ?? '', l),
        str(p.findings),
      ]),
  },
  withdraw: reasonOnly,
  reopen: reasonOnly,
  unmerge: reasonOnly,
  merge: {
    fields: ({ t }) => [
      { kind: 'text', name: 'into', label: t.into },
      { kind: 'textarea', name: 'reason', label: t.reason },
    ],
    defaults: () => ({}),
    payload: (d) => ({ into: str(d.into).trim(), reason: str(d.reason) }),
    describe: (p, { t, locale: l }) => `${labelled(t.into, str(p.into), l)}${sep(l)}${str(p.reason)}`,
  },
  decline: {
    fields: ({ t, locale: l }) => [
      { kind: 'select', name: 'reason', label: t.declineReason, options: choices(DECLINE_REASONS, DECLINE_REASON_LABELS, l) },
      { kind: 'textarea', name: 'detail', label: t.declineDetail, optional: true },
      { kind: 'text', name: 'advice', label: t.declineAdvice, optional: true },
    ],
    defaults: () => ({ reason: 'outsideRemit', detail: '', advice: '' }),
    payload: (d) => ({ reason: str(d.reason), ...ifGiven(d, 'detail'), ...ifGiven(d, 'advice') }),
    describe: (p, { t, locale: l }) => joined(l, [DECLINE_REASON_LABELS[p.reason as 'other']?.[l] ?? '', str(p.detail), p.advice ? labelled(t.declineAdvice, str(p.advice), l) : '']),
  },
  transfer: {
    fields: ({ t }) => [
      { kind: 'text', name: 'to', label: t.transferTo },
      { kind: 'textarea', name: 'reason', label: t.reason },
      { kind: 'date', name: 'date', label: t.date },
      { kind: 'text', name: 'reference', label: t.reference, optional: true },
    ],
    defaults: ({ today }) => ({ to: '', reason: '', date: today, reference: '' }),
    payload: (d) => ({ to: str(d.to).trim(), reason: str(d.reason), date: str(d.date), ...ifGiven(d, 'reference') }),
    describe: (p, { locale: l }) => joined(l, [str(p.to), str(p.reason), str(p.date)]),
  },
  assignHandler: handlerAction(false),
  reassignHandler: handlerAction(true),
  supervise: {
    fields: ({ t }) => [{ kind: 'textarea', name: 'instruction', label: t.instruction }],
    defaults: () => ({}),
    payload: (d) => ({ instruction: str(d.instruction) }),
    describe: (p) => str(p.instruction),
  },
};

/** Naming the handler (承办人) inside the routed body: by default the viewer, in the first routed body; a reassignment gives its reason. */
function handlerAction(reassign: boolean): DisputeAction {
  return {
    fields: ({ t, locale: l, registry, item }) => [
      { kind: 'text', name: 'handler', label: t.handler },
      { kind: 'text', name: 'name', label: t.handlerName },
      { kind: 'select', name: 'unit', label: t.handlerUnit, options: (item.data.routing?.departments ?? []).map((d) => ({ value: d, label: departmentName(d, l, registry) })) },
      ...(reassign ? [{ kind: 'textarea', name: 'reason', label: t.reason } as const] : []),
    ],
    defaults: ({ item, viewerId }) => ({ handler: viewerId, name: '', unit: item.data.routing?.departments[0] ?? '', ...(reassign ? { reason: '' } : {}) }),
    payload: (d) => ({ handler: str(d.handler).trim(), name: str(d.name).trim(), unit: str(d.unit), ...(reassign ? { reason: str(d.reason) } : {}) }),
    describe: (p, { t, locale: l, registry }) => joined(l, [`${str(p.name)}${aside(str(p.handler), l)}`, labelled(t.handlerUnit, departmentName(str(p.unit), l, registry), l), str(p.reason)]),
  };
}

/** A stored payload as the timeline reads it ('' for none): the table's reading, or its reason. */
export function describePayload(type: DisputeEvent, payload: unknown, c: DescribeContext): string {
  if (!payload || typeof payload !== 'object') return '';
  const p = payload as Record<string, unknown>;
  if (type === 'escalate') return escalationLine('dispute', p, c.locale);
  return DISPUTE_ACTIONS[type]?.describe(p, c) ?? str(p.reason);
}
