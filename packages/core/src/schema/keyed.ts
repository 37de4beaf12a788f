/**
 * A record keyed by caller data (a station's name, a town, a kind): it has no prototype, so a key
 * such as `__proto__`, `constructor` or `toString` is an ordinary entry — it can neither reach
 * `Object.prototype` nor find something there that the caller never put in.
 */
export function keyedRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}
