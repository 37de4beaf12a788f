export * from './schema.js';
export * from './matching.js';
export * from './store.js';
