import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/law-report-scorecard';
import type { ScoresSubmittedDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, type, until } from './dispute-support.js';
import { FIVE_LEVEL_SCHEME, INVALID_SCHEME, NOW, REPORT, evaluationStore } from '../../../stories/support/evaluation.js';

afterEach(cleanup);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const loaded = (el: Element) => until(() => !!part(el, 'breakdown'));

async function card(options: Parameters<typeof evaluationStore>[0] = {}, lang?: string) {
  const store = evaluationStore({ sheets: [['评议人乙', 90], ['评议人丙', 85]], ...options });
  const c = await mount(html`<bh-law-report-scorecard report-id=${REPORT.id} assessor="评议人甲" now=${NOW} .store=${store}></bh-law-report-scorecard>`, lang);
  const el = c.querySelector('bh-law-report-scorecard')!;
  await loaded(el);
  return { c, el, store };
}

async function fill(el: Element, scores: Record<string, string>) {
  for (const [id, value] of Object.entries(scores)) await type(el, `#f-${id}`, value);
}

describe('<bh-law-report-scorecard>', () => {
  test('shows the completeness check, and the breakdown and grade as scores are typed, exactly', async () => {
    const { c, el } = await card();
    expect(shadowText(part(el, 'check'))).toContain('符合“双要求”');
    // Half-way: the missing-score rule leaves it unscored, and says why — never a silent zero.
    await fill(el, { achievements: '95', shortcomings: '90' });
    expect(shadowText(part(el, 'breakdown'))).toContain('尚未计分：“法治实绩”有评议人未打分：评议人甲');
    await fill(el, { performance: '80', rectification: '70', accountability: '90' });
    const breakdown = shadowText(part(el, 'breakdown'));
    // Trimmed means of three assessors: 90, 85, 85, 75, 85; the pre-test 88 × 0.15 = 13.2.
    expect(breakdown).toContain('讲绩去掉最高最低分 2 个 20 90 18');
    expect(breakdown).toContain('法治素养测试（测试成绩） 15 88 13.2');
    expect(breakdown).toContain('总分10084.95');
    expect(breakdown).toContain('等次良好');
    expect(el.result?.ok && el.result.grade.id).toBe('good');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).toBe('当前总分 84.95 分，等次 良好');
    await expectNoAxeViolations(c);
  });

  test('a refused submit shows an error summary that takes focus and links to each field', async () => {
    const { c, el } = await card();
    await fill(el, { achievements: '101' });
    expect(await el.submit()).toBe(false);
    await settle(c);
    const summary = $(el, '.error-summary');
    expect(el.shadowRoot!.activeElement).toBe(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual([
      '讲绩：必须在 0 到 100 之间（收到 101）',
      '摆短：请为此维度打分',
      '法治实绩：请为此维度打分',
      '整改：请为此维度打分',
      '问责：请为此维度打分',
    ]);
    links[1]!.click();
    expect(el.shadowRoot!.activeElement?.id).toBe('f-shortcomings');
    expect($(el, '#f-achievements').getAttribute('aria-invalid')).toBe('true');
    expect($(el, '#f-achievements').getAttribute('aria-describedby')).toBe('f-achievements-hint f-achievements-error');
    expect(el.checkValidity()).toBe(false);
    await expectNoAxeViolations(c);
  });

  test('form-associated: a host form blocks submission until valid, then receives the sheet as JSON', async () => {
    const store = evaluationStore();
    const c = await mount(html`<form><bh-law-report-scorecard name="sheet" report-id=${REPORT.id} assessor="甲" now=${NOW} .store=${store}></bh-law-report-scorecard></form>`);
    const form = c.querySelector('form')!;
    const el = c.querySelector('bh-law-report-scorecard')!;
    await loaded(el);
    expect(el.form).toBe(form);
    expect(form.checkValidity()).toBe(false);
    expect(new FormData(form).get('sheet')).toBeNull();
    await fill(el, { achievements: '90', shortcomings: '85', performance: '80', rectification: '75', accountability: '70' });
    expect(form.checkValidity()).toBe(true);
    expect(JSON.parse(String(new FormData(form).get('sheet')))).toEqual({ reportId: REPORT.id, assessor: '甲', scores: { achievements: 90, shortcomings: 85, performance: 80, rectification: 75, accountability: 70 } });
    form.reset();
    await settle(c);
    expect(form.checkValidity()).toBe(false);
  });

  test('a valid submit stores the sheet and announces it', async () => {
    const { c, el, store } = await card();
    const submitted: ScoresSubmittedDetail[] = [];
    c.addEventListener('bh-scores-submitted', (e) => submitted.push((e as CustomEvent<ScoresSubmittedDetail>).detail));
    await fill(el, { achievements: '95', shortcomings: '90', performance: '80', rectification: '70', accountability: '90' });
    expect(await el.submit()).toBe(true);
    await settle(c);
    expect(shadowText(part(el, 'status'))).toBe('已保存 评议人甲 的评分。');
    expect(submitted[0]!.result.ok).toBe(true);
    const stored = await store.get('sheets', [REPORT.id, '评议人甲']);
    expect(stored?.scores).toEqual({ achievements: 95, shortcomings: 90, performance: 80, rectification: 70, accountability: 90 });
  });

  test('1–5 levels as radio buttons, with "cannot judge" leaving the denominator', async () => {
    const { el } = await card({ scheme: FIVE_LEVEL_SCHEME, report: { ...REPORT, schemeId: FIVE_LEVEL_SCHEME.id }, sheets: [] });
    expect(el.shadowRoot!.querySelectorAll('input[type="radio"][name="f-achievements"]')).toHaveLength(6);
    for (const id of ['achievements', 'shortcomings', 'rectification', 'accountability']) await choose(el, `#f-${id}-5`);
    await choose(el, '#f-performance-cannotJudge');
    // performance has no counted score at all: unscored, with the reason.
    expect(shadowText(part(el, 'breakdown'))).toContain('“法治实绩”没有可计入的分数');
    await choose(el, '#f-performance-4');
    expect(shadowText(part(el, 'breakdown'))).toContain('法治实绩 15 4 11.25'); // (4 − 1) / 4 × 15
  });

  test('an unacceptable report is shown with the rules it breaks', async () => {
    const { el } = await card({ report: { ...REPORT, achievements: [{ text: '成效显著' }], shortcomings: [] } });
    const check = part(el, 'check')!;
    expect(check.classList.contains('refused')).toBe(true);
    expect([...check.querySelectorAll('li')].map((li) => li.dataset.rule)).toEqual(['shortcomings_required', 'claim_needs_evidence']);
    expect(shadowText(check)).toContain('没有查摆问题的述法报告不合格');
  });

  test('an invalid scheme is refused in place with the reason, never thrown into the page', async () => {
    const problems: string[] = [];
    document.addEventListener('bh-problem', (e) => problems.push((e as CustomEvent).detail.message), { once: true });
    const c = await mount(html`<bh-law-report-scorecard report-id=${REPORT.id} .store=${evaluationStore()} .scheme=${INVALID_SCHEME}></bh-law-report-scorecard>`);
    const el = c.querySelector('bh-law-report-scorecard')!;
    await until(() => !!part(el, 'problem'));
    expect(part(el, 'problem')!.getAttribute('role')).toBe('alert');
    expect(shadowText(part(el, 'problem'))).toContain('各维度权重之和为 0.95，应为 1（少 0.05）');
    expect(problems[0]).toContain('0.95');
  });

  test('English, and the empty state', async () => {
    const { el } = await card({}, 'en');
    expect(shadowText(part(el, 'check'))).toContain('Acceptable: states achievements and exposes shortcomings');
    // Two colleagues' sheets are not yet the preset's panel of three: not scored, and it says why.
    expect(shadowText(part(el, 'breakdown'))).toContain('the panel needs at least 3 assessors; 2 have scored');
    // A third colleague's sheet makes the panel (a trimmed mean of three is their middle score).
    const { el: three } = await card({ sheets: [['评议人乙', 90], ['评议人丙', 85], ['评议人丁', 80]] }, 'en');
    expect(shadowText(part(three, 'breakdown'))).toContain('Legal-literacy pre-test (test score) 15 88 13.2');
    expect(shadowText(part(three, 'breakdown'))).toContain('Total now 82.2 points, grade Good'); // 17 + 16 + 13.2 + 12.75 + 11.25 + 12
    const c = await mount(html`<bh-law-report-scorecard report-id="none" .store=${evaluationStore({ report: null })}></bh-law-report-scorecard>`);
    const empty = c.querySelector('bh-law-report-scorecard')!;
    await until(() => shadowText(empty).includes('暂无述法报告'));
  });

  test('an assessor of the reporting unit is not counted: the breakdown says why (own_unit)', async () => {
    const store = evaluationStore({ sheets: [['评议人乙', 90], ['评议人丙', 85]] });
    const c = await mount(html`<bh-law-report-scorecard report-id=${REPORT.id} assessor="评议人甲" assessor-unit=${REPORT.unit} now=${NOW} .store=${store}></bh-law-report-scorecard>`);
    const el = c.querySelector('bh-law-report-scorecard')!;
    await loaded(el);
    await fill(el, { achievements: '95', shortcomings: '90', performance: '80', rectification: '70', accountability: '90' });
    expect(el.result?.ok).toBe(false);
    expect(!el.result?.ok && el.result?.reasons.map((r) => r.rule)).toEqual(['own_unit']);
    expect(shadowText(part(el, 'breakdown'))).toContain(`评议人甲 属于被评议单位“${REPORT.unit}”，不能评议本单位`);
  });
});
