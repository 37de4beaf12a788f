/**
 * Snapshots the engine itself made (by `createItem`, `transition`, `replay`, `loadSnapshot`): their
 * data was checked against the loop's schema when they were made. Any other snapshot a caller
 * hands in has its data checked before an event is applied, so that a nested field of the wrong
 * type (`data.parties: 5`) is refused by the schema rather than met by a guard as a TypeError.
 */
const trusted = /* @__PURE__ */ new WeakSet<object>();

/** @internal Marks a snapshot the engine made (or has checked). */
export function trust<T extends object>(snapshot: T): T {
  trusted.add(snapshot);
  return snapshot;
}

/** @internal Whether the engine made (or has checked) this snapshot. */
export function isTrusted(snapshot: object): boolean {
  return trusted.has(snapshot);
}
