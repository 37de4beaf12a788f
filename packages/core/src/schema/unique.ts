import * as z from './zod.js';

/**
 * A list of records in which every `id` is different: the second record with an id is refused at
 * its path (`units[3].id`). Summaries refuse such a list rather than count a record twice or pick
 * one of two different records with one id silently: either is a wrong total.
 */
export function uniqueIds<T extends z.ZodType>(item: T) {
  return z.array(item).check(z.superRefine((list, ctx) => {
    const seen = new Map<unknown, number>();
    list.forEach((record, i) => {
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'id'], input: id, message: `the id ${id} is listed twice (first at [${first}]); each record counts once`, params: { 'zh-CN': `编号 ${id} 重复（首次出现在第 ${first} 项）；每条记录只计一次`, en: `the id ${id} is listed twice (first at [${first}]); each record counts once` } });
    });
  }));
}
