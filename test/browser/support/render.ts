import { render, type TemplateResult } from 'lit';

/** Renders a template into a fresh container in the document and waits for widgets to update. */
export async function mount(template: TemplateResult | unknown, lang?: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  if (lang) container.lang = lang;
  document.body.append(container);
  render(template, container);
  await settle(container);
  return container;
}

/** Waits until every Lit element inside `root` (shadow roots included) has finished updating. */
export async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = [...allElements(root)]
      .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
      .filter(Boolean);
    if (pending.length === 0) break;
    const again = await Promise.all(pending);
    if (again.every((done) => done === true)) break;
  }
}

/**
 * Yields one turn of the event loop (a task, so queued tasks and every microtask run first) without
 * a timer: a chain of `setTimeout(0)` is clamped to 4 ms a step after five, which in a sweep of
 * thousands of cases was minutes of the suite doing nothing.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export function* allElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

/** Text of an element's shadow root (or light DOM), whitespace folded. */
export function shadowText(el: Element | null | undefined): string {
  const root = el?.shadowRoot ?? el;
  return (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function cleanup(): void {
  document.body.replaceChildren();
  document.documentElement.lang = 'zh-CN';
}
