// An npm host's entry, bundled with esbuild from the built packages (see trusted-types.test.ts).
import '@bihuan/widgets';
export { formatRate } from '@bihuan/core';
