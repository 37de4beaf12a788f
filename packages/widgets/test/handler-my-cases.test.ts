// The named handler (承办人) in the reception-day and rectification widgets: assigned and
// reassigned (with a reason) through the row's form, shown beside the body, "my cases" (我的案件)
// for the viewer, and the handler's body bound by `handler_only` once one is named.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/reception-issues';
import '@bihuan/widgets/rectification-ledger';
import { createMemoryStore, receptionStoreSpec, rectificationStoreSpec } from '@bihuan/core';
import { exampleReceptionDay, exampleRectificationItems } from '@bihuan/core/examples';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';

afterEach(cleanup);

const NOW = '2026-12-02T10:00:00+08:00';
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr')];
const rowOf = (el: Element, id: string) => rows(el).find((r) => shadowText(r).includes(id))!;
const button = (row: Element, label: string) => [...row.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

async function submit(el: Element, row: () => Element, label: string, values: Record<string, string>) {
  button(row(), label).click();
  await settle(el);
  const form = el.shadowRoot!.querySelector<HTMLFormElement>('.action-form')!;
  for (const [name, value] of Object.entries(values)) form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
  form.requestSubmit();
}

describe('the handler in <bh-reception-issues>', () => {
  test('a department names its handler, my cases shows it, and a colleague is then refused (handler_only)', async () => {
    // JD-002 is assigned to 区人力社保局 (not yet handled); JD-003 is being handled by 区金融办.
    const store = createMemoryStore(receptionStoreSpec);
    await store.bulkPut('issues', exampleReceptionDay(4, 0, { now: NOW }));
    const unit = '区人力社保局';
    const c = await mount(html`<bh-reception-issues viewer-role="department" viewer-id="dept-li" viewer-unit=${unit} now=${NOW} .store=${store}></bh-reception-issues>`);
    const el = c.querySelector('bh-reception-issues')!;
    await until(() => rows(el).length === 4);
    await submit(el, () => rowOf(el, 'JD-002'), '指定承办人', { handler: 'dept-li', name: '李晓雯', unit });
    await until(() => shadowText(rowOf(el, 'JD-002')).includes('承办人：李晓雯（dept-li）'));
    // 我的案件: only the issue the viewer handles.
    const mine = el.shadowRoot!.querySelector<HTMLInputElement>('[part="mine"]')!;
    mine.click();
    await until(() => rows(el).length === 1);
    expect(shadowText(rows(el)[0])).toContain('JD-002');
    expect(el.hasAttribute('mine')).toBe(true);
    await expectNoAxeViolations(c);

    // A colleague of the same department may no longer act on it.
    cleanup();
    const c2 = await mount(html`<bh-reception-issues viewer-role="department" viewer-id="dept-zhang" viewer-unit=${unit} now=${NOW} .store=${store}></bh-reception-issues>`, 'en');
    const el2 = c2.querySelector('bh-reception-issues')!;
    await until(() => rows(el2).length === 4);
    expect(el2.shadowRoot!.querySelector('[part="mine"]')).not.toBeNull();
    expect(shadowText(rowOf(el2, 'JD-002'))).toContain('Handler: 李晓雯 (dept-li)');
    button(rowOf(el2, 'JD-002'), 'Start handling').click();
    await until(() => shadowText(el2).includes('dept-li'));
    await until(() => !!el2.shadowRoot!.querySelector('.action-problem, .action-form [role=alert]'));
    expect(shadowText(el2.shadowRoot!.querySelector('.action-problem, .action-form [role=alert]'))).toContain('李晓雯 (dept-li) handles this item');
    expect(((await store.get('issues', 'JD-002')) as { state: string }).state).toBe('assigned');
  });
});

describe('the handler in <bh-rectification-ledger>', () => {
  test('a supervisor names and then reassigns a handler with a reason; my cases follows the handler', async () => {
    const store = createMemoryStore(rectificationStoreSpec);
    await store.bulkPut('items', exampleRectificationItems(4, 0, { now: NOW }));
    const c = await mount(html`<bh-rectification-ledger viewer-role="supervisor" viewer-id="owner-wang" viewer-unit="区委考评办" now=${NOW} .store=${store}></bh-rectification-ledger>`);
    const el = c.querySelector('bh-rectification-ledger')!;
    await until(() => rows(el).length === 4);
    const id = (await store.all('items')).items[0]!.id;
    await submit(el, () => rowOf(el, id), '指定承办人', { handler: 'clerk-sun', name: '孙德胜', unit: '振兴区司法局' });
    await until(() => shadowText(rowOf(el, id)).includes('承办人：孙德胜（clerk-sun）'));
    // Reassigning without a reason is refused by the form's payload check; with one it goes through.
    await submit(el, () => rowOf(el, id), '改派承办人', { handler: 'owner-wang', name: '王局长', unit: '振兴区司法局', reason: '孙德胜借调外单位' });
    await until(() => shadowText(rowOf(el, id)).includes('承办人：王局长（owner-wang）'));
    const item = (await store.get('items', id))!;
    expect(item.history.at(-1)).toMatchObject({ type: 'reassignHandler', payload: { reason: '孙德胜借调外单位' } });
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="mine"]')!.click();
    await until(() => rows(el).length === 1);
    await expectNoAxeViolations(c);
    // A unit the item is not routed to cannot supply its handler (handler_in_body), and nothing changes.
    el.removeAttribute('mine');
    await until(() => rows(el).length === 4);
    const other = (await store.all('items')).items[1]!;
    await submit(el, () => rowOf(el, other.id), '指定承办人', { handler: 'x-1', name: '外单位', unit: '临江街道-外' });
    await until(() => !!el.shadowRoot!.querySelector('.action-form [role=alert], .action-problem'));
    expect(((await store.get('items', other.id)) as { data: { handler?: unknown } }).data.handler ?? null).toBeNull();
  });
});
