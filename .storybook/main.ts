import type { StorybookConfig } from '@storybook/web-components-vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { sourceAliases } from '../test/aliases.ts';
import { slimManifest } from '../stories/support/catalog.ts';

/** The preview imports the widgets' manifest: it gets only what the catalog reads of it (stories/support/catalog.ts). */
const SLIM = '\0bihuan-slim-manifest';
const slimManifestPlugin: Plugin = {
  name: 'bihuan-slim-manifest',
  enforce: 'pre',
  resolveId(source) {
    return source.endsWith('/packages/widgets/custom-elements.json') ? SLIM : undefined;
  },
  load(id) {
    if (id !== SLIM) return undefined;
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../packages/widgets/custom-elements.json', import.meta.url)), 'utf8'));
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(slimManifest(manifest)))});`;
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: '文档 Docs' },
  async viteFinal(config) {
    config.resolve ??= {};
    const existing = config.resolve.alias;
    const list = Array.isArray(existing) ? existing : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }));
    config.resolve.alias = [...sourceAliases, ...list];
    config.plugins = [...(config.plugins ?? []), slimManifestPlugin];
    return config;
  },
};
export default config;
