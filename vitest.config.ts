import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { sourceAliases } from './test/aliases.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Each run gets its own profile so that runs never share IndexedDB state.
const profile = mkdtempSync(join(tmpdir(), 'bihuan-chromium-'));

const alias = sourceAliases;

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/core/test/**/*.test.ts', 'test/node/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        optimizeDeps: { include: ['axe-core', 'lit', 'zod', 'idb', 'nanoid', 'fast-check'] },
        test: {
          name: 'browser',
          include: ['packages/widgets/test/**/*.test.ts', 'test/browser/**/*.test.ts'],
          setupFiles: ['test/browser/support/setup.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromium,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-dev-shm-usage',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                ],
              },
              persistentContext: profile,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
