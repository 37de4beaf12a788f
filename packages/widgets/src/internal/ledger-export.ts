// The dispute ledger's CSV export, in a module of its own: core's CSV writer masks by schemas and
// so brings zod, which a page that only lists disputes never needs. The ledger imports this when a
// viewer first exports.
export { toCsv, chinaDate } from '@bihuan/core/export';
export { exportCsv } from './csv-download.js';
