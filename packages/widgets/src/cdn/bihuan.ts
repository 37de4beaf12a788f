// The one-file build: lit, the parts of @bihuan/core the widgets use, and every widget, for a
// single <script type="module">. Hosts that also want core's functions in a page without a build
// import them from this file too (they are re-exported by the widgets' entry where useful).
export * from '../index.js';
