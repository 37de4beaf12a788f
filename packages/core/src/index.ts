/**
 * @bihuan/core — closed-loop domain logic for grassroots governance. No DOM: the same rules run
 * in a portal's pages and on its server.
 *
 * Every part has its own entry (`@bihuan/core/dispute`, `/task`, `/loop`, `/store`, `/rate` …);
 * this root entry re-exports them all, for the script-tag bundle and for code that prefers one
 * import. Example data is not here: it has its own entry, `@bihuan/core/examples`, so that no
 * widget's or page's path loads it unless it asks.
 */
// The kernel: locales, errors, field vocabulary, argument checks, the one result shape.
export * from './schema/index.js';
// Exact rates, personal data, working-day calendars.
export * from './rate/index.js';
export * from './privacy/index.js';
export * from './calendar/index.js';
// The closed-loop engine, storage and export.
export * from './loop/index.js';
export * from './store/index.js';
export * from './sync/index.js';
export * from './export/index.js';

// The dispute loop (受理—分流—调解—回访—销号).
export * from './dispute/index.js';
// Accountability evaluation of law reports (述法评议), the rectification/accountability double
// loop with the problem list, and the reception-day loop.
export * from './evaluation/index.js';
export * from './rectification/index.js';
export * from './reception/index.js';
// The supervision order (督办单) on escalated or overdue items of any loop.
export * from './supervision/index.js';
// Large-event permits (一活动一报备一方案), minimum emergency units (1-3-5), volunteer police.
export * from './event-permit/index.js';
export * from './emergency-unit/index.js';
export * from './volunteer/index.js';
// Attachments as records (photos, signed agreement scans, notices), their bytes as the store's blobs.
export * from './attachment/index.js';
// Service to business (一企一警一助理, 一窗通办), the job fair before release, the legal-education quiz.
export * from './business/index.js';
export * from './job-fair/index.js';
export * from './quiz/index.js';
// The community-policing task loop (下单—反馈—督导) and the three lists (三个清单).
export * from './task/index.js';
export * from './three-lists/index.js';
