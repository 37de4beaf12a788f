import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/job-fair';
import { createMemoryStore, jobFairStore } from '@bihuan/core';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, click, type, until } from './dispute-support.js';

afterEach(cleanup);

describe('<bh-job-fair>', () => {
  test('an intention form is matched to openings with the reasons; names are masked', async () => {
    const store = createMemoryStore(jobFairStore);
    await store.put('fairs', { id: 'fair-1', title: '春风行动招聘会', date: '2026-03-20' });
    await store.put('firms', { id: 'firm-1', fairId: 'fair-1', name: '鄂州某机械制造公司' });
    await store.bulkPut('openings', [
      { id: 'O-1', fairId: 'fair-1', firmId: 'firm-1', title: '电焊工', kind: 'skilled', count: 20, pay: { min: 5000, max: 7000 }, conditions: { skills: ['电焊'] } },
      { id: 'O-2', fairId: 'fair-1', firmId: 'firm-1', title: '食堂帮厨', kind: 'logistics', count: 3, pay: { min: 3000, max: 3500 } },
    ]);
    const filed: { matches: number }[] = [];
    const c = await mount(html`<bh-job-fair fair="fair-1" now="2026-03-20T09:00:00+08:00" .store=${store} @bh-intention-filed=${(e: CustomEvent) => filed.push(e.detail)}></bh-job-fair>`);
    const el = c.querySelector('bh-job-fair')!;
    await until(() => !!el.shadowRoot!.querySelector('[part=openings]'));
    expect(shadowText($(el, '[part=summary]'))).toContain('23'); // jobs
    await expectNoAxeViolations(c);

    // No kind chosen: refused, focus on the summary.
    await type(el, '#f-name', '张建军');
    await type(el, '#f-expectedPay', '4500');
    await click(el, '[part=form] button[type=submit]');
    await until(() => !!el.shadowRoot!.querySelector('.error-summary'));
    expect(shadowText($(el, '.error-summary'))).toContain('意向工种');

    await choose(el, '#f-kinds-skilled');
    await type(el, '#f-skills', '电焊、叉车');
    await click(el, '[part=form] button[type=submit]');
    await until(() => filed.length === 1);
    await settle(c);
    expect(filed[0]!.matches).toBe(1);
    const matches = shadowText($(el, '[part=matches]'));
    expect(matches).toContain('张** 的匹配岗位：1 个');
    expect(matches).toContain('意向工种：技工');
    expect(matches).toContain('月薪 5000–7000 元，可达期望的 4500 元');
    expect(matches).toContain('具备所需技能：电焊');
    expect(shadowText($(el, '[part=forms]'))).not.toContain('张建军');
    expect((await store.all('intentions')).items[0]!.name).toBe('张建军');
    await expectNoAxeViolations(c);
  });
});
