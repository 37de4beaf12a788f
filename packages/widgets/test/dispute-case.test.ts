// The source's noise case through the three widgets: taken in at the window, found in the ledger,
// routed to five bodies, mediated, a follow-up that fails and reopens mediation, settled again,
// followed up, written off — and a refusal shown with core's reason on the way.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-ledger';
import '@bihuan/widgets/dispute-case';
import { type AttachmentStore, type DisputeIntake, type DisputeItem, type DisputeRole, acceptDispute, attachmentStoreSpec, createMemoryStore, disputeLoop, disputeStoreSpec, listAttachments, transition } from '@bihuan/core';
import type { BhAttachments, BhDisputeCase, BhDisputeIntake, BhDisputeLedger, DisputeRefusedDetail, DisputeTransitionDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, click, fillNoiseCase, type, until } from './dispute-support.js';
import { fakeSyncedStore } from '../../../stories/support/synced-store.js';

afterEach(cleanup);

const actions = (el: BhDisputeCase) => [...el.shadowRoot!.querySelectorAll('[part=actions] button')].map((b) => b.getAttribute('data-event'));

async function as(el: BhDisputeCase, role: string, id: string, now: string): Promise<void> {
  el.viewerRole = role as DisputeRole;
  el.viewerId = id;
  el.now = now;
  await settle(el.parentElement!);
}

async function submitAction(el: BhDisputeCase): Promise<void> {
  $(el, '#action-form').dispatchEvent(new Event('submit', { cancelable: true }));
  // The action is under way from the submit on (busy is set at once) until its result is shown and focused.
  await until(() => !(el as unknown as { busy: boolean }).busy && !el.shadowRoot!.querySelector('fieldset[disabled]'));
  await settle(el.parentElement!);
}

