import type { StorybookConfig } from '@storybook/web-components-vite';
import { sourceAliases } from '../test/aliases.ts';

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
    return config;
  },
};
export default config;
