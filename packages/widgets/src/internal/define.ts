import { VERSION } from './version.js';

/** A custom element class that knows which bihuan version it belongs to. */
export interface BihuanElementClass extends CustomElementConstructor {
  readonly bihuanVersion?: string;
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
  registry.define(tag, element);
}
