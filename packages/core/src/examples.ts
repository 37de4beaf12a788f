/**
 * @bihuan/core/examples — illustrative data for every domain (not any real city's): for stories,
 * the example portal, tests and benchmarks. Never imported by a widget, so a page that does not
 * ask for examples does not load them.
 */
export * from './dispute/examples.js';
export * from './business/examples.js';
export * from './job-fair/examples.js';
export * from './task/examples.js';
export * from './three-lists/examples.js';
export * from './evaluation/examples.js';
export * from './rectification/examples.js';
export * from './reception/examples.js';
export * from './supervision/examples.js';
export * from './event-permit/examples.js';
export * from './emergency-unit/examples.js';
export * from './volunteer/examples.js';
export * from './attachment/examples.js';
export * from './quiz/examples.js';
