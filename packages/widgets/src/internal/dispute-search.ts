// The ledger's search (an index over every record, its tokenizer and masking of what it matches),
// in a module of its own: the ledger imports it when a viewer first searches, so a page that only
// lists disputes never fetches it.
export { createDisputeSearch } from '@bihuan/core/dispute';
