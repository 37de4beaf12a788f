// cdn/kit/default-store.js: the widgets' default store (one per database on the page), for page
// scripts that load the kit's single-widget files instead of bihuan.js. Built in the same graph as
// those files (vite.cdn.config.ts, `--mode kit`), so it is the module they use, not a copy.
export { defaultStore, onDefaultStoreStatus } from '../internal/store-controller.js';
