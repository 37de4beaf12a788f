import { defineStore } from '../store/spec.js';
import { loopCollection } from '../store/loop-event.js';
import type { Store } from '../store/types.js';
import { checkStore } from '../schema/argument.js';
import type { Result } from '../schema/result.js';
import { eventPermitLoop, type EventPermitItem } from './definition.js';
import { fileEventPermit, type FileEventPermitInput } from './filing.js';
import type { FilingWindowOptions } from './window.js';

/** The permits' store: one collection of filings, indexed by event identity and event date. */
export const eventPermitStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-event-permit',
  collections: {
    permits: /* @__PURE__ */ loopCollection(eventPermitLoop, { eventKey: 'data.eventKey', eventDate: 'data.eventDate' }),
  },
});
export type EventPermitCollections = (typeof eventPermitStore)['collections'];

/**
 * Files a permit into a store: looks up filings of the same event there, and writes the new one
 * unless it is refused (then nothing is written and the reason comes back).
 */
export async function fileEventPermitIn(
  store: Store<EventPermitCollections>,
  input: FileEventPermitInput,
  options: FilingWindowOptions = {},
): Promise<Result<EventPermitItem>> {
  checkStore('fileEventPermitIn', store);
  // Validates the input and checks the window first: a refused filing costs no read.
  const first = fileEventPermit(input, [], options);
  if (!first.ok) return first;
  const [twins, same] = await Promise.all([store.all('permits', { index: 'eventKey', equals: first.value.data.eventKey }), store.get('permits', input.id)]);
  const decision = fileEventPermit(input, same ? [...twins.items, same] : twins.items, options);
  if (decision.ok) await store.put('permits', decision.value);
  return decision;
}
