export * from './schema.js';
export * from './labels.js';
export * from './matching.js';
export * from './store.js';
