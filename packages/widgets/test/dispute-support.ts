// Helpers for the dispute widgets' browser tests: typing into shadow DOM fields as a person would.
import { settle } from '../../../test/browser/support/render.js';

export const $ = <T extends Element = HTMLElement>(host: Element, selector: string): T => {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${host.tagName}: nothing matches ${selector}`);
  return found;
};

/** Types a value into a field (input or textarea) and leaves it, firing input and focusout. */
export async function type(host: Element, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(host, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await settle(host.parentNode ?? document.body);
}

/** Chooses an option of a select, or checks a radio or checkbox. */
export async function choose(host: Element, selector: string, value?: string | boolean): Promise<void> {
  const field = $<HTMLInputElement | HTMLSelectElement>(host, selector);
  if (field instanceof HTMLSelectElement) field.value = String(value);
  else field.checked = value === undefined ? true : Boolean(value);
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(host.parentNode ?? document.body);
}

export async function click(host: Element, selector: string): Promise<void> {
  $(host, selector).click();
  await settle(host.parentNode ?? document.body);
}

/** Waits until `check` holds (store reads are asynchronous), failing after `ms`. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}


/** Types the source's noise case into a `<bh-dispute-intake>`, field by field. */
export async function fillNoiseCase(el: Element): Promise<void> {
  await type(el, '#f-title', '邻里噪声纠纷');
  await choose(el, '#f-category', 'noise');
  await type(el, '#f-description', '楼上住户夜间生活噪声，双方多次争执，僵持已久。');
  await type(el, '#f-town', '站前街道');
  await type(el, '#f-community', '锦绣社区');
  await type(el, '#f-parties-0-name', '陈建国');
  await type(el, '#f-parties-0-phone', '13812341234');
  await type(el, '#f-parties-1-name', '李秀英');
}

/**
 * Holds every `all()` read of `store` until the returned function is called: a store that answers
 * slowly (a page's store given late, a busy database).
 */
export function holdReads<S extends { all: (...args: never[]) => Promise<unknown> }>(store: S): () => void {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const all = store.all.bind(store);
  store.all = (async (...args: Parameters<S['all']>) => {
    await held;
    return all(...args);
  }) as S['all'];
  return release;
}
