// What a host writes against the widgets' and core's types: every correct use compiles, and every
// `@ts-expect-error` line is a mistake the types must refuse (an unused one fails tsc).
import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-case';
import {
  BhDisputeCase,
  BhDisputeIntake,
  BhDisputeLedger,
  BhRectificationLedger,
  type BhDisputeIntakeEventMap,
  type DisputeAcceptedDetail,
  type ProblemDetail,
} from '@bihuan/widgets';
import {
  disputeLoop,
  rectificationLoop,
  transition,
  applyLoopEvent,
  createMemoryStore,
  disputeStoreSpec,
  type DisputeItem,
  type DisputeRole,
  type LoopEventOf,
  type PayloadsOf,
  type RectificationState,
} from '@bihuan/core';

// ---- Per-element events: the detail is typed, a misspelled name does not compile.
const intake = document.createElement('bh-dispute-intake');
intake.addEventListener('bh-dispute-accepted', (e) => {
  const id: string = e.detail.id;
  const dispute: DisputeItem = e.detail.dispute;
  void id, dispute;
});
intake.addEventListener('bh-dispute-refused', (e) => {
  const rule: string = e.detail.rule;
  const event: 'accept' = e.detail.event;
  void rule, event;
});
intake.addEventListener('bh-problem', (e) => {
  const detail: ProblemDetail = e.detail;
  void detail;
});
intake.addEventListener('click', (e) => void e.clientX); // standard DOM events keep their types
const onAccepted = (e: BhDisputeIntakeEventMap['bh-dispute-accepted']) => void e.detail.id;
intake.addEventListener('bh-dispute-accepted', onAccepted);
intake.removeEventListener('bh-dispute-accepted', onAccepted);
intake.addEventListener('bh-dispute-accepted', { handleEvent: (e) => void e.detail.dispute.state });
// @ts-expect-error misspelled event name
intake.addEventListener('bh-dispute-acepted', () => {});
// @ts-expect-error another widget's event, which this one never fires
intake.addEventListener('bh-dispute-transition', () => {});
// @ts-expect-error wrong detail field
intake.addEventListener('bh-dispute-accepted', (e) => e.detail.disputeId);
// @ts-expect-error a listener for another event's detail
intake.removeEventListener('bh-dispute-refused', onAccepted);

const kase = new BhDisputeCase();
kase.addEventListener('bh-dispute-transition', (e) => {
  const to: DisputeItem['state'] = e.detail.to;
  void to;
});
kase.addEventListener('bh-dispute-refused', (e) => void e.detail.reason.code);
// @ts-expect-error the case's refusal detail has no `dispute`
kase.addEventListener('bh-dispute-refused', (e) => void e.detail.dispute);

// The loop-action widgets: `-transition` and `-refused` from the shared controller, `-export`.
const rectification = new BhRectificationLedger();
rectification.addEventListener('bh-rectification-transition', (e) => {
  const state: RectificationState = e.detail.state;
  // @ts-expect-error not a state of the rectification loop
  if (e.detail.state === 'closed') void state;
});
rectification.addEventListener('bh-rectification-refused', (e) => void e.detail.reason.message['zh-CN']);
rectification.addEventListener('bh-rectification-export', (e) => {
  const rows: number = e.detail.rows;
  e.preventDefault();
  void rows;
});
const ledger = new BhDisputeLedger();
ledger.addEventListener('bh-dispute-open', (e) => void e.detail.id);
// @ts-expect-error the ledger's export detail has no `file`
ledger.addEventListener('bh-dispute-export', (e) => void e.detail.file);

// Bubbling, composed events reach any ancestor with their detail typed (the global event map).
document.body.addEventListener('bh-dispute-accepted', (e) => {
  const detail: DisputeAcceptedDetail = e.detail;
  void detail;
});
document.body.addEventListener('bh-problem', (e) => void e.detail.code);
document.addEventListener('bh-problem', (e) => void e.detail.message);
window.addEventListener('bh-dispute-accepted', (e) => void e.detail.dispute.id);
// @ts-expect-error the problem detail has no `reason`
document.addEventListener('bh-problem', (e) => void e.detail.reason);
// Fired by both the intake and the case: an ancestor gets either detail.
document.body.addEventListener('bh-dispute-refused', (e) => void e.detail.message);
// @ts-expect-error misspelled on an ancestor too: no such event in the global map
document.body.addEventListener('bh-dispute-acepted', (e) => void e.detail);

// ---- Role unions on every viewerRole.
kase.viewerRole = 'mediator';
const role: DisputeRole | undefined = kase.viewerRole;
void role;
// @ts-expect-error not a role of the dispute loop
kase.viewerRole = 'janitor';
const intakeEl = new BhDisputeIntake();
intakeEl.viewerRole = 'supervisor';
// @ts-expect-error not a role of the dispute loop
intakeEl.viewerRole = 'mediatr';
// @ts-expect-error not a role of the rectification loop
rectification.viewerRole = 'mediator';
ledger.viewerRole = 'intakeClerk';

// ---- Loop events typed per event type.
declare const item: DisputeItem;
const at = '2025-10-09T09:30:00+08:00';
transition(disputeLoop, item, { type: 'route', actor: { id: 'li', role: 'intakeClerk' }, at, payload: { departments: ['judicial'], joint: false, lead: null } });
transition(disputeLoop, item, { type: 'writeOff', actor: { id: 'zhao', role: 'supervisor' }, at });
// @ts-expect-error wrong payload shape for `route`
transition(disputeLoop, item, { type: 'route', actor: { id: 'li', role: 'intakeClerk' }, at, payload: { wrong: 1 } });
// @ts-expect-error `departments` must be a list of department ids
transition(disputeLoop, item, { type: 'route', actor: { id: 'li', role: 'intakeClerk' }, at, payload: { departments: 'judicial' } });
// @ts-expect-error `writeOff` takes no payload
transition(disputeLoop, item, { type: 'writeOff', actor: { id: 'zhao', role: 'supervisor' }, at, payload: { reason: 'x' } });
// @ts-expect-error not an event of the dispute loop
transition(disputeLoop, item, { type: 'rout', actor: { id: 'li', role: 'intakeClerk' }, at });
// @ts-expect-error not a role of the dispute loop
transition(disputeLoop, item, { type: 'writeOff', actor: { id: 'zhao', role: 'chief' }, at });

// A host's parsed JSON (typed unknown) is accepted and validated by the engine at run time.
const body: unknown = JSON.parse('{"departments":["judicial"]}');
const result = transition(disputeLoop, item, { type: 'route', actor: { id: 'li', role: 'intakeClerk' }, at, payload: body });
if (!result.ok) void result.reason.field;

const store = createMemoryStore(disputeStoreSpec);
void applyLoopEvent(store, 'disputes', disputeLoop, 'D-1', { type: 'mediate', actor: { id: 'wang', role: 'mediator' }, at, payload: { mode: 'atHome' } });
// @ts-expect-error wrong payload shape through the store too
void applyLoopEvent(store, 'disputes', disputeLoop, 'D-1', { type: 'mediate', actor: { id: 'wang', role: 'mediator' }, at, payload: { mode: 42 } });

// The payload types can be named.
type RoutePayloadInput = PayloadsOf<typeof disputeLoop>['route'];
const route: RoutePayloadInput = { departments: ['judicial'] };
const event: LoopEventOf<typeof rectificationLoop> = { type: 'verify', actor: { id: 'x', role: 'verifier' }, at, payload: { opinion: '整改到位' } };
void route, event;
