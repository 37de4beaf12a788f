// Prepended (as text) to every entry file of the script-tag build and to the chunk that holds lit,
// ahead of any of lit's code.
//
// Lit creates its Trusted Types policy when its module is evaluated:
// `trustedTypes.createPolicy('lit-html', { createHTML: (s) => s })`. Under
// `trusted-types lit-html` without 'allow-duplicates', a second copy of lit on the page (a second
// copy of bihuan.js, another version at another URL, bihuan.js beside a single-widget file) throws
// `Policy "lit-html" already exists`, and its widgets never register.
//
// Every copy of lit asks for the same identity policy, so it is sound to hand a later copy the
// policy the first one made. The first of our files on the page wraps `createPolicy` once (marked
// by a global symbol) and remembers the 'lit-html' policy it makes; later copies get that policy
// back. Other names go through untouched, so the host's own policies are unaffected. When a
// 'lit-html' policy was made before any of our files ran (the host's own lit, bundled without
// this), or the page's CSP does not allow the name at all (`trusted-types portal-policy`), lit
// gets a stand-in instead of a throw, so the file still loads (core's exports stay usable), the
// page is flagged, and `defineElement` registers each tag as an element that explains, in place,
// the CSP line that works. src/internal/trusted-types.ts does the same for the npm build.
//
// Written as plain, already small ES2015: esbuild prepends it as it is; Vite minifies it with the rest.
export const TRUSTED_TYPES_BANNER = `/* bihuan: one lit-html Trusted Types policy shared by every copy on the page */
(()=>{var f=globalThis.trustedTypes,k=Symbol.for("bihuan.litHtmlPolicy");if(!f||f[k])return;var c=f.createPolicy,p,s=function(n,r){if(n!=="lit-html")return c.apply(f,arguments);if(p)return p;try{return p=c.apply(f,arguments)}catch(e){globalThis[Symbol.for(/exist/i.test(String(e&&e.message))?"bihuan.litHtmlPolicyTaken":"bihuan.litHtmlPolicyDisallowed")]=!0;return{createHTML:function(){throw e}}}};Object.defineProperty(f,k,{value:!0});f.createPolicy=s})();`;
