import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, defineStore, emergencyUnitStore, type StoreSpec } from '@bihuan/core';
import { exampleEmergencyUnits, type EmergencyUnitExample } from '@bihuan/core/examples';
import '@bihuan/widgets/emergency-units';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

async function setup(seed?: EmergencyUnitExample, lang?: string) {
  const store = createMemoryStore(emergencyUnitStore);
  if (seed) {
    await store.bulkPut('units', seed.units);
    await store.bulkPut('responses', seed.responses);
  }
  const c = await mount(html`<bh-emergency-units now="2026-05-10T10:00:00+08:00" .store=${store}></bh-emergency-units>`, lang);
  const el = c.querySelector('bh-emergency-units')!;
  const root = el.shadowRoot!;
  await waitFor(() => !!root.querySelector('[part="summary"]'));
  return { c, el, root, store };
}

const row = (root: ShadowRoot, stage: string) => shadowText([...root.querySelectorAll('[part="timing"] tbody tr')].find((r) => r.textContent!.includes(stage)));

describe('<bh-emergency-units>', () => {
  test('the source’s totals: 3,419 units, 14,076 members, 124 detained, 728 disputes, 367 helped', async () => {
    const { root } = await setup(exampleEmergencyUnits());
    const s = shadowText(root.querySelector('[part="summary"]'));
    expect(s).toContain('应急单元3,419 个');
    expect(s).toContain('参与人员14,076 名');
    expect(s).toContain('协助控制扭送124 名');
    expect(s).toContain('先期制止纠纷728 起');
    expect(s).toContain('帮扶救助367 名');
    expect(root.querySelectorAll('[part="table"] tbody tr')).toHaveLength(20);
    expect(row(root, '三个环节均达标')).toContain('3,819');
  });

  test('records a drill: 60 s meets the 1-minute standard, 181 s misses the 3-minute one', async () => {
    const { c, el, root, store } = await setup({ units: exampleEmergencyUnits(3, 0).units, responses: [] });
    const heard: unknown[] = [];
    el.addEventListener('bh-unit-response', (e) => heard.push((e as CustomEvent).detail));
    root.querySelector<HTMLButtonElement>('[part="table"] tbody button')!.click();
    await settle(el);
    await waitFor(() => root.activeElement?.id === 'r-kind');
    await expectNoAxeViolations(c);
    const set = (id: string, v: string) => ((root.getElementById(id) as HTMLInputElement).value = v);
    set('r-selfRescue', '60');
    set('r-mutualAid', '181');
    set('r-reinforcement', '300');
    root.querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitFor(() => shadowText(root.querySelector('[part="status"]')).includes('已记录'));
    const status = shadowText(root.querySelector('[part="status"]'));
    expect(status).toContain('自救 60 秒 达标');
    expect(status).toContain('互助 181 秒 未达标');
    expect(status).toContain('增援到位 300 秒 达标');
    expect(heard).toHaveLength(1);
    expect(await store.count('responses')).toBe(1);
    await waitFor(() => row(root, '互助').includes('0 1 0%'));
  });

  test('a drill without all three times is refused, the field named', async () => {
    const { root, store } = await setup({ units: exampleEmergencyUnits(2, 0).units, responses: [] });
    root.querySelector<HTMLButtonElement>('[part="table"] tbody button')!.click();
    await waitFor(() => !!root.getElementById('r-selfRescue'));
    (root.getElementById('r-selfRescue') as HTMLInputElement).value = '30';
    root.querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitFor(() => !!root.querySelector('.error-summary'));
    expect(shadowText(root.querySelector('.error-summary'))).toContain('演练须记录全部三个阶段的用时');
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).toBe('#r-mutualAid');
    expect(await store.count('responses')).toBe(0);
  });

  test('filters by police station', async () => {
    const { root, el } = await setup(exampleEmergencyUnits(28, 0));
    const select = root.getElementById('station') as HTMLSelectElement;
    select.value = '海港城郊派出所';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    const stations = [...root.querySelectorAll('[part="table"] tbody tr td:nth-of-type(2)')].map((td) => td.textContent);
    expect(stations.length).toBeGreaterThan(0);
    expect(new Set(stations)).toEqual(new Set(['海港城郊派出所']));
  });

  test('empty, English, and a wrong store shown in place', async () => {
    const empty = await setup(undefined, 'en');
    expect(shadowText(empty.root.querySelector('[part="summary"]'))).toContain('Units0');
    expect(shadowText(empty.root.host)).toContain('No units yet.');
    expect(shadowText(empty.root.querySelector('[part="timing"]'))).toContain('—');
    await expectNoAxeViolations(empty.c);
    const c = await mount(html`<bh-emergency-units .store=${createMemoryStore(defineStore({ name: 'x', collections: {} }) as StoreSpec)}></bh-emergency-units>`);
    const root = c.querySelector('bh-emergency-units')!.shadowRoot!;
    await waitFor(() => !!root.querySelector('[part="problem"]'));
    expect(shadowText(root.querySelector('[part="problem"]'))).toContain('units');
  });
});
