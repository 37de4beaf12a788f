/** Emits a bubbling, composed `bh-*` event with a typed detail. */
export function emit<T>(host: HTMLElement, type: string, detail: T): boolean {
  return host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
