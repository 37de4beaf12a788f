import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { sourceAliases } from './test/aliases.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
          include: ['packages/core/test/**/*.test.ts', 'test/node/**/*.test.ts', 'test/types/**/*.test.ts', 'test/hosts/**/*.test.ts', 'test/audit/**/*.test.ts', 'test/visual/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'test/sync-e2e/**/*.test.ts', 'test/week/**/*.test.ts'],
          // The server's databases (PostgreSQL 15 and a PGlite template), started only when its tests run.
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        optimizeDeps: { include: ['axe-core', 'lit', 'lit/directives/ref.js', 'zod', 'idb', 'nanoid', 'fast-check'] },
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
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
              persistentContext: profile,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
