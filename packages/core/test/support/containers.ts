// Helpers for checking that a parsed value shares nothing with its input.

/** Every object and array inside `value`. */
export function containers(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !into.has(value)) {
    into.add(value);
    for (const v of Object.values(value)) containers(v, into);
  }
  return into;
}

/** Changes every object and array inside `value` in place. */
export function scribble(value: unknown): void {
  for (const c of containers(value)) {
    if (Array.isArray(c)) c.push('scribbled');
    else for (const k of Object.keys(c)) if (typeof (c as Record<string, unknown>)[k] !== 'object') (c as Record<string, unknown>)[k] = 'scribbled';
  }
}
