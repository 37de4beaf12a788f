// What the ledger needs only on demand, in a module of its own: the search (an index over every
// record, its tokenizer and masking of what it matches) and the period report (which replays each
// dispute's history through the dispute loop, and so needs the loop's definition). The ledger
// imports it when a viewer first searches or picks a period, so a page that only lists disputes
// never fetches either.
export { createDisputeSearch, summarizeLedgerPeriod } from '@bihuan/core/dispute';
