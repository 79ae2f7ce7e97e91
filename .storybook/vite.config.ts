// Storybook's own Vite config (named in main.ts), empty on purpose: it stands in for the demo's
// root vite.config.ts so the demo's root, plugins and build settings stay out of Storybook.

import { defineConfig } from 'vite';

export default defineConfig({});
