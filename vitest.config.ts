import { configDefaults, defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { sourceAliases } from './test/aliases.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each run gets its own profile so that runs never share IndexedDB state.
const profile = mkdtempSync(join(tmpdir(), 'bihuan-chromium-'));

const alias = sourceAliases;

// How many test files each project runs at once: Vitest's default (one fewer than the cores: on a
// 2-core machine one node file beside one browser file) unless BIHUAN_TEST_WORKERS says otherwise
// (`BIHUAN_TEST_WORKERS=2 npm test`). Two browser files at once pass on 2 cores; two node files at
// once, on a loaded machine, pushed the sync end-to-end test past its timeouts, so it is not the
// default. Both projects get the same number (Vitest runs projects with different numbers one
// after the other, not side by side).
const workers = Number(process.env.BIHUAN_TEST_WORKERS) || undefined;

/**
 * Core's tests that need a process of their own (project 'node'): the stores (a fake IndexedDB set on
 * globalThis, tabs in Chromium), sync (servers, databases) and the attachments' two tabs. The rest of
 * core's tests and the audit stories share one process (project 'node-core'): a test file added
 * there must leave no global state behind.
 */
const CORE_ISOLATED = ['packages/core/test/store/**/*.test.ts', 'packages/core/test/sync/**/*.test.ts', 'packages/core/test/attachment/two-tabs.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    // How long Vitest waits for the test page in Chromium to connect: its 60 s default ran out three
    // times in a row on a shared 2-core machine (load 17–30) before a browser file had started.
    browser: { connectTimeout: 300_000 },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          ...(workers ? { maxWorkers: workers } : {}),
          include: [...CORE_ISOLATED, 'test/node/**/*.test.ts', 'test/types/**/*.test.ts', 'test/hosts/**/*.test.ts', 'test/visual/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'test/sync-e2e/**/*.test.ts', 'test/week/**/*.test.ts'],
          // The server's databases (PostgreSQL 15 and a PGlite template), started only when its tests run.
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Core's pure tests and the audit's stories (no IndexedDB, no server, no browser, no globals
          // set): one process imports core once for all of them. A fresh process per file spent more
          // time starting and importing than testing (42 of these files: 142 s wall isolated, 33 s
          // shared, on a loaded 2-core machine). Same pool as 'node': still one file at a time beside
          // the browser project.
          name: 'node-core',
          environment: 'node',
          isolate: false,
          ...(workers ? { maxWorkers: workers } : {}),
          include: ['packages/core/test/**/*.test.ts', 'test/audit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...CORE_ISOLATED],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        optimizeDeps: { include: ['axe-core', 'lit', 'lit/directives/ref.js', 'lit/directives/repeat.js', 'zod', '@bihuan/core > idb', 'fast-check'] },
        test: {
          name: 'browser',
          ...(workers ? { maxWorkers: workers } : {}),
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
