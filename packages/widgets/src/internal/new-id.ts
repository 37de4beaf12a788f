/** A new record id with a prefix (`V-…`): a random UUID where available, else a time-based one. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`}`;
}
