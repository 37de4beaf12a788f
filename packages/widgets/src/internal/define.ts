// First: wraps Trusted Types' createPolicy before any module imports lit (see the file).
import { POLICY_DISALLOWED, POLICY_TAKEN } from './trusted-types.js';
import { VERSION } from './version.js';
import { loadPolicyProblem } from './policy-problem-loader.js';

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
  const flags = globalThis as Record<symbol, unknown>;
  const code = flags[POLICY_DISALLOWED] === true ? 'trusted-types-policy-disallowed' : flags[POLICY_TAKEN] === true ? 'trusted-types-policy-taken' : undefined;
  if (!code) {
    registry.define(tag, element);
    return;
  }
  // lit cannot render here: the element that says why instead (fetched on such a page only, by the
  // script-tag files; should that fetch fail, the tag stays undefined and nothing is thrown).
  void loadPolicyProblem().then(
    (standIn) => registry.get(tag) ?? registry.define(tag, standIn(code)),
    () => undefined,
  );
}