describe('the noise case from intake to write-off', () => {
  test('five bodies, a failed follow-up that reopens mediation, and the write-off', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const transitions: DisputeTransitionDetail[] = [];
    const refusals: DisputeRefusedDetail[] = [];
    const c = await mount(html`<bh-dispute-intake .store=${store} viewer-id="clerk-li" now="2025-09-26T09:00:00+08:00" .generateId=${() => 'JF-20250926-0425'}></bh-dispute-intake>
      <bh-dispute-ledger .store=${store} now="2025-09-26T09:30:00+08:00" viewer-role="supervisor"></bh-dispute-ledger>
      <bh-dispute-case .store=${store} .attachmentStore=${files} @bh-dispute-transition=${(e: CustomEvent<DisputeTransitionDetail>) => transitions.push(e.detail)}
        @bh-dispute-refused=${(e: CustomEvent<DisputeRefusedDetail>) => refusals.push(e.detail)}></bh-dispute-case>`);
    const intake = c.querySelector<BhDisputeIntake>('bh-dispute-intake')!;
    const ledger = c.querySelector<BhDisputeLedger>('bh-dispute-ledger')!;
    const kase = c.querySelector<BhDisputeCase>('bh-dispute-case')!;

    // 受理 at the window.
    await fillNoiseCase(intake);
    await type(intake, '#f-parties-1-phone', '13987654321');
    expect(await intake.accept()).toBe('JF-20250926-0425');

    // The supervisor's ledger hears the store and lists it, masked, as accepted.
    await until(() => ledger.shown.length === 1);
    await settle(c);
    const row = ledger.shadowRoot!.querySelector('.rows [role=row]')!;
    expect(row.textContent).toContain('已受理');
    expect(row.textContent).toContain('138****1234');
    let opened = '';
    ledger.addEventListener('bh-dispute-open', (e: Event) => (opened = (e as CustomEvent<{ id: string }>).detail.id));
    row.querySelector<HTMLButtonElement>('.open')!.click();
    expect(opened).toBe('JF-20250926-0425');
    kase.disputeId = opened;
    await until(() => !!kase.shadowRoot!.querySelector('[part=timeline]'));

    // Only the actions the role may take now.
    await as(kase, 'mediator', 'mediator-wang', '2025-09-26T10:00:00+08:00');
    expect(actions(kase)).toEqual(['withdraw']);
    await as(kase, 'intakeClerk', 'clerk-li', '2025-09-26T10:00:00+08:00');
    expect(actions(kase)).toEqual(['route', 'withdraw', 'merge', 'decline', 'transfer']);
    expect(shadowText(kase)).toContain('13812341234'); // the clerk sees contacts in clear

    // 分流: the form offers departments by presence; the rule suggests the few first-line bodies for
    // a noise complaint (not the court and the police), says so, and the clerk adds the others.
    await click(kase, '[data-event=route]');
    expect($(kase, '[data-event=route]').getAttribute('aria-expanded')).toBe('true');
    const legends = [...kase.shadowRoot!.querySelectorAll('#action-form legend')].map((l) => l.textContent!.trim());
    expect(legends).toEqual(['分流', '分流到的部门', '常驻部门', '轮驻部门', '随驻力量', '属地单位']);
    const checked = [...kase.shadowRoot!.querySelectorAll<HTMLInputElement>('#action-form input[type=checkbox][id^=a-departments-]')].filter((i) => i.checked).map((i) => i.id);
    expect(checked).toEqual(['a-departments-judicialAdministration', 'a-departments-residentsCommittee']);
    expect(($(kase, '#a-joint') as HTMLInputElement).checked).toBe(false);
    expect(shadowText($(kase, '#action-form'))).toContain('分流规则建议：');
    for (const id of ['court', 'publicSecurity', 'subDistrictOffice']) await choose(kase, `#a-departments-${id}`);
    await choose(kase, '#a-joint');
    await choose(kase, '#a-lead', 'judicialAdministration');
    await submitAction(kase);
    expect(transitions.at(-1)).toMatchObject({ event: 'route', from: 'received', to: 'routed' });

    // 调解 at the centre by the mediator.
    await as(kase, 'mediator', 'mediator-wang', '2025-09-29T09:00:00+08:00');
    await click(kase, '[data-event=mediate]');
    await submitAction(kase);
    expect(transitions.at(-1)).toMatchObject({ event: 'mediate', to: 'mediating' });

    // A settlement only one party consented to is refused, with core's reason.
    await as(kase, 'mediator', 'mediator-wang', '2025-09-30T15:00:00+08:00');
    await click(kase, '[data-event=settle]');
    await type(kase, '#a-terms', '降低生活噪声\n加强沟通谅解');
    await choose(kase, '#a-consentedBy-p1');
    await submitAction(kase);
    expect(refusals.at(-1)).toMatchObject({ event: 'settle', code: 'guard_failed', rule: 'all_parties_consent' });
    expect(shadowText($(kase, '[part=refusal]'))).toContain('被申请人李**尚未同意协议');
    expect(kase.shadowRoot!.activeElement).toBe($(kase, '[part=refusal]'));
    await expectNoAxeViolations(c);
    await choose(kase, '#a-consentedBy-p2');
    // Both consent, but the signed agreement is not attached yet: refused, naming the rule, nothing stored.
    const before = await store.get('disputes', 'JF-20250926-0425');
    expect(shadowText($(kase, '#action-form'))).toContain('记录协议前，请先在“附件”中上传各方签字的协议扫描件');
    await submitAction(kase);
    expect(refusals.at(-1)).toMatchObject({ event: 'settle', code: 'guard_failed', rule: 'agreement_scan_required', field: 'document' });
    expect(shadowText($(kase, '[part=refusal]'))).toContain('达成和解协议前，须先上传各方签字的协议扫描件');
    expect(await store.get('disputes', 'JF-20250926-0425')).toEqual(before);
    // The mediator attaches the scan in the case's own attachments panel (the type is preset to the agreement scan while mediating).
    const panel = $(kase, '[part=attachments] bh-attachments') as BhAttachments;
    expect(panel.getAttribute('default-type')).toBe('agreementScan');
    await panel.addFiles([new File([new TextEncoder().encode('signed by both parties')], '人民调解协议书（签字）.pdf', { type: 'application/pdf' })]);
    const [scan] = await listAttachments(files, { kind: 'dispute', id: 'JF-20250926-0425' });
    expect(scan).toMatchObject({ type: 'agreementScan', addedBy: { id: 'mediator-wang', role: 'mediator' } });
    // The settlement's document is now that scan.
    await until(() => [...kase.shadowRoot!.querySelectorAll<HTMLOptionElement>('#a-document option')].some((o) => o.value === scan!.id));
    await choose(kase, '#a-document', scan!.id);
    await submitAction(kase);
    expect(transitions.at(-1)).toMatchObject({ event: 'settle', to: 'followUp' });
    expect(((await store.get('disputes', 'JF-20250926-0425')) as DisputeItem).data.outcome).toMatchObject({ kind: 'settled', settlement: { document: scan!.id } });

    // 回访 at home finds the agreement broken: mediation reopens.
    await as(kase, 'intakeClerk', 'clerk-li', '2025-10-15T10:00:00+08:00');
    await click(kase, '[data-event=recordFollowUp]');
    await choose(kase, '#a-method-homeVisit');
    await choose(kase, '#a-agreementKept-no');
    await choose(kase, '#a-satisfaction-dissatisfied');
    await type(kase, '#a-findings', '夜间噪声依旧');
    await submitAction(kase);
    expect(transitions.at(-1)).toMatchObject({ event: 'recordFollowUp', from: 'followUp', to: 'mediating' });
    expect(shadowText(kase)).toContain('重新调解 1 次');

    // Settled again, followed up by phone: kept and satisfied.
    await as(kase, 'mediator', 'mediator-wang', '2025-10-20T15:00:00+08:00');
    await click(kase, '[data-event=settle]');
    await type(kase, '#a-terms', '晚十点后不使用音响');
    await choose(kase, '#a-consentedBy-p1');
    await choose(kase, '#a-consentedBy-p2');
    await submitAction(kase);
    await as(kase, 'intakeClerk', 'clerk-li', '2025-10-28T10:00:00+08:00');
    await click(kase, '[data-event=recordFollowUp]');
    await submitAction(kase);
    expect(transitions.at(-1)).toMatchObject({ event: 'recordFollowUp', to: 'pendingWriteOff' });

    // 销号 by the centre's head.
    await as(kase, 'supervisor', 'head-gao', '2025-10-29T09:00:00+08:00');
    expect(actions(kase)).toEqual(['writeOff', 'supervise', 'assignHandler', 'reassignHandler']);
    expect(shadowText(kase)).toContain('138****1234'); // the supervisor sees contacts masked
    await click(kase, '[data-event=writeOff]');
    await submitAction(kase);
    expect(transitions.map((t) => t.event)).toEqual(['route', 'mediate', 'settle', 'recordFollowUp', 'settle', 'recordFollowUp', 'writeOff']);
    const timeline = [...kase.shadowRoot!.querySelectorAll('[part=timeline] li .what')].map((w) => w.textContent);
    expect(timeline).toEqual(['受理登记', '分流', '开始调解', '达成和解协议', '回访', '达成和解协议', '回访', '销号']);
    expect(shadowText($(kase, '[part=timeline]'))).toContain('夜间噪声依旧');

    // The ledger follows the store: written off, resolved, 100%.
    await until(() => ledger.shown[0]?.state === 'closed');
    await settle(c);
    expect(shadowText($(ledger, '[part=summary]'))).toContain('显示 1 件，化解 1 件，化解率 100%');
    const stored = (await store.get('disputes', 'JF-20250926-0425')) as DisputeItem;
    expect(stored.data.reopened).toBe(1);
    expect(stored.history.at(-1)).toMatchObject({ type: 'writeOff', actor: { id: 'head-gao', role: 'supervisor' } });
    await expectNoAxeViolations(c);

    // Printing: the intake form, the agreement (settled) and the follow-up record, each filled from
    // the case as the viewer may see it — the supervisor's copy masked, the mediator's in clear.
    const printButtons = () => [...kase.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=print] button[data-print]')];
    expect(printButtons().map((b) => b.dataset.print)).toEqual(['intake', 'agreement', 'followUp']);
    expect(printButtons()[1]!.textContent).toContain('预览并打印人民调解协议书');
    await click(kase, '[data-print=agreement]');
    expect($(kase, '[data-print=agreement]').getAttribute('aria-expanded')).toBe('true');
    const preview = () => kase.shadowRoot!.querySelector('bh-print-document')!;
    await until(() => !!preview()?.shadowRoot?.querySelector('[part=sheet]'));
    expect(preview().getAttribute('document')).toBe('agreement');
    expect(preview().shadowRoot!.activeElement?.textContent).toBe('打印');
    expect(shadowText(preview())).toContain('当事人（申请人）：陈**');
    expect(shadowText(preview())).not.toContain('陈建国');
    await expectNoAxeViolations(c);
    await as(kase, 'mediator', 'mediator-wang', '2025-10-29T09:00:00+08:00');
    await settle(preview());
    expect(shadowText(preview())).toContain('当事人（申请人）：陈建国');
    await click(kase, '[data-print=agreement]');
    expect(kase.shadowRoot!.querySelector('bh-print-document')).toBeNull();
  });

  test('in English: the attachments and print labels, an accepted case prints only its intake form', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const intake: DisputeIntake = { title: '邻里噪声纠纷', category: 'noise', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区', parties: [{ id: 'p1', side: 'applicant', name: '陈建国', idNumber: '210603198001011234' }, { id: 'p2', side: 'respondent', name: '李秀英' }] };
    await store.add('disputes', acceptDispute({ id: 'JF-1', intake, actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-11-03T09:00:00+08:00' }));
    const c = await mount(html`<bh-dispute-case .store=${store} .attachmentStore=${files} dispute-id="JF-1" viewer-role="departmentLiaison" viewer-id="liaison-court" now="2025-11-04T09:00:00+08:00"></bh-dispute-case>`, 'en');
    const kase = c.querySelector('bh-dispute-case')!;
    await until(() => !!kase.shadowRoot!.querySelector('[part=timeline]'));
    await settle(c);
    expect(shadowText($(kase, '#attachments-h'))).toBe('Attachments');
    expect(shadowText($(kase, '#print-h'))).toBe('Print documents');
    expect([...kase.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=print] button[data-print]')].map((b) => b.textContent!.trim())).toEqual(['Preview and print the intake form']);
    await click(kase, '[data-print=intake]');
    await until(() => !!kase.shadowRoot!.querySelector('bh-print-document')?.shadowRoot?.querySelector('[part=sheet]'));
    const sheet = shadowText(kase.shadowRoot!.querySelector('bh-print-document')!);
    expect(sheet).toContain('210603********1234');
    expect(sheet).not.toContain('210603198001011234');
    expect(sheet).toContain('Personal data are masked');
    await expectNoAxeViolations(c);
  });

  test('on a synced store the attachments panel gets its sync control: the case asks the server for files added on other devices', async () => {
    const local = createMemoryStore(disputeStoreSpec);
    const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const intake: DisputeIntake = { title: '邻里噪声纠纷', category: 'noise', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区', parties: [{ id: 'p1', side: 'applicant', name: '陈建国' }, { id: 'p2', side: 'respondent', name: '李秀英' }] };
    await local.add('disputes', acceptDispute({ id: 'JF-1', intake, actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-11-03T09:00:00+08:00' }));
    const store = fakeSyncedStore(local, { actor: { id: 'mediator-wang', name: '王调解', roles: ['mediator'], unit: '站前街道调委会' }, scope: { level: 'town', id: 'town-zq', name: '站前街道' } } as never);
    const pulls: [string, string][] = [];
    const sync = Object.assign(store.sync, { fetchFile: async () => undefined, pullFiles: async (collection: string, key: string) => (pulls.push([collection, key]), []) });
    const c = await mount(html`<bh-dispute-case .store=${store} .attachmentStore=${files} dispute-id="JF-1" now="2025-11-04T09:00:00+08:00"></bh-dispute-case>`);
    const kase = c.querySelector('bh-dispute-case')!;
    await until(() => !!kase.shadowRoot!.querySelector('bh-attachments'));
    const panel = kase.shadowRoot!.querySelector('bh-attachments') as BhAttachments;
    expect(panel.sync).toBe(sync);
    await until(() => pulls.length > 0);
    expect(pulls).toEqual([['disputes', 'JF-1']]);
  });

  test('an unknown dispute and a missing id are shown in place', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const problems: string[] = [];
    const c = await mount(html`<bh-dispute-case .store=${store} dispute-id="JF-NONE" @bh-problem=${(e: CustomEvent) => problems.push(e.detail.code)}></bh-dispute-case>`, 'en');
    const el = c.querySelector('bh-dispute-case')!;
    await until(() => !!el.shadowRoot!.querySelector('[part=problem]'));
    expect(shadowText($(el, '[part=problem]'))).toContain('No dispute numbered JF-NONE');
    await settle(c);
    expect(problems).toEqual(['not_found']);
  });

  test('a liaison acts for the body in viewer-unit: the court’s liaison mediates a dispute routed to the court, one without a unit is refused', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const intake: DisputeIntake = { title: '邻里噪声纠纷', category: 'noise', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区', parties: [{ id: 'p1', side: 'applicant', name: '陈建国' }, { id: 'p2', side: 'respondent', name: '李秀英' }] };
    const accepted = acceptDispute({ id: 'JF-1', intake, actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-11-03T09:00:00+08:00' });
    const routed = transition(disputeLoop, accepted, { type: 'route', actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-11-03T10:00:00+08:00', payload: { departments: ['court', 'residentsCommittee'], joint: true } });
    if (!routed.ok) throw new Error(routed.reason.message.en);
    await store.add('disputes', routed.snapshot);
    await store.add('disputes', acceptDispute({ id: 'JF-2', intake, actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-11-03T09:30:00+08:00' }));
    const refusals: DisputeRefusedDetail[] = [];
    const c = await mount(html`<bh-dispute-case .store=${store} dispute-id="JF-1" now="2025-11-04T09:00:00+08:00" @bh-dispute-refused=${(e: CustomEvent<DisputeRefusedDetail>) => refusals.push(e.detail)}></bh-dispute-case>`);
    const kase = c.querySelector('bh-dispute-case')!;
    await until(() => !!kase.shadowRoot!.querySelector('[part=timeline]'));
    await as(kase, 'departmentLiaison', 'liaison-court', '2025-11-04T09:00:00+08:00');
    expect(await kase.act('mediate', { mode: 'atCentre' })).toMatchObject({ code: 'guard_failed', rule: 'liaison_unit_missing' });
    expect(refusals.at(-1)).toMatchObject({ rule: 'liaison_unit_missing', field: 'actor.unit' });
    kase.setAttribute('viewer-unit', 'court');
    await settle(c);
    expect(await kase.act('mediate', { mode: 'atCentre' })).toBeUndefined();
    const stored = (await store.get('disputes', 'JF-1')) as DisputeItem;
    expect(stored.history.at(-1)).toMatchObject({ type: 'mediate', actor: { id: 'liaison-court', role: 'departmentLiaison', unit: 'court' } });

    // A merge from the case writes both records; the original's side is never offered on its own.
    kase.removeAttribute('viewer-unit');
    kase.setAttribute('dispute-id', 'JF-2');
    await as(kase, 'intakeClerk', 'clerk-li', '2025-11-04T10:00:00+08:00');
    await until(() => actions(kase).includes('merge'));
    expect(actions(kase)).toEqual(['route', 'withdraw', 'merge', 'decline', 'transfer']);
    expect(await kase.act('merge', { into: 'JF-1', reason: '同一纠纷重复登记' })).toBeUndefined();
    expect(((await store.get('disputes', 'JF-1')) as DisputeItem).data.duplicates).toEqual([{ id: 'JF-2', reason: '同一纠纷重复登记' }]);
    await as(kase, 'supervisor', 'head-gao', '2025-11-04T11:00:00+08:00');
    expect(actions(kase)).toEqual(['unmerge']);
    expect(await kase.act('unmerge', { reason: '并非同一纠纷' })).toBeUndefined();
    expect(((await store.get('disputes', 'JF-2')) as DisputeItem).state).toBe('received');
    expect(((await store.get('disputes', 'JF-1')) as DisputeItem).data.duplicates).toEqual([]);
  });
});
