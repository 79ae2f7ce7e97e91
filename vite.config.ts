// The demo app: `npm start` serves demo/ on the simulator. Workspace packages resolve to their
// TypeScript source through the `source` export condition.
import { defineConfig, defaultClientConditions } from 'vite';

export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../demo-dist', emptyOutDir: true, target: 'es2022' },
  esbuild: { target: 'es2022' },
});
