import type { Plugin } from 'esbuild';
import { sourceAliases } from './aliases.ts';

/**
 * esbuild's counterpart of `sourceAliases`: bundles that tests build for a real browser page
 * resolve `@bihuan/*` to the sources exactly as Vitest, the catalog and the dev server do.
 */
export const sourcesPlugin: Plugin = {
  name: 'bihuan-sources',
  setup(b) {
    b.onResolve({ filter: /^@bihuan\// }, ({ path }) => {
      const alias = sourceAliases.find(({ find }) => find.test(path));
      return alias ? { path: path.replace(alias.find, alias.replacement) } : undefined;
    });
  },
};
