import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-intake';
import { type DisputeItem, createMemoryStore, disputeStoreSpec } from '@bihuan/core';
import { exampleNegativeList } from '@bihuan/core/examples';
import type { DisputeAcceptedDetail, IntakeRefusedDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, click, fillNoiseCase, type } from './dispute-support.js';

afterEach(cleanup);

describe('<bh-dispute-intake>', () => {
  test('validates on blur, in the page’s language, and marks the field', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const c = await mount(html`<bh-dispute-intake .store=${store}></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    expect(el.shadowRoot!.querySelector('.field-error')).toBeNull(); // nothing before the clerk leaves a field
    await type(el, '#f-parties-0-phone', '12');
    const phone = $(el, '#f-parties-0-phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(shadowText($(el, '#f-parties-0-phone-error'))).toContain('请填写有效的电话号码');
    expect(phone.getAttribute('aria-describedby')).toBe('f-parties-0-phone-error');
    await type(el, '#f-parties-0-idNumber', '1234');
    expect(shadowText($(el, '#f-parties-0-idNumber-error'))).toContain('18 位居民身份证号码');
    // English pages read English messages.
    c.lang = 'en';
    await settle(c);
    expect(shadowText($(el, '#f-parties-0-phone-error'))).toContain('Enter a valid phone number');
    await type(el, '#f-parties-0-phone', '138 1234 1234');
    expect(el.shadowRoot!.querySelector('#f-parties-0-phone-error')).toBeNull();
  });

  test('a refused submit shows an error summary that takes focus and links to each field', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const c = await mount(html`<bh-dispute-intake .store=${store}></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    const id = await el.accept();
    await settle(c);
    expect(id).toBeNull();
    const summary = $(el, '.error-summary');
    expect(el.shadowRoot!.activeElement).toBe(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#f-title', '#f-category', '#f-description', '#f-town', '#f-community', '#f-parties-0-name', '#f-parties-1-name']);
    expect(shadowText(links[1])).toBe('纠纷类别：请从选项中选择');
    links[3]!.click();
    expect(el.shadowRoot!.activeElement).toBe($(el, '#f-town'));
    expect(el.checkValidity()).toBe(false);
    expect(el.validationMessage).toBe('此项必填');
    expect(await store.count('disputes')).toBe(0);
    await expectNoAxeViolations(c);
  });

  test('accepts a valid dispute: stored as accepted, with the event carrying the new id', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const accepted: DisputeAcceptedDetail[] = [];
    const c = await mount(html`<bh-dispute-intake .store=${store} viewer-id="clerk-li" now="2025-09-26T09:00:00+08:00" .generateId=${() => 'JF-20250926-0001'}
      @bh-dispute-accepted=${(e: CustomEvent<DisputeAcceptedDetail>) => accepted.push(e.detail)}></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    await fillNoiseCase(el);
    expect(el.checkValidity()).toBe(true);
    await click(el, 'button[type=submit]');
    await settle(c);
    await new Promise((r) => setTimeout(r, 0));
    expect(accepted.map((a) => a.id)).toEqual(['JF-20250926-0001']);
    const stored = (await store.get('disputes', 'JF-20250926-0001')) as DisputeItem;
    expect(stored.state).toBe('received');
    expect(stored.history[0]!.actor).toEqual({ id: 'clerk-li', role: 'intakeClerk' });
    expect(stored.data.parties.map((p) => [p.id, p.side, p.name])).toEqual([['p1', 'applicant', '陈建国'], ['p2', 'respondent', '李秀英']]);
    await settle(c);
    expect(shadowText($(el, '[part=status]'))).toBe('已受理，纠纷编号 JF-20250926-0001。');
    expect(($(el, '#f-title') as HTMLInputElement).value).toBe(''); // ready for the next one
  });

  test('a grid report needs its grid worker', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const c = await mount(html`<bh-dispute-intake .store=${store}></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    await fillNoiseCase(el);
    await choose(el, '#f-channel-grid');
    expect(el.reportValidity()).toBe(false);
    await settle(c);
    const hrefs = [...el.shadowRoot!.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['#f-reportedBy-id', '#f-reportedBy-name']);
  });

  test('the negative list refuses what must not be taken on, with its rule', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const refused: IntakeRefusedDetail[] = [];
    const c = await mount(html`<bh-dispute-intake .store=${store} .negativeList=${exampleNegativeList()}
      @bh-dispute-refused=${(e: CustomEvent<IntakeRefusedDetail>) => refused.push(e.detail)}></bh-dispute-intake>`);
    const el = c.querySelector('bh-dispute-intake')!;
    await fillNoiseCase(el);
    await choose(el, '#f-category', 'labour');
    expect(await el.accept()).toBeNull();
    await settle(c);
    expect(refused[0]!.rule).toBe('labour-disputes');
    expect(shadowText($(el, '.error-summary'))).toContain('劳动人事争议仲裁委员会');
    expect(el.shadowRoot!.activeElement).toBe($(el, '.error-summary'));
    expect(await store.count('disputes')).toBe(0);
    // The noise case is not on the list.
    await choose(el, '#f-category', 'noise');
    expect(await el.accept()).toMatch(/^JF-\d{8}-[0-9A-Z]{6}$/);
  });

  test('is form-associated: a host form gets the intake as JSON and is blocked while invalid', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const c = await mount(html`<form><bh-dispute-intake name="dispute" .store=${store}></bh-dispute-intake></form>`);
    const form = c.querySelector('form')!;
    const el = c.querySelector('bh-dispute-intake')!;
    expect(el.form).toBe(form);
    expect(form.checkValidity()).toBe(false);
    expect(new FormData(form).get('dispute')).toBeNull();
    await fillNoiseCase(el);
    expect(form.checkValidity()).toBe(true);
    expect(JSON.parse(String(new FormData(form).get('dispute')))).toMatchObject({ title: '邻里噪声纠纷', category: 'noise', parties: [{ id: 'p1' }, { id: 'p2' }] });
    form.reset();
    await settle(c);
    expect(($(el, '#f-title') as HTMLInputElement).value).toBe('');
  });
});
