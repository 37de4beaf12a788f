// A story's records made once per page: the data a story seeds (`seed`, `items`: functions that
// make arrays of records, up to the ledger's 100,000 rows) are made the first time the story is
// rendered and handed out again when the same page renders it in another language. Making them is
// a fixed cost that says nothing about the widget (a quarter of a minute for every story's records,
// 12 s of it the large ledger's); what a widget does with them is still done on every render. The
// records are never changed by what receives them: a memory store keeps its own frozen copies, and
// the ledger sorts a copy of `items`.
const FIXTURE_ARGS = ['seed', 'items'] as const;

const made = new Map<string, unknown>();

/** `args` with each fixture-making function (no parameters) replaced by one that makes its records once for story `id`. */
export function fixturesOnce<T extends object>(id: string, args: T): T {
  const out = { ...args } as Record<string, unknown>;
  for (const key of FIXTURE_ARGS) {
    const make = out[key];
    if (typeof make !== 'function' || make.length !== 0) continue;
    const slot = `${id}\u0000${key}`;
    out[key] = () => {
      if (!made.has(slot)) made.set(slot, (make as () => unknown)());
      return made.get(slot);
    };
  }
  return out as T;
}
