// The first place two plain-JSON values differ (undefined when they do not). A key holding undefined and a
// missing key are the same (JSON drops both).
/** @internal */
export function firstDifference(a: unknown, b: unknown, path: string, depth = 0): string | undefined {
  if (Object.is(a, b)) return undefined;
  // Data nested deeper than any record of ours is reported rather than walked.
  if (depth > 500) return path;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    const n = Math.max(a.length, other.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= other.length) return `${path}[${i}]`;
      const d = firstDifference(a[i], other[i], `${path}[${i}]`, depth + 1);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const d = firstDifference(x[key], y[key], path ? `${path}.${key}` : key, depth + 1);
    if (d !== undefined) return d;
  }
  return undefined;
}
