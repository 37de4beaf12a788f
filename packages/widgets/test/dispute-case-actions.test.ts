// The dispute case's action table: every event that carries a payload has its form there, and
// what a form starts with (plus what the user must type) becomes a payload the loop accepts.
import { describe, expect, test } from 'vitest';
import { type DisputeItem, DISPUTE_LINK_EVENTS, acceptDispute, defaultDepartmentRegistry, disputeLoop, transition } from '@bihuan/core';
import { type ActionContext, type ActionDraft, DISPUTE_ACTIONS, describePayload } from '../src/components/dispute-case/dispute-case.actions.js';
import { disputeCaseMessages } from '../src/components/dispute-case/dispute-case.messages.js';
import { optionsOf } from '../src/internal/action-form.js';

const AT = '2025-09-26T09:00:00+08:00';
const clerk = { id: 'clerk-li', role: 'intakeClerk' } as const;
const mediator = { id: 'mediator-wang', role: 'mediator' } as const;
const accepted = acceptDispute({
  id: 'JF-1', at: AT, actor: clerk,
  intake: { title: '邻里噪声纠纷', category: 'noise', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区',
    parties: [{ id: 'p1', side: 'applicant', name: '陈建国' }, { id: 'p2', side: 'respondent', name: '李秀英', needsHomeVisit: true }] },
});
const context = (item: DisputeItem, locale: 'zh-CN' | 'en' = 'zh-CN'): ActionContext => ({
  item, locale, t: disputeCaseMessages[locale], registry: defaultDepartmentRegistry, viewerId: 'mediator-wang', today: '2025-09-27',
});

/** Sends `event` with the table's defaults, overridden by what the user types. */
function send(item: DisputeItem, event: keyof typeof DISPUTE_ACTIONS, actor: { id: string; role: string }, typed: ActionDraft = {}) {
  const action = DISPUTE_ACTIONS[event]!;
  const payload = action.payload({ ...action.defaults(context(item)), ...typed });
  return { payload, result: transition(disputeLoop, item, { type: event, actor, at: '2025-09-27T10:00:00+08:00', payload } as never) };
}

describe('dispute case action table', () => {
  test('every event that carries a payload has a form in the table (the original’s side of a merge is written with the merge, never from a form)', () => {
    const link: readonly string[] = DISPUTE_LINK_EVENTS;
    // Escalation runs by rule (`escalationsDueAt`), never from a person's form.
    const BY_RULE: readonly string[] = ['escalate'];
    const withPayload = Object.entries(disputeLoop.events).filter(([name, e]) => (e as { payload?: unknown }).payload && !link.includes(name) && !BY_RULE.includes(name)).map(([name]) => name);
    expect(withPayload.length).toBeGreaterThan(5);
    for (const event of withPayload) expect(DISPUTE_ACTIONS[event as keyof typeof DISPUTE_ACTIONS], event).toBeDefined();
    expect(DISPUTE_ACTIONS.writeOff).toBeUndefined();
    expect((DISPUTE_ACTIONS as Record<string, unknown>).escalate).toBeUndefined();
  });

  test('route, mediate and settle go through from the defaults and what is typed; the timeline reads them back', () => {
    const routed = send(accepted, 'route', clerk);
    expect(routed.result.ok).toBe(true);
    // The suggestion for an ordinary noise case: the few first-line bodies, not jointly, no lead unless chosen.
    expect(routed.payload).toMatchObject({ departments: ['residentsCommittee', 'judicialAdministration'], joint: false, lead: null });
    const routeText = describePayload('route', routed.payload, context(accepted));
    expect(routeText).toContain('司法');
    const item1 = (routed.result as { snapshot: DisputeItem }).snapshot;

    // The panel: the mediator who opens it and a colleague (only they settle).
    const mediated = send(item1, 'mediate', mediator, { mediators: 'mediator-wang，李调解' });
    expect(mediated.payload).toEqual({ mode: 'atHome', mediators: ['mediator-wang', '李调解'] }); // a party needs a home visit
    expect(mediated.result.ok).toBe(true);
    const item2 = (mediated.result as { snapshot: DisputeItem }).snapshot;

    // The settlement's terms are typed one a line; a blank optional document is left out.
    const settled = send(item2, 'settle', mediator, { terms: '降低生活噪声\n\n 加强沟通谅解 ', consentedBy: ['p1', 'p2'] });
    expect(settled.payload).toEqual({ terms: ['降低生活噪声', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-09-27' });
    expect(settled.result.ok).toBe(true);
    // Parties by name, in English punctuation around the data's own words.
    expect(describePayload('settle', settled.payload, { ...context(item2, 'en'), parties: item2.data.parties })).toBe(`降低生活噪声; 加强沟通谅解; ${disputeCaseMessages.en.consentedBy}: 陈建国, 李秀英; 2025-09-27`);
  });

  test('a field left empty reaches the loop, which refuses naming it', () => {
    const routed = (send(accepted, 'route', clerk).result as { snapshot: DisputeItem }).snapshot;
    const item = (send(routed, 'mediate', mediator).result as { snapshot: DisputeItem }).snapshot;
    const { result } = send(item, 'settle', mediator, { consentedBy: ['p1', 'p2'] });
    expect(result.ok).toBe(false);
    expect((result as { reason: { field?: string } }).reason.field).toContain('terms');
  });

  test('the lead offered is one of the departments chosen so far', () => {
    const fields = DISPUTE_ACTIONS.route!.fields(context(accepted), { departments: ['court'], joint: false, lead: '' });
    const lead = fields.find((f) => f.kind === 'select' && f.name === 'lead');
    expect(lead?.kind === 'select' ? optionsOf(lead, {}).map((o) => o.value) : []).toEqual(['', 'court']);
  });
});
