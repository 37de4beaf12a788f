// Every text field of the dispute widgets rendered with script-injection payloads: nothing runs,
// no element is made from them, and the text reads back literally.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-ledger';
import '@bihuan/widgets/dispute-case';
import { type DisputeItem, acceptDispute, createMemoryStore, disputeStoreSpec, transition, disputeLoop } from '@bihuan/core';
import type { BhDisputeIntake } from '@bihuan/widgets/classes';
import { emptyIntakeDraft } from '../../packages/widgets/src/components/dispute-intake/dispute-intake.component.js';
import { allElements, cleanup, mount, settle, shadowText } from './support/render.js';

afterEach(cleanup);

declare global {
  interface Window {
    __xss?: string[];
  }
}

const PAYLOADS = [
  '<img src=x onerror="(window.__xss??=[]).push(1)">',
  '"><svg onload="(window.__xss??=[]).push(2)">',
  "'><script>(window.__xss??=[]).push(3)</script>",
  '<a href="javascript:(window.__xss??=[]).push(4)">x</a>',
  '${(window.__xss??=[]).push(5)}{{constructor.constructor("(window.__xss??=[]).push(6)")()}}',
];

function hostile(p: string, n: number): DisputeItem {
  // The follow-up (step 4) and what follows it come a week after the settlement, as the loop requires.
  const day = (h: number) => String(n + 1 + (h >= 4 ? 8 : 0)).padStart(2, '0');
  const at = (h: number) => `2025-10-${day(h)}T${String(8 + h).padStart(2, '0')}:00:00+08:00`;
  let item = acceptDispute({
    id: `JF-${p}`.slice(0, 120),
    intake: {
      title: p,
      category: 'noise',
      description: p,
      channel: 'grid',
      town: p.slice(0, 60),
      community: p.slice(0, 60),
      parties: [
        { id: `a${p}`.slice(0, 120), side: 'applicant', name: p.slice(0, 60), address: p.slice(0, 200) },
        { id: `b${p}`.slice(0, 120), side: 'respondent', name: p.slice(0, 60) },
      ],
      reportedBy: { id: p.slice(0, 120), name: p.slice(0, 60) },
    },
    actor: { id: p, role: 'intakeClerk' },
    at: at(0),
    note: p,
  });
  const steps: [string, string, unknown][] = [
    ['route', 'intakeClerk', { departments: ['court', 'residentsCommittee'], joint: true, lead: 'court' }],
    ['mediate', 'mediator', { mode: 'atHome', mediators: [p] }],
    ['settle', 'mediator', { terms: [p, p], consentedBy: item.data.parties.map((x) => x.id), date: `2025-10-${day(3)}`, document: p }],
    ['recordFollowUp', 'intakeClerk', { method: 'phone', agreementKept: false, satisfaction: 'dissatisfied', findings: p }],
    ['refer', 'mediator', { to: 'arbitration', reason: p, date: `2025-10-${day(5)}`, reference: p }],
    ['supervise', 'supervisor', { instruction: p }],
  ];
  steps.forEach(([type, role, payload], h) => {
    const result = transition(disputeLoop, item, { type: type as never, actor: { id: p, role: role as never }, at: at(h + 1), payload, note: p });
    if (!result.ok) throw new Error(`${type}: ${result.reason.message.en}`);
    item = result.snapshot;
  });
  return item;
}

const made = (root: Element) => [...allElements(root)].filter((el) => ['IMG', 'SVG', 'SCRIPT', 'A'].includes(el.tagName.toUpperCase()) && !el.closest?.('.error-summary'));

describe('script-injection payloads in every text field of the dispute widgets', () => {
  test('the ledger and the case render them as text, in clear and masked', async () => {
    window.__xss = [];
    const items = PAYLOADS.map(hostile);
    const store = createMemoryStore(disputeStoreSpec);
    await store.bulkPut('disputes', items as never);
    const c = await mount(html`
      <bh-dispute-ledger .items=${items} viewer-role="mediator"></bh-dispute-ledger>
      <bh-dispute-ledger .items=${items} viewer-role="supervisor"></bh-dispute-ledger>
      ${items.map((item) => html`<bh-dispute-case .store=${store} dispute-id=${item.id} viewer-role="supervisor"></bh-dispute-case>
        <bh-dispute-case .store=${store} dispute-id=${item.id} viewer-role="mediator" lang="en"></bh-dispute-case>`)}
    `);
    await new Promise((r) => setTimeout(r, 300));
    await settle(c);
    const cases = [...c.querySelectorAll('bh-dispute-case')];
    for (const kase of cases) expect(kase.shadowRoot!.querySelector('[part=timeline]'), 'case rendered').not.toBeNull();
    for (const el of [...c.querySelectorAll('bh-dispute-ledger'), ...cases]) expect(made(el)).toEqual([]);
    // The clear views show each payload literally: in titles, descriptions, notes, terms, findings.
    const mediatorCase = shadowText(cases[1]);
    expect(mediatorCase).toContain(PAYLOADS[0]);
    expect(shadowText(c.querySelector('bh-dispute-ledger'))).toContain(PAYLOADS[1]!.slice(0, 60));
    expect(window.__xss).toEqual([]);
  });

  test('the intake renders them in its fields and messages', async () => {
    window.__xss = [];
    const store = createMemoryStore(disputeStoreSpec);
    const p = PAYLOADS[0]!;
    const draft = {
      ...emptyIntakeDraft(),
      title: p,
      category: 'noise' as const,
      description: PAYLOADS[1]!,
      channel: 'grid' as const,
      town: PAYLOADS[2]!.slice(0, 60),
      community: PAYLOADS[3]!.slice(0, 60),
      reporterName: p,
      reporterId: PAYLOADS[4]!,
      parties: [{ side: 'applicant' as const, name: p, phone: PAYLOADS[1]!, idNumber: PAYLOADS[2]!, address: PAYLOADS[3]!, needsHomeVisit: false }],
    };
    const towns = { [PAYLOADS[2]!.slice(0, 60)]: [PAYLOADS[3]!, PAYLOADS[4]!] };
    const c = await mount(html`<bh-dispute-intake .store=${store} .draft=${draft} .towns=${towns}></bh-dispute-intake>`);
    const el = c.querySelector<BhDisputeIntake>('bh-dispute-intake')!;
    expect(el.reportValidity()).toBe(false); // phone and ID number are refused: the messages render too
    await settle(c);
    await new Promise((r) => setTimeout(r, 200));
    expect((el.shadowRoot!.querySelector('#f-title') as HTMLInputElement).value).toBe(p);
    expect(made(el)).toEqual([]);
    // Accepting with a valid phone stores them as text too.
    el.draft = { ...draft, parties: [{ ...draft.parties[0]!, phone: '13812341234', idNumber: '' }, { ...draft.parties[0]!, side: 'respondent', phone: '' , idNumber: '' }] };
    const id = await el.accept();
    await settle(c);
    expect(id, shadowText(el.shadowRoot!.querySelector('.error-summary'))).not.toBeNull();
    expect(((await store.get('disputes', id!)) as DisputeItem).data.title).toBe(p);
    expect(window.__xss).toEqual([]);
  });
});
