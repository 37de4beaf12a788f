import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, volunteerStore } from '@bihuan/core';
import { exampleVolunteerLog, type VolunteerLogExample } from '@bihuan/core/examples';
import '@bihuan/widgets/volunteer-log';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

async function setup(seed?: VolunteerLogExample, attrs: { lang?: string; reveal?: boolean } = {}) {
  const store = createMemoryStore(volunteerStore);
  if (seed) {
    await store.bulkPut('volunteers', seed.roster);
    await store.bulkPut('assists', seed.assists);
  }
  const c = await mount(html`<bh-volunteer-log now="2025-05-01T10:00:00+08:00" ?reveal-names=${attrs.reveal} .store=${store}></bh-volunteer-log>`, attrs.lang);
  const el = c.querySelector('bh-volunteer-log')!;
  const root = el.shadowRoot!;
  await waitFor(() => !!root.querySelector('[part="summary"]'));
  return { c, el, root, store };
}

describe('<bh-volunteer-log>', () => {
  test('the source’s association: 636 members, 4,158 assists, per kind and per volunteer; names masked', async () => {
    const { c, root } = await setup(exampleVolunteerLog());
    const s = shadowText(root.querySelector('[part="summary"]'));
    expect(s).toContain('义警队员636');
    expect(s).toContain('协助公安机关4,158');
    const kinds = shadowText(root.querySelector('[part="kinds"]'));
    for (const k of ['大型活动安保', '日常巡逻', '校园护学疏导', '应急救援处置']) expect(kinds).toContain(k);
    expect(root.querySelector('[part="table"] tbody th')!.textContent!.trim()).toMatch(/^.\*+（V\d{4}）$/);
    expect(root.querySelectorAll('[part="table"] tbody tr')).toHaveLength(20);
    await expectNoAxeViolations(c);
  });

  test('logs an assist; a second one passing 24 hours that day is refused with the reason', async () => {
    const { root, el, store } = await setup(exampleVolunteerLog(3, 0), { reveal: true });
    const logged: unknown[] = [];
    el.addEventListener('bh-assist-logged', (e) => logged.push((e as CustomEvent).detail));
    const form = root.querySelector<HTMLFormElement>('[part="form"]')!;
    const set = (id: string, v: string) => ((root.getElementById(id) as HTMLInputElement | HTMLSelectElement).value = v);
    set('a-volunteer', 'V0001');
    set('a-kind', 'schoolGate');
    set('a-hours', '20');
    form.requestSubmit();
    await waitFor(() => shadowText(root.querySelector('[part="status"]')).includes('已登记'));
    expect(shadowText(root.querySelector('[part="status"]'))).toContain('校园护学疏导 20 小时');
    expect(logged).toHaveLength(1);
    const cells = () => [...root.querySelectorAll('[part="kinds"] tbody tr')].find((r) => r.textContent!.includes('校园护学疏导'))!.querySelectorAll('td');
    await waitFor(() => cells()[0]!.textContent === '1' && cells()[1]!.textContent === '20');

    set('a-volunteer', 'V0001');
    set('a-date', '2025-05-01');
    set('a-hours', '4.25');
    form.requestSubmit();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('超过一天 24 小时');
    expect(root.getElementById('a-hours')!.getAttribute('aria-invalid')).toBe('true');
    expect(await store.count('assists')).toBe(1);

    set('a-volunteer', '');
    form.requestSubmit();
    await waitFor(() => shadowText(root.querySelector('.error-summary')).includes('义警队员'));
  });

  test('a store that fails to write is said in plain words in the form and reported as bh-problem, nothing thrown into the page', async () => {
    const { el, root, store } = await setup(exampleVolunteerLog(3, 0));
    const problems: { code: string; detail?: string }[] = [];
    el.addEventListener('bh-problem', (e) => problems.push((e as CustomEvent).detail));
    store.batch = () => Promise.reject(new TypeError('host store is broken'));
    (root.getElementById('a-volunteer') as HTMLSelectElement).value = 'V0001';
    (root.getElementById('a-hours') as HTMLInputElement).value = '2';
    root.querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('发生了意外错误');
    expect(shadowText(root.querySelector('.error-summary'))).not.toContain('broken');
    expect(root.activeElement?.classList.contains('error-summary')).toBe(true);
    expect(problems).toMatchObject([{ code: 'unexpected', detail: 'TypeError: host store is broken' }]);
  });

  test('empty and English', async () => {
    const { c, root } = await setup(undefined, { lang: 'en' });
    expect(shadowText(root.querySelector('[part="summary"]'))).toContain('Members0');
    expect(shadowText(root.host)).toContain('No volunteers yet.');
    await expectNoAxeViolations(c);
  });
});
