export * from './schema.js';
export * from './scoring.js';
export * from './store.js';
