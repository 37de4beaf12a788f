import { build } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue must leave the bh-* tags to the browser's custom element registry.
const isCustomElement = (tag) => tag.startsWith('bh-');
await build({ logLevel: 'warn', plugins: [vue({ template: { compilerOptions: { isCustomElement } } })], build: { outDir: 'dist', emptyOutDir: true } });
