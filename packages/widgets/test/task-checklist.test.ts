import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { applyLoopEvent, attachmentStoreSpec, createMemoryStore, dispatchMonth, listAttachments, taskOrderLoop, taskStoreSpec, type AttachmentStore, type TaskOrder, type TaskStore } from '@bihuan/core';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import '@bihuan/widgets/task-checklist';
import type { BhAttachments } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { fakeSyncedStore } from '../../../stories/support/synced-store.js';

afterEach(cleanup);

const NOW = '2025-10-22T10:00:00+08:00';
const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 });

async function withOrders(orders: readonly TaskOrder[] = dispatchMonth({ catalog: exampleCatalog(), roster, month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders) {
  const store = createMemoryStore(taskStoreSpec);
  await store.bulkPut('orders', orders);
  return store;
}

async function ready(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part~="progress"], .empty, [part~="problem"]'); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await settle(el.parentElement!);
  }
}

const root = (el: Element) => el.shadowRoot!;

/** Mounts the officer's month and opens the feedback form of the task that asks for photos (内保重点单位检查). */
async function openKeyUnits(store: TaskStore, files: AttachmentStore) {
  const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store} .attachmentStore=${files}></bh-task-checklist>`);
  const el = c.querySelector('bh-task-checklist')!;
  await ready(el);
  const task = [...root(el).querySelectorAll('[part~="task"]')].find((t) => shadowText(t).includes('内保重点单位检查'))!;
  task.querySelector('button')!.click();
  await settle(c);
  return { c, task };
}

describe('<bh-task-checklist>', () => {
  test("shows the officer's month by category, with the rate, the alarms first and due dates", async () => {
    const store = await withOrders();
    const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('0%');
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('应完成 103 项');
    expect(root(el).querySelectorAll('[part~="category"]')).toHaveLength(6);
    expect(root(el).querySelectorAll('[part~="task"]')).toHaveLength(103);
    // 22 October: the 5th-working-day tasks (due 14 October) are overdue, the 25th ones (24th, a Friday) due soon.
    const alarms = shadowText(root(el).querySelector('[part~="reminders"]'));
    expect(alarms).toContain('已逾期');
    expect(alarms).toContain('警情研判与反馈');
    expect(alarms).toContain('2025-10-14 截止');
    expect(root(el).querySelector('[part~="reminders"]')!.compareDocumentPosition(root(el).querySelector('[part~="category"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expectNoAxeViolations(c);
  });

  test('"to do only" leaves the tasks still to do: one marked not applicable drops out, and the switch counts them', async () => {
    const store = await withOrders();
    const exempt = await applyLoopEvent(store, 'orders', taskOrderLoop, '2025-10:publicSecurity.internetCafes:P00001', {
      type: 'exempt', actor: { id: 'P00001', role: 'officer' }, at: NOW, payload: { reason: '辖区内无网吧' },
    });
    expect(exempt.ok).toBe(true);
    const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    const exempted = '#task-form-2025-10_publicSecurity_internetCafes_P00001';
    expect(root(el).querySelectorAll('[part~="task"]')).toHaveLength(103);
    expect(root(el).querySelector(exempted)).not.toBeNull();
    expect(shadowText(root(el).querySelector('[part~="todo-filter"]'))).toBe('只看待办（102 项）');
    root(el).querySelector<HTMLInputElement>('[part~="todo-filter"] input')!.click();
    await settle(c);
    expect(el.hasAttribute('todo-only')).toBe(true);
    expect(root(el).querySelectorAll('[part~="task"]')).toHaveLength(102);
    expect(root(el).querySelector(exempted)).toBeNull();
  });

  test('feedback is entered in place with the template’s fields; a refusal names the field; success updates the rate', async () => {
    const store = await withOrders();
    const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    const events: string[] = [];
    el.addEventListener('bh-task-feedback', (e) => events.push((e as CustomEvent).detail.state));
    const task = [...root(el).querySelectorAll('[part~="task"]')].find((t) => shadowText(t).includes('旅馆业治安检查'))!;
    const open = task.querySelector('button')!;
    open.click();
    await settle(c);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const form = task.querySelector('form')!;
    const count = form.querySelector<HTMLInputElement>('input[type="number"]')!;
    expect(root(el).activeElement).toBe(count);
    expect(form.querySelector(`label[for="${count.id}"]`)!.textContent).toContain('完成数量');
    // Sent without the count the task asks for: refused, the field marked and focused.
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(c);
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(shadowText(form)).toContain('必须填写“完成数量”');
    expect(root(el).activeElement).toBe(count);
    count.value = '6';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r, 80));
    await settle(c);
    expect(events).toEqual(['fedBack']);
    const saved = await store.get('orders', '2025-10:publicSecurity.hotels:P00001');
    expect(saved!.state).toBe('fedBack');
    expect(saved!.data.feedback!.values).toEqual({ count: 6 });
    expect(shadowText(root(el).querySelector('[role="status"]'))).toContain('已反馈：旅馆业治安检查');
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('已完成 1 项 / 应完成 103 项');
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('0.97%');
  });

  test('a task that may not apply can be marked so, with a reason, and leaves the denominator', async () => {
    const store = await withOrders();
    const c = await mount(html`<bh-task-checklist lang="en" officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    const task = [...root(el).querySelectorAll('[part~="task"]')].find((t) => shadowText(t).includes('Inspect internet cafés'))!;
    task.querySelector('button')!.click();
    await settle(c);
    const form = task.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name="@reason"]')!.value = 'No internet cafés in this community';
    form.querySelector<HTMLButtonElement>('button[value="exempt"]')!.click();
    await new Promise((r) => setTimeout(r, 80));
    await settle(c);
    expect((await store.get('orders', '2025-10:publicSecurity.internetCafes:P00001'))!.state).toBe('exempt');
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('0 of 102 done');
  });

  test('an accepted feedback is shown from its own result, without loading the month again; a change made elsewhere still reloads', async () => {
    const store = await withOrders();
    // Count the month's loads: every `all('orders')` the widget makes.
    let loads = 0;
    const counted = Object.create(store, { all: { value: (...args: Parameters<typeof store.all>) => (loads++, store.all(...args)) } }) as typeof store;
    const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${counted}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    expect(loads).toBe(1);
    const task = [...root(el).querySelectorAll('[part~="task"]')].find((t) => shadowText(t).includes('旅馆业治安检查'))!;
    task.querySelector('button')!.click();
    await settle(c);
    task.querySelector<HTMLInputElement>('input[type="number"]')!.value = '4';
    task.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r, 80));
    await settle(c);
    expect((await store.get('orders', '2025-10:publicSecurity.hotels:P00001'))!.state).toBe('fedBack');
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('已完成 1 项 / 应完成 103 项');
    expect(loads).toBe(1);
    // Another widget (or tab) writes an order of this month: the checklist loads it.
    const exempt = await applyLoopEvent(store, 'orders', taskOrderLoop, '2025-10:publicSecurity.internetCafes:P00001', {
      type: 'exempt', actor: { id: 'P00001', role: 'officer' }, at: NOW, payload: { reason: '辖区内无网吧' },
    });
    expect(exempt.ok).toBe(true);
    for (let i = 0; i < 50 && loads < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await settle(c);
    expect(loads).toBe(2);
    expect(shadowText(root(el).querySelector('[part~="progress"]'))).toContain('应完成 102 项');
  });

  test('after its feedback is accepted, focus stays on the same task, even when an order arriving from elsewhere moves it down the list', async () => {
    const all = dispatchMonth({ catalog: exampleCatalog(), roster, month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders;
    const LATE = '2025-10:publicSecurity.cameras:P00001'; // listed before the hotels' task once it arrives
    const store = await withOrders(all.filter((o) => o.id !== LATE));
    const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    await ready(el);
    const HOTELS = 'task-form-2025-10_publicSecurity_hotels_P00001';
    const task = root(el).getElementById(HOTELS)!;
    task.querySelector('button')!.click();
    await settle(c);
    task.querySelector<HTMLInputElement>('input[type="number"]')!.value = '3';
    task.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    for (let i = 0; i < 100 && root(el).activeElement?.id !== HOTELS; i++) await new Promise((r) => setTimeout(r, 20));
    expect(root(el).activeElement?.id).toBe(HOTELS);
    // Another tab dispatches the missing order: the month loads again and the hotels' task moves down one row.
    await store.put('orders', all.find((o) => o.id === LATE)!);
    for (let i = 0; i < 100 && !root(el).getElementById('task-form-2025-10_publicSecurity_cameras_P00001'); i++) await new Promise((r) => setTimeout(r, 20));
    await settle(c);
    const focused = root(el).activeElement as HTMLElement;
    expect(focused.id).toBe(HOTELS);
    expect(shadowText(focused)).toContain('旅馆业治安检查');
    expect(shadowText(focused)).toContain('已反馈');
  });

  test('evidence is the photos attached in place: none, or none a photo, is refused naming the rule; with a photo the feedback cites the files', async () => {
    const store = await withOrders();
    const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const ORDER = '2025-10:publicSecurity.keyUnits:P00001';
    const { c, task } = await openKeyUnits(store, files);
    const form = task.querySelector('form')!;
    const panel = form.querySelector('bh-attachments') as BhAttachments;
    expect(panel.getAttribute('item-kind')).toBe('taskOrder');
    expect(panel.getAttribute('item-id')).toBe(ORDER);
    const group = form.querySelector('[role="group"]')!;
    expect(form.querySelector(`#${group.getAttribute('aria-labelledby')}`)!.textContent).toContain('照片或文件');
    form.querySelector<HTMLInputElement>('input[type="number"]')!.value = '2';
    const problem = () => form.querySelector('.field-error')?.textContent ?? '';
    const send = async () => {
      const before = problem();
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      for (let i = 0; i < 150 && problem() === before && (await store.get('orders', ORDER))!.state !== 'fedBack'; i++) await new Promise((r) => setTimeout(r, 20));
      await settle(c);
    };
    // Nothing attached: the evidence is missing.
    await send();
    expect(shadowText(form)).toContain('必须填写“照片或文件”');
    expect((await store.get('orders', ORDER))!.state).toBe('dispatched');
    // A scanned record, but no photo from the site: photos_required, nothing stored.
    panel.defaultType = 'other';
    await panel.addFiles([new File([new TextEncoder().encode('inspection record')], '检查记录.pdf', { type: 'application/pdf' })]);
    await send();
    expect(shadowText(form)).toContain('本任务的反馈须附至少一张现场照片');
    expect((await store.get('orders', ORDER))!.state).toBe('dispatched');
    // A photo: accepted, the feedback citing both files by their ids.
    panel.defaultType = 'photo';
    await panel.addFiles([new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], '现场.jpg', { type: 'image/jpeg' })]);
    await send();
    const saved = await store.get('orders', ORDER);
    expect(saved!.state).toBe('fedBack');
    const ids = (await listAttachments(files, { kind: 'taskOrder', id: ORDER })).map((a) => a.id);
    expect(saved!.data.feedback!.values).toEqual({ count: 2, evidence: ids });
    await expectNoAxeViolations(c);
  });

  test('on a synced store the evidence panel gets its sync control: photos added on another device are asked of the server', async () => {
    const store = fakeSyncedStore(await withOrders(), { actor: { id: 'P00001', name: '孙警官', roles: ['officer'] }, scope: { level: 'town', id: 'town-a', name: '甲镇' } } as never);
    const pulls: [string, string][] = [];
    const sync = Object.assign(store.sync, { fetchFile: async () => undefined, pullFiles: async (collection: string, key: string) => (pulls.push([collection, key]), []) });
    const { task } = await openKeyUnits(store, createMemoryStore(attachmentStoreSpec) as AttachmentStore);
    const panel = task.querySelector('bh-attachments') as BhAttachments;
    expect(panel.sync).toBe(sync);
    for (let i = 0; i < 100 && pulls.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(pulls).toEqual([['orders', '2025-10:publicSecurity.keyUnits:P00001']]);
  });

  test('without an officer it says so in place and emits bh-problem', async () => {
    const problems: string[] = [];
    document.addEventListener('bh-problem', (e) => problems.push((e as CustomEvent).detail.code), { once: true });
    const c = await mount(html`<bh-task-checklist month="2025-10" .store=${createMemoryStore(taskStoreSpec)}></bh-task-checklist>`);
    const el = c.querySelector('bh-task-checklist')!;
    expect(root(el).querySelector('[part="problem"]')!.getAttribute('role')).toBe('alert');
    expect(problems).toEqual(['task_checklist_unset']);
  });
});
