import { afterEach, describe, expect, test, vi } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/rate-card';
import { BhRateCard } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('<bh-rate-card>', () => {
  test('shows the centre’s rate with its counts in words (attributes)', async () => {
    const c = await mount(html`<bh-rate-card label="化解率" numerator="406" denominator="425" numerator-label="化解" denominator-label="受理" unit="件"></bh-rate-card>`);
    const card = c.querySelector('bh-rate-card')!;
    expect(shadowText(part(card, 'value'))).toBe('95.53%');
    expect(shadowText(part(card, 'counts'))).toBe('受理 425 件，化解 406 件');
    expect(part(card, 'base')!.getAttribute('role')).toBe('group');
    expect(card.rate).toEqual({ numerator: 406n, denominator: 425n });
    await expectNoAxeViolations(c);
  });

  test('properties work as well as attributes, and a change re-renders', async () => {
    const card = document.createElement('bh-rate-card');
    card.label = 'Towns';
    card.numerator = 2227;
    card.denominator = 2261;
    document.body.append(card);
    await card.updateComplete;
    expect(shadowText(part(card, 'value'))).toBe('98.5%');
    card.numerator = 2261;
    await card.updateComplete;
    expect(shadowText(part(card, 'value'))).toBe('100%');
  });

  test('a rate not exactly complete never shows 100%, one not exactly zero never 0% (the shared formatter)', async () => {
    const c = await mount(html`<bh-rate-card label="任务完成率" numerator="199999" denominator="200000"></bh-rate-card><bh-rate-card label="逾期率" numerator="1" denominator="300000"></bh-rate-card>`);
    const [done, late] = [...c.querySelectorAll('bh-rate-card')];
    expect(shadowText(part(done!, 'value'))).toBe('99.99%');
    expect(shadowText(part(late!, 'value'))).toBe('0.01%');
  });

  test('the change against a previous period is in percentage points, with its meaning in text', async () => {
    const c = await mount(html`<bh-rate-card numerator="2227" denominator="2261" previous-numerator="406" previous-denominator="425" previous-label="综治中心"></bh-rate-card>`);
    const change = part(c.querySelector('bh-rate-card')!, 'change')!;
    expect(shadowText(change)).toContain('较综治中心上升 2.97 个百分点');
    expect(shadowText(change)).toContain('向好');
    expect(change.classList.contains('better')).toBe(true);
    expect(change.querySelector('[aria-hidden="true"]')!.textContent).toBe('▲');
  });

  test('lower-is-better turns a fall into good news', async () => {
    const c = await mount(html`<bh-rate-card lang="en" numerator="12" denominator="1000" previous-numerator="30" previous-denominator="1000" lower-is-better></bh-rate-card>`);
    const change = part(c.querySelector('bh-rate-card')!, 'change')!;
    expect(shadowText(change)).toBe('▼ down 1.8 percentage points on the previous period (better)');
    expect(change.classList.contains('better')).toBe(true);
  });

  test('unchanged and no-previous states say so', async () => {
    const c = await mount(html`<bh-rate-card numerator="1" denominator="2" previous-numerator="2" previous-denominator="4"></bh-rate-card>
      <bh-rate-card id="b" numerator="1" denominator="2" previous-numerator="0" previous-denominator="0"></bh-rate-card>`);
    const [a, b] = c.querySelectorAll('bh-rate-card');
    expect(shadowText(part(a!, 'change'))).toContain('与上期持平');
    expect(shadowText(part(b!, 'change'))).toBe('上期无案件，无从比较');
  });

  test('no cases shows "—", never NaN% or 0%', async () => {
    const c = await mount(html`<bh-rate-card label="化解率" numerator="0" denominator="0"></bh-rate-card>`);
    const card = c.querySelector('bh-rate-card')!;
    expect(part(card, 'value')!.textContent).toContain('—');
    expect(shadowText(card)).toContain('暂无案件');
    expect(shadowText(card)).not.toMatch(/NaN|0%/);
    expect(card.rate).toBeNull();
    await expectNoAxeViolations(c);
  });

  test('bad counts are shown in place and never thrown into the page', async () => {
    const problems: string[] = [];
    const pageErrors: unknown[] = [];
    const onError = (e: ErrorEvent) => pageErrors.push(e.error);
    const onRejection = (e: PromiseRejectionEvent) => pageErrors.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('bh-problem', (e) => problems.push((e as CustomEvent).detail.code));
    try {
      const c = await mount(html`<bh-rate-card numerator="500" denominator="425"></bh-rate-card>
        <bh-rate-card numerator="abc" denominator="3"></bh-rate-card>
        <bh-rate-card numerator="1.5" denominator="3"></bh-rate-card>`);
      const cards = [...c.querySelectorAll('bh-rate-card')];
      for (const card of cards) {
        const problem = part(card, 'problem')!;
        expect(problem.getAttribute('role')).toBe('alert');
        expect(shadowText(problem)).toContain('numerator');
      }
      expect(shadowText(part(cards[0]!, 'problem'))).toContain('不能大于分母');
      // "abc" is not a number at all: refused when set, by the property guard, naming the attribute.
      expect(shadowText(part(cards[1]!, 'problem'))).toContain('属性 numerator 的值不可用');
      expect(problems).toEqual(['invalid_argument', 'invalid_property', 'invalid_argument']);
      // Fixing the input clears the problem.
      cards[0]!.numerator = 400;
      await cards[0]!.updateComplete;
      expect(part(cards[0]!, 'problem')).toBeNull();
      expect(shadowText(part(cards[0]!, 'value'))).toBe('94.12%');
      await expectNoAxeViolations(c);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('localization: the nearest lang wins, across shadow roots', () => {
  test('zh-CN by default, English from <html lang>, and a change re-renders', async () => {
    const c = await mount(html`<bh-rate-card numerator="0" denominator="0"></bh-rate-card>`);
    const card = c.querySelector('bh-rate-card')!;
    expect(card.locale).toBe('zh-CN');
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r));
    await card.updateComplete;
    expect(card.locale).toBe('en');
    expect(shadowText(card)).toContain('No cases yet');
  });

  test('an element’s own lang beats the page’s, and a host’s shadow root lang is followed', async () => {
    document.documentElement.lang = 'zh-CN';
    // A portal's own component whose shadow root sets lang="en" around our widget.
    class PortalPanel extends HTMLElement {
      constructor() {
        super();
        const root = this.attachShadow({ mode: 'open' });
        root.innerHTML = '<section lang="en"><bh-rate-card numerator="0" denominator="0"></bh-rate-card></section>';
      }
    }
    if (!customElements.get('portal-panel')) customElements.define('portal-panel', PortalPanel);
    const c = await mount(html`<portal-panel></portal-panel>`);
    const panel = c.querySelector('portal-panel')!;
    const section = panel.shadowRoot!.querySelector('section')!;
    const card = section.querySelector('bh-rate-card')!;
    await card.updateComplete;
    expect(card.locale).toBe('en');
    section.setAttribute('lang', 'zh-Hans-CN');
    await new Promise((r) => setTimeout(r));
    await card.updateComplete;
    expect(card.locale).toBe('zh-CN');
    expect(shadowText(card)).toContain('暂无案件');
    card.setAttribute('lang', 'en-GB');
    await new Promise((r) => setTimeout(r));
    await card.updateComplete;
    expect(card.locale).toBe('en');
  });
});

describe('registration', () => {
  test('a second copy of the library on the page is skipped, with a warning when versions differ', async () => {
    const { defineElement } = await import('@bihuan/widgets/classes');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class Same extends BhRateCard {}
    defineElement('bh-rate-card', Same); // same version: silently skipped
    expect(warn).not.toHaveBeenCalled();
    class Other extends BhRateCard {
      static override readonly bihuanVersion = '9.9.9';
    }
    expect(() => defineElement('bh-rate-card', Other)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('bihuan 9.9.9'));
    expect(customElements.get('bh-rate-card')).toBe(BhRateCard);
    warn.mockRestore();
  });

  test('classes are importable without registering, and register under another name', async () => {
    const { defineElement } = await import('@bihuan/widgets/classes');
    class Custom extends BhRateCard {}
    defineElement('portal-rate', Custom);
    const c = await mount(html`<portal-rate numerator="1" denominator="4"></portal-rate>`);
    await settle(c);
    expect(shadowText(part(c.querySelector('portal-rate')!, 'value'))).toBe('25%');
  });
});
