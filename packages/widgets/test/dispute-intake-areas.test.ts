import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-ledger';
import { type DisputeItem, acceptDispute, createMemoryStore, disputeStoreSpec } from '@bihuan/core';
import { exampleAreaTree } from '@bihuan/core/examples';
import type { DisputeEndedDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, type, until } from './dispute-support.js';

afterEach(cleanup);

const onFile = (): DisputeItem =>
  acceptDispute({
    id: 'JF-20251118-ONFILE',
    intake: {
      title: '邻里噪声纠纷',
      category: 'noise',
      description: '楼上夜间噪声。',
      channel: 'walkIn',
      town: '站前街道',
      community: '锦绣社区',
      hotline: 'GD2025111800042',
      parties: [{ id: 'p1', side: 'applicant', name: '陈建国', phone: '13812341234', idNumber: '210603198001011234' }],
      reportedBy: null,
    },
    actor: { id: 'clerk', role: 'intakeClerk' },
    at: '2025-11-18T09:00:00+08:00',
  });

const options = (el: Element, selector: string) => [...$<HTMLSelectElement>(el, selector).options].map((o) => o.value).filter(Boolean);

describe('<bh-dispute-intake> with the town–village tree', () => {
  test('a town offers only its villages; a possible duplicate is shown masked; declining needs its reason', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    await store.put('disputes', onFile());
    const tree = exampleAreaTree();
    const c = await mount(html`<bh-dispute-intake .store=${store} .areas=${tree} viewer-role="supervisor" viewer-id="head-gao" now="2025-11-20T10:00:00+08:00"></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    await until(() => (el as unknown as { ledger: unknown[] }).ledger.length === 1);

    // Pick a town → only its villages; another town clears a village that is not in it.
    expect($<HTMLSelectElement>(el, '#f-community').disabled).toBe(true);
    await choose(el, '#f-town', '临江街道');
    const linjiang = tree.towns[1]!.villages.map((v) => v.name);
    expect(options(el, '#f-community')).toEqual(linjiang);
    await choose(el, '#f-community', '江城社区');
    await choose(el, '#f-town', '站前街道');
    expect($<HTMLSelectElement>(el, '#f-community').value).toBe('');
    expect(options(el, '#f-community')).toEqual(tree.towns[0]!.villages.map((v) => v.name));
    expect(options(el, '#f-community')).not.toContain('江城社区');
    await choose(el, '#f-community', '锦绣社区');

    // Type a known phone, in another format → the case on file is suggested, its number masked for a supervisor.
    expect($(el, '[part="duplicates"]').hidden).toBe(true);
    await type(el, '#f-parties-0-phone', '+86 138-1234-1234');
    const box = $(el, '[part="duplicates"]');
    expect(box.hidden).toBe(false);
    expect(shadowText(box)).toContain('可能重复');
    expect(shadowText(box)).toContain('JF-20251118-ONFILE');
    expect(shadowText(box)).toContain('138****1234');
    expect(box.textContent).not.toContain('13812341234');
    expect(box.querySelector('a')!.getAttribute('href')).toBe('#JF-20251118-ONFILE');
    await expectNoAxeViolations(el);

    // Decline: "another reason" without words is refused by the loop's rule; with words it is recorded.
    await type(el, '#f-title', '噪声纠纷再次来访');
    await choose(el, '#f-category', 'noise');
    await type(el, '#f-description', '同一楼上噪声，申请人再次来访。');
    await type(el, '#f-parties-0-name', '陈建国');
    await type(el, '#f-parties-1-name', '李秀英');
    await choose(el, '#f-end-decline');
    await choose(el, '#f-end-reason', 'other');
    const ended: DisputeEndedDetail[] = [];
    el.addEventListener('bh-dispute-declined', (e) => ended.push(e.detail));
    expect(await el.accept()).toBeNull();
    await settle(c);
    expect(shadowText($(el, '.error-summary'))).toContain('请写明具体理由');
    expect((await store.all('disputes')).items).toHaveLength(1);
    await type(el, '#f-end-detail', '申请人已向信访部门反映，正在处理');
    const id = await el.accept();
    expect(id).not.toBeNull();
    expect(ended).toEqual([expect.objectContaining({ id, event: 'decline' })]);
    const stored = (await store.get('disputes', id!)) as DisputeItem;
    expect(stored.state).toBe('declined');
    expect(stored.data.declined).toMatchObject({ reason: 'other', detail: '申请人已向信访部门反映，正在处理', by: 'head-gao' });
    expect(stored.data).toMatchObject({ town: '站前街道', community: '锦绣社区' });

    // English.
    c.lang = 'en';
    await settle(c);
    expect(shadowText($(el, '[part="end"]'))).toContain('Decline');
  });

  test('the ledger’s search box finds a case by the caller’s number without showing it, and shows its 12345 item', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const other = acceptDispute({ id: 'JF-OTHER', intake: { ...onFile().data, hotline: null, parties: [{ id: 'p1', side: 'applicant', name: '王海涛', phone: '13900001111' }] }, actor: { id: 'clerk', role: 'intakeClerk' }, at: '2025-11-19T09:00:00+08:00' });
    await store.bulkPut('disputes', [onFile(), other] as never);
    const c = await mount(html`<bh-dispute-ledger .store=${store} viewer-role="supervisor" now="2025-11-20T10:00:00+08:00"></bh-dispute-ledger>`);
    const ledger = c.querySelector('bh-dispute-ledger')!;
    await until(() => ledger.shown.length === 2);
    const box = $<HTMLInputElement>(ledger, 'input[type="search"]');
    box.value = '138 1234 1234';
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(c);
    expect(ledger.shown.map((d) => d.id)).toEqual(['JF-20251118-ONFILE']);
    expect(shadowText(ledger)).toContain('GD2025111800042');
    expect(shadowText(ledger)).not.toContain('13812341234');
    box.value = '1381234';
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(c);
    expect(ledger.shown).toHaveLength(0);
  });
});
