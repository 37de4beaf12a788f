// The default store where a page has no IndexedDB (a server-side render, a locked-down browser):
// loaded by `defaultStore` only there, so that pages with IndexedDB never fetch the memory store.
export { createMemoryStore } from '@bihuan/core/store';
