// Storybook for the widgets: stories in /stories, workspace packages read from their TypeScript
// source, and a Vite config of its own so the demo's root vite.config.ts never leaks in.

import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages (the preview's `autodocs` tag) with each story's description and its FEATURES IDs.
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // Without this the builder loads the nearest vite.config.* from the project root: the demo's.
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    // `source` first: @cc-elements/* export their src/*.ts under it, so stories need no build.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', 'es2015', ...defaultClientConditions] };
    return viteConfig;
  },
};

export default config;
