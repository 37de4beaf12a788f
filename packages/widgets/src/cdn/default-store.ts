// cdn/default-store.js: the widgets' default store (one per database on the page), for page
// scripts that load single-widget files instead of bihuan.js. Built beside the single-widget files,
// so it is the same module they use, not a copy.
export { defaultStore, onDefaultStoreStatus } from '../internal/store-controller.js';
