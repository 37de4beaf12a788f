import { build } from 'vite';
import react from '@vitejs/plugin-react';

await build({ logLevel: 'warn', plugins: [react()], build: { outDir: 'dist', emptyOutDir: true } });
