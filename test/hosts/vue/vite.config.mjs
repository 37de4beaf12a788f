import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue must leave the bh-* tags to the browser's custom element registry.
const isCustomElement = (tag) => tag.startsWith('bh-');
export default defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] });
