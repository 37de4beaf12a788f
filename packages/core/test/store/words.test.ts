// A record refused on the way in says why in the reader's language: the schema's rule in Chinese
// words for zh-CN, never zod's English.
import { expect, test } from 'vitest';
import { createMemoryStore, defineStore } from '@bihuan/core/store';
import * as z from 'zod';

const spec = defineStore({ name: 'words', collections: { notes: { schema: z.object({ id: z.string(), count: z.int().min(0) }), key: 'id' } } });

test('an invalid record is refused naming the field, in Chinese and in English', async () => {
  const store = createMemoryStore(spec);
  const error = await store.put('notes', { id: 'n1', count: 'many' } as never).then(() => undefined, (e: unknown) => e as { code: string; text(l: string): string });
  expect(error?.code).toBe('invalid_record');
  const zh = error!.text('zh-CN');
  expect(zh).toContain('字段 count');
  expect(zh).toMatch(/应为|必须/);
  expect(zh).not.toMatch(/expected|Invalid input|received/i);
  expect(error!.text('en')).toMatch(/field count.*must be a number|field count.*an integer/i);
  expect((await store.all('notes')).items).toEqual([]);
});
