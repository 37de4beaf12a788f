import { defineConfig } from 'tsup';

// Bundled per entry (the library and the bin); dependencies stay external. Declarations come
// from tsc (see the build script).
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  target: 'es2022',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
});
