import { defineConfig } from 'vite';
import { readdirSync } from 'node:fs';
import { kitEntries } from './scripts/kit-entries.mjs';
import { TRUSTED_TYPES_BANNER } from './src/cdn/trusted-types-banner.ts';

const components = readdirSync('src/components');

/**
 * lit's packages and the widget base's own modules: the script-tag files' shared base chunk. lit's
 * directives stay out (only some widgets use one: the task checklist's keyed rows), else every page paid for them.
 */
const BASE_MODULES = /[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!(?:development[\\/])?(?:directives[\\/]|directive(?:-helpers)?\.js$))|[\\/]src[\\/]internal[\\/](?:bihuan-element|guard-base|define|problem|styles|locale-controller|trusted-types|format|version)\.ts$/;

// `--mode kit` builds cdn/kit/: the same widget files beside core's subpath entries
// (`@bihuan/core/dispute` → kit/core/dispute.js, `/examples` → kit/core/examples.js …) and the
// widgets' default store (kit/default-store.js), all in one graph, so that a page script imports
// core's API from them and shares the widgets' one copy of each module (one default store per
// database, one set of loop definitions). A separate graph because every core entry keeps all of
// its part alive: in the plain files' graph, a page with only the dispute ledger loaded 16 KB gzip
// more (the print document 60 KB more) that its widget never runs. Entries: scripts/kit-entries.mjs.

// The single-widget script-tag files, cdn/bh-<name>.js: ES modules importing shared chunks
// (lit, core's parts) from cdn/chunks/, so that a page with three widget files loads lit once and
// each page loads only the parts of core its widgets use. Built with Vite (rolldown), whose
// chunks follow what each entry uses; esbuild's put nearly all of core in one chunk every widget
// loaded. Every entry, and the chunk holding lit, starts with the Trusted Types prelude (see the
// banner's comment).
// In these files the prelude (the banner below) wraps createPolicy before lit's module runs, so the
// npm build's twin of it, src/internal/trusted-types.ts, would only find the mark set and return:
// here it is the marks alone (what defineElement reads), not a second copy of the wrapper on
// every page.
const TRUSTED_TYPES_MODULE = /[\\/]src[\\/]internal[\\/]trusted-types\.ts$/;
const preludeOnce = {
  name: 'bihuan-trusted-types-prelude-once',
  load(id: string) {
    if (!TRUSTED_TYPES_MODULE.test(id)) return null;
    return "export const POLICY_TAKEN = Symbol.for('bihuan.litHtmlPolicyTaken');\nexport const POLICY_DISALLOWED = Symbol.for('bihuan.litHtmlPolicyDisallowed');\n";
  },
};

// Only a page whose CSP keeps lit from rendering needs the Trusted Types stand-in and its sentences
// (internal/policy-problem.ts): here its loader fetches it on demand, so the base chunk every page
// loads leaves them out (the npm build keeps it loaded: see the loader's comment).
const POLICY_PROBLEM_LOADER = /[\\/]src[\\/]internal[\\/]policy-problem-loader\.ts$/;
const policyProblemOnDemand = {
  name: 'bihuan-policy-problem-on-demand',
  load(id: string) {
    if (!POLICY_PROBLEM_LOADER.test(id)) return null;
    return "export const loadPolicyProblem = () => import('./policy-problem.ts').then((m) => m.policyProblemElement);\n";
  },
};

export default defineConfig(({ mode }) => ({
  logLevel: 'warn',
  plugins: [preludeOnce, policyProblemOnDemand],
  publicDir: false,
  build: {
    outDir: mode === 'kit' ? 'dist/cdn/kit' : 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: mode === 'kit' ? kitEntries({ from: 'dist' }) : Object.fromEntries(components.map((c) => [`bh-${c}`, `src/components/${c}/define.ts`])),
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The prelude must run before lit's module makes its policy: it heads the chunk that holds
        // lit-html and no other file. An entry's own text runs after every chunk it imports (an ES
        // module's imports are evaluated first), so a prelude at the head of an entry that imports
        // lit ran too late to matter and only cost each page some 0.4 KB gzip; a prelude in every
        // chunk cost a page with one widget about 13 KB gzip.
        banner: (chunk) => (chunk.moduleIds.some((id) => /[\\/]lit-html[\\/]lit-html\.js$/.test(id)) ? TRUSTED_TYPES_BANNER : ''),
        // One base chunk: lit and the widget base every widget runs (its element, guard kernel, locale,
        // problem words, theme, registration, punctuation marks and number format). Left to itself
        // the bundler split the small shared modules into chunks of their own (a page with only the
        // rate card loaded five files, each with its own import and export lists); the modules
        // that only some widgets run (the other guards, the names we own, loop actions, forms)
        // stay out of it. Not in the kit: there core's entries sit in the same graph, and a group
        // takes in what its modules import (the schema entry, and with it zod).
        ...(mode === 'kit' ? {} : { codeSplitting: { groups: [{ name: 'base', test: BASE_MODULES }] } }),
        // Vite keeps whitespace in an ES library (for its readers' minifiers); these files are served as they are.
        minify: true,
      },
    },
  },
}));
