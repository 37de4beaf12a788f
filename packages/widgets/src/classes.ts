// Every widget class, importable without registering any tag (to register under other names, or
// to extend). Registration lives in each component's define.ts.
export { BihuanElement, type ProblemDetail } from './internal/bihuan-element.js';
export { defineElement } from './internal/define.js';
export { LocaleController, nearestLang } from './internal/locale-controller.js';
export { VERSION } from './internal/version.js';
export { BhRateCard } from './components/rate-card/rate-card.component.js';
export { StoreController, defaultStore, onDefaultStoreStatus, type StoreHost } from './internal/store-controller.js';
