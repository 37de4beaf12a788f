import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, eventPermitStore, type EventPermitItem } from '@bihuan/core';
import { exampleEventPermits, examplePermitsInProgress } from '@bihuan/core/examples';
import '@bihuan/widgets/event-permits';
import type { BhEventPermits } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

async function setup(items: EventPermitItem[] = [], attrs = '', lang?: string) {
  const store = createMemoryStore(eventPermitStore);
  if (items.length) await store.bulkPut('permits', items);
  const c = await mount(html`<bh-event-permits now="2026-06-20T10:00:00+08:00" .store=${store}></bh-event-permits>`, lang);
  const el = c.querySelector('bh-event-permits') as BhEventPermits;
  if (attrs) el.setAttribute('viewer-role', attrs);
  await waitFor(() => !shadowText(el).includes('正在读取') && !shadowText(el).includes('Loading'));
  return { c, el, store, root: el.shadowRoot! };
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

function fill(root: ShadowRoot, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const input = root.getElementById(id) as HTMLInputElement;
    input.value = value;
  }
}

const filing = { 'file-name': '秦皇岛国际帆船赛', 'file-venue': '西港花园', 'file-eventDate': '2026-08-31', 'file-attendance': '5000', 'file-organizer': '秦皇岛体育文化有限公司', 'file-contact': '汪洋', 'file-phone': '0335-1234567' };

describe('<bh-event-permits>', () => {
  test('shows the filings with the rate of events held without incident, axe-clean', async () => {
    const { c, root } = await setup(examplePermitsInProgress());
    const figures = shadowText(root.querySelector('[part="summary"]'));
    expect(figures).toContain('报备8');
    expect(figures).toContain('无事故举办率66.67%');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(8);
    expect(shadowText(root.querySelector('table'))).toContain('发生 2 起事件');
    await expectNoAxeViolations(c);
  });

  test('the source’s 192 events: 100%, twenty to a page, paged by keyboard-reachable buttons', async () => {
    const { root } = await setup(exampleEventPermits());
    expect(shadowText(root.querySelector('[part="summary"]'))).toContain('无事故举办率100%');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(20);
    const next = [...root.querySelectorAll<HTMLButtonElement>('[part="pager"] button')].at(-1)!;
    next.click();
    await settle(root);
    expect(shadowText(root.querySelector('[part="pager"]'))).toContain('第 2 / 10 页，共 192 条');
  });

  test('files an event; a filing before the window opens and a second filing of the event are refused with reasons', async () => {
    const { el, root, store } = await setup();
    const changes: unknown[] = [];
    el.addEventListener('bh-permit-change', (e: Event) => changes.push((e as CustomEvent).detail));
    const form = root.querySelector<HTMLFormElement>('form[part="form"]')!;

    // 2026-06-20 is before 2027-01-31 − 6 months = 2026-07-31.
    fill(root, { ...filing, 'file-eventDate': '2027-01-31' });
    form.requestSubmit();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('最早可于 2026-07-31 申报');
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).toBe('#file-eventDate');
    await settle(el);
    expect(root.activeElement?.classList.contains('error-summary')).toBe(true);
    expect(await store.count('permits')).toBe(0);

    fill(root, filing);
    form.requestSubmit();
    await waitFor(() => shadowText(root.querySelector('[part="status"]')).includes('已报备'));
    expect(changes).toEqual([expect.objectContaining({ type: 'file', state: 'filed' })]);
    await waitFor(() => root.querySelectorAll('tbody tr').length === 1);

    fill(root, { ...filing, 'file-name': '秦皇岛 国际帆船赛' });
    form.requestSubmit();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('一活动一报备');
    expect(await store.count('permits')).toBe(1);

    // A bad field is named: the attendance must be at least 1.
    fill(root, { ...filing, 'file-eventDate': '2026-09-01', 'file-attendance': '0' });
    form.requestSubmit();
    await waitFor(() => root.getElementById('file-attendance')?.getAttribute('aria-invalid') === 'true');
    expect(shadowText(root.querySelector('.error-summary'))).toContain('预计人数');
  });

  test('approval without a plan is refused; with one it goes through, by the row’s buttons', async () => {
    const { root, store } = await setup(examplePermitsInProgress().slice(1, 2).map((i) => ({ ...i, data: { ...i.data, plan: null } })));
    const button = (label: string) => [...root.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => b.textContent === label)!;
    expect(button('批准安保方案').getAttribute('aria-label')).toContain('批准安保方案：');
    button('批准安保方案').click();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('批准前必须有安保方案');

    button('提交安保方案').click();
    await settle(root);
    const action = root.querySelector<HTMLFormElement>('form[part="action-form"]')!;
    await waitFor(() => root.activeElement?.id === 'action-summary');
    fill(root, { 'action-summary': '分区疏导', 'action-stewards': '60' });
    action.requestSubmit();
    await waitFor(() => shadowText(root.querySelector('[part="status"]')).includes('已提交安保方案'));
    await waitFor(() => !!button('批准安保方案'));
    button('批准安保方案').click();
    await waitFor(() => shadowText(root.querySelector('tbody')).includes('方案已批准'));
    expect((await store.all('permits')).items[0]!.state).toBe('planApproved');
  });

  test('a role the loop does not know is shown in place, never thrown', async () => {
    const problems: string[] = [];
    document.addEventListener('bh-problem', (e) => problems.push((e as CustomEvent).detail.message));
    const c = await mount(html`<bh-event-permits viewer-role="mayor" .store=${createMemoryStore(eventPermitStore)}></bh-event-permits>`);
    const el = c.querySelector('bh-event-permits')!;
    expect(el.shadowRoot!.querySelector('[part="problem"]')!.getAttribute('role')).toBe('alert');
    expect(problems.join()).toContain('viewer-role');
  });

  test('English', async () => {
    const { c, root } = await setup(examplePermitsInProgress(), '', 'en');
    expect(shadowText(root.querySelector('[part="summary"]'))).toContain('Held without incident66.67%');
    expect(shadowText(root.querySelector('table'))).toContain('Plan approved');
    await expectNoAxeViolations(c);
  });
});
