// First: wraps Trusted Types' createPolicy before any module imports lit (see the file).
import { POLICY_DISALLOWED, POLICY_TAKEN } from './trusted-types.js';
import { VERSION } from './version.js';

/** A custom element class that knows which bihuan version it belongs to. */
export interface BihuanElementClass extends CustomElementConstructor {
  readonly bihuanVersion?: string;
}

type Words = { readonly 'zh-CN': string; readonly en: string };

const POLICY_TAKEN_MESSAGE: Words = {
  'zh-CN':
    '此组件无法显示：页面上另一份 lit 已先创建了 Trusted Types 策略 "lit-html"。' +
    "请在 Content-Security-Policy 中写：trusted-types lit-html 'allow-duplicates'",
  en:
    'This widget cannot render: another copy of lit on this page created the Trusted Types policy "lit-html" first. ' +
    "Use this in the Content-Security-Policy: trusted-types lit-html 'allow-duplicates'",
};

const POLICY_DISALLOWED_MESSAGE: Words = {
  'zh-CN':
    '此组件无法显示：页面的 Content-Security-Policy 不允许 Trusted Types 策略 "lit-html"。' +
    '请把 lit-html 加入 trusted-types 指令，例如：trusted-types 您的策略名 lit-html',
  en:
    'This widget cannot render: the page\'s Content-Security-Policy does not allow the Trusted Types policy "lit-html". ' +
    'Add lit-html to the trusted-types directive, for example: trusted-types your-policy lit-html',
};

/**
 * Stands in for a widget whose lit cannot render under the page's Trusted Types policy: it says so
 * in place (text only, which Trusted Types allows) and reports `bh-problem`, like any widget.
 */
function policyProblemElement(code: string, words: Words): CustomElementConstructor {
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

/**
 * Registers a tag, surviving two copies of the library on one page (a portal's bundle and a
 * script-tag copy, say): a tag already defined is skipped, with a warning when the versions differ,
 * instead of the DOMException `customElements.define` would throw.
 */
export function defineElement(tag: string, element: BihuanElementClass): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server-side import: nothing to register
  const existing = registry.get(tag) as BihuanElementClass | undefined;
  if (existing) {
    if (existing !== element && existing.bihuanVersion !== (element.bihuanVersion ?? VERSION)) {
      console.warn(
        `bihuan: <${tag}> is already defined by ${existing.bihuanVersion ? `bihuan ${existing.bihuanVersion}` : 'another library'}; ` +
          `this copy (bihuan ${element.bihuanVersion ?? VERSION}) is not registered.`,
      );
    }
    return;
  }
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[POLICY_DISALLOWED] === true) registry.define(tag, policyProblemElement('trusted-types-policy-disallowed', POLICY_DISALLOWED_MESSAGE));
  else if (flags[POLICY_TAKEN] === true) registry.define(tag, policyProblemElement('trusted-types-policy-taken', POLICY_TAKEN_MESSAGE));
  else registry.define(tag, element);
}
