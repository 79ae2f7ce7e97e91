// The demo app: `npm start` serves demo/ on the simulator. Workspace packages resolve to their
// TypeScript source through the `source` export condition; `es2015` picks RxJS's modern build (no
// ES5 helpers).
import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';

export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['source', 'es2015', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'es2022',
    // The Finesse pages are built too, so their browser bundle is checked; they run under `npm run demo:finesse`.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('demo/index.html', import.meta.url)),
        finesse: fileURLToPath(new URL('demo/finesse/index.html', import.meta.url)),
        gadgetContainer: fileURLToPath(new URL('demo/gadget/container.html', import.meta.url)),
        supervisor: fileURLToPath(new URL('demo/supervisor/index.html', import.meta.url)),
        react: fileURLToPath(new URL('demo/react/index.html', import.meta.url)),
        crm: fileURLToPath(new URL('demo/crm/index.html', import.meta.url)),
      },
    },
  },
  esbuild: { target: 'es2022' },
});
