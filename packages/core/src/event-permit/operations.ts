import type { Store } from '../store/types.js';
import { checkStore } from '../schema/argument.js';
import type { Result } from '../schema/result.js';
import type { EventPermitItem } from './definition.js';
import { fileEventPermit, type FileEventPermitInput } from './filing.js';
import type { FilingWindowOptions } from './window.js';
import type { EventPermitCollections } from './store.js';

/**
 * Files a permit into a store: looks up filings of the same event there and writes the new one
 * unless it is refused (then nothing is written and the reason comes back) — the look-up and the
 * write are one unit of work (`store.batch`), so two filings of one event made at the same time,
 * in two tabs, cannot both be accepted: the second is refused with `one_filing_per_event`.
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
  const { id, data } = first.value;
  return store.batch(
    async (tx) => {
      const twins = await tx.all('permits', { index: 'eventKey', equals: data.eventKey });
      const same = await tx.get('permits', id);
      const decision = fileEventPermit(input, same ? [...twins, same] : twins, options);
      if (decision.ok) await tx.add('permits', decision.value);
      return decision;
    },
    { actor: first.value.history[0]!.actor },
  );
}
