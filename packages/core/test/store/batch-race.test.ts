// Batches of a memory store started in the same turn run one after the other: each sees what the
// one before it wrote (a batch that waited for no one would commit over the other's writes).
import { expect, test } from 'vitest';
import { createMemoryBacking, createMemoryStore, defineStore } from '@bihuan/core/store';
import * as z from 'zod';

const spec = defineStore({ name: 'bihuan-batch-race', collections: { counters: { schema: z.object({ id: z.string(), n: z.int() }), key: 'id' } } });

test('100 read-then-write batches started at once, over two stores on one backing: none lost', async () => {
  const backing = createMemoryBacking();
  const tabs = [createMemoryStore(spec, { backing }), createMemoryStore(spec, { backing })];
  await tabs[0]!.put('counters', { id: 'c', n: 0 });
  const bump = (i: number) =>
    tabs[i % 2]!.batch(async (tx) => {
      const c = (await tx.get('counters', 'c'))!;
      await tx.put('counters', { id: 'c', n: c.n + 1 });
    });
  // Plain writes in between must wait for the batch in progress too.
  await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 10 === 5 ? Promise.all([bump(i), tabs[1]!.put('counters', { id: `x${i}`, n: i })]) : bump(i))));
  expect((await tabs[1]!.get('counters', 'c'))!.n).toBe(100);
  expect(await tabs[0]!.count('counters')).toBe(11);
  for (const t of tabs) t.close();
});
