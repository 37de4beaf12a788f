import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * Tests, the catalog and the portal's dev server run the packages from source: these map the
 * public import names onto the source files the `exports` maps build them from.
 */
export const sourceAliases = [
  { find: /^@bihuan\/core$/, replacement: root('packages/core/src/index.ts') },
  { find: /^@bihuan\/core\/examples$/, replacement: root('packages/core/src/examples.ts') },
  { find: /^@bihuan\/core\/([a-z-]+)\/examples$/, replacement: root('packages/core/src/$1/examples.ts') },
  { find: /^@bihuan\/core\/([a-z-]+)$/, replacement: root('packages/core/src/$1/index.ts') },
  { find: /^@bihuan\/widgets$/, replacement: root('packages/widgets/src/index.ts') },
  { find: /^@bihuan\/widgets\/classes$/, replacement: root('packages/widgets/src/classes.ts') },
  { find: /^@bihuan\/widgets\/([a-z-]+)$/, replacement: root('packages/widgets/src/components/$1/define.ts') },
];
