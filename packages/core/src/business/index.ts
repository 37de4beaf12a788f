export * from './schema.js';
export * from './liaison.js';
export * from './one-window.js';
export * from './window-case.js';
export * from './store.js';
