// The period key as a zod field, apart from period.ts: a page that only reads periods (the ledger's
// filter) loads the period rules without zod.
import * as z from '../schema/zod.js';
import { PERIOD_KEY_MAX, PERIOD_KEY_WORDS, isPeriodKey } from './period.js';

/** A period key as a zod field (the key is kept; `parsePeriod` turns it into a `Period`). */
export const periodKey = /* @__PURE__ */ z.string().check(z.maxLength(PERIOD_KEY_MAX), z.refine((key) => isPeriodKey(key), { message: PERIOD_KEY_WORDS.en, params: PERIOD_KEY_WORDS }));
