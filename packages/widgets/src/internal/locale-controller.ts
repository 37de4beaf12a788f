import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Locale, resolveLocale } from '@bihuan/core/schema';

type Host = ReactiveControllerHost & HTMLElement;

// One observer watches `lang` on the document and on every shadow root a widget sits in, so that a
// change anywhere above a widget — even across shadow boundaries — re-renders it.
const connected = new Set<LocaleController>();
const watchedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function watch(root: Node): void {
  if (watchedRoots.has(root)) return;
  watchedRoots.add(root);
  observer ??= new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The nearest `lang` attribute above (or on) `node`, crossing shadow roots to their hosts.
 * Shoelace only looks at the element and <html>; a widget inside another component's shadow root
 * with its own `lang` must follow that instead.
 */
export function nearestLang(node: Node): string | null {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      const lang = (current as Element).getAttribute('lang');
      if (lang) return lang;
    }
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return null;
}

/** Watches every root between `node` and its document: a lang set on any of them may apply. */
function watchRoots(node: Node): void {
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    watch(root);
    root = root.host.getRootNode();
  }
  watch(root);
}

/** Keeps a widget's locale equal to the nearest `lang`, and re-renders it when that changes. */
export class LocaleController implements ReactiveController {
  private current: Locale;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.current = resolveLocale(null);
  }

  get locale(): Locale {
    return this.current;
  }

  hostConnected(): void {
    connected.add(this);
    watchRoots(this.host);
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  refresh(): void {
    const next = resolveLocale(nearestLang(this.host));
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }
}
