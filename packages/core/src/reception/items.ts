import { InvalidArgumentError } from '../errors/errors.js';
import { RECEPTION_LOOP_ID, type ReceptionItem, type ReceptionState } from './definition.js';

/** Every state of the reception-day loop, in its order (the summaries count each). */
export const RECEPTION_STATES = ['collected', 'assigned', 'handling', 'fedBack', 'rated', 'closed'] as const satisfies readonly ReceptionState[];

const ITEMS_RULE = { 'zh-CN': '必须是接待日问题快照数组', en: 'must be an array of reception-day snapshots' } as const;
const ITEM_RULE = { 'zh-CN': '必须是接待日闭环的快照', en: 'must be a snapshot of the reception-day loop' } as const;
const REPEAT_RULE = { 'zh-CN': '重复：每个问题只能列一次', en: 'repeats: list each issue once' } as const;

const isItem = (item: ReceptionItem | null | undefined): boolean =>
  item !== null &&
  typeof item === 'object' &&
  item.loop?.id === RECEPTION_LOOP_ID &&
  typeof item.id === 'string' &&
  (RECEPTION_STATES as readonly string[]).includes(item.state) &&
  item.data !== null &&
  typeof item.data === 'object' &&
  Array.isArray(item.data.ratings);

/**
 * The one check of a list of reception-day issues that the ledger's summaries take: an array of
 * the loop's snapshots (id, state, data with its ratings); with `once`, each issue listed once (the
 * supervision ledger names issues: a repeat would name one twice). Throws `InvalidArgumentError`
 * naming `items` or the first wrong `items[i]` (`items[i].id` for a repeat).
 */
export function checkReceptionItems(fn: string, items: unknown, once = false): asserts items is readonly ReceptionItem[] {
  if (!Array.isArray(items)) throw new InvalidArgumentError(fn, 'items', ITEMS_RULE, items);
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ReceptionItem;
    if (!isItem(item)) throw new InvalidArgumentError(fn, `items[${i}]`, ITEM_RULE, item);
    if (!once) continue;
    if (seen.has(item.id)) throw new InvalidArgumentError(fn, `items[${i}].id`, REPEAT_RULE, item.id);
    seen.add(item.id);
  }
}
