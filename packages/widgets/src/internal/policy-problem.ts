// The element that stands in for a widget whose lit cannot render under the page's Trusted Types
// policy, with its words: loaded through policy-problem-loader.ts, which the script-tag build turns
// into an import() so that only a page whose CSP stops lit fetches these sentences.
import type { Words } from './guard-base.js';

/** Why lit may not render on this page, as `bh-problem`'s `code`. */
export type PolicyProblemCode = 'trusted-types-policy-taken' | 'trusted-types-policy-disallowed';

const MESSAGES: Record<PolicyProblemCode, Words> = {
  'trusted-types-policy-taken': {
    'zh-CN':
      '此组件无法显示：页面上另一份 lit 已先创建了 Trusted Types 策略 "lit-html"。' +
      "请在 Content-Security-Policy 中写：trusted-types lit-html 'allow-duplicates'",
    en:
      'This widget cannot render: another copy of lit on this page created the Trusted Types policy "lit-html" first. ' +
      "Use this in the Content-Security-Policy: trusted-types lit-html 'allow-duplicates'",
  },
  'trusted-types-policy-disallowed': {
    'zh-CN':
      '此组件无法显示：页面的 Content-Security-Policy 不允许 Trusted Types 策略 "lit-html"。' +
      '请把 lit-html 加入 trusted-types 指令，例如：trusted-types 您的策略名 lit-html',
    en:
      'This widget cannot render: the page\'s Content-Security-Policy does not allow the Trusted Types policy "lit-html". ' +
      'Add lit-html to the trusted-types directive, for example: trusted-types your-policy lit-html',
  },
};

/**
 * Stands in for a widget whose lit cannot render under the page's Trusted Types policy: it says so
 * in place (text only, which Trusted Types allows) and reports `bh-problem`, like any widget.
 */
export function policyProblemElement(code: PolicyProblemCode): CustomElementConstructor {
  const words = MESSAGES[code];
  return class extends HTMLElement {
    connectedCallback(): void {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const box = document.createElement('p');
      box.setAttribute('part', 'problem');
      box.setAttribute('role', 'alert');
      const lang = this.closest('[lang]')?.getAttribute('lang') ?? '';
      const message = words[lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'];
      box.textContent = message;
      root.append(box);
      this.dispatchEvent(
        new CustomEvent('bh-problem', { detail: { code, message }, bubbles: true, composed: true }),
      );
    }
  };
}
