import { build } from 'vite';

await build({ logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
