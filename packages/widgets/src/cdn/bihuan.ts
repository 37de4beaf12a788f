// The one-file build for a single <script type="module">: lit, every widget, and @bihuan/core's
// API re-exported, so that a page script without a build imports from this same file and shares
// its one copy of core (one default store per database, one set of loop definitions).
export * from '../index.js';
export * from '@bihuan/core';
