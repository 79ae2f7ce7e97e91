#!/usr/bin/env node
// PL-6: builds the strict-CSP page (demo/csp) with esbuild — one module and its lazy chunks, no
// inline script or style, so nothing the policy forbids (Vite's build adds an inline modulepreload
// polyfill) — and serves it from 127.0.0.1 with the policy as a header. Used by
// demo/csp.e2e.test.mjs; `node demo/csp/serve.mjs [port]` builds it and serves it to try by hand.
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

/** The policy of issue 7 (PL-6), exactly. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** The page's files, copied as they are beside the bundle. */
const STATIC_FILES = ['index.html', 'csp.css', 'mark.svg'];

/** Builds the page into `dir`: csp-page.js (+ chunks), index.html, csp.css, mark.svg. */
export async function buildCspPage(dir) {
  await build({
    entryPoints: { 'csp-page': join(here, 'csp-page.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // As the demo, the size check and the CDN bundle resolve: workspace sources, rxjs's ES2015 build.
    conditions: ['source', 'es2015'],
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  for (const file of STATIC_FILES) copyFileSync(join(here, file), join(dir, file));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on 127.0.0.1 (port 0: a free one) with `policy` as the Content-Security-Policy of
 * every response; resolves to its base URL and `close()`.
 */
export async function serveWithPolicy(dir, { policy = STRICT_CSP, port = 0 } = {}) {
  const base = normalize(dir + sep);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    let body;
    try {
      if (!file.startsWith(base)) throw new Error('outside');
      body = readFileSync(file);
    } catch {
      response.writeHead(404, { 'content-security-policy': policy }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': policy,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-csp-'));
  await buildCspPage(dir);
  const { url } = await serveWithPolicy(dir, { port: Number(process.argv[2] ?? 4180) });
  console.log(`PL-6: ${url} served with\n  Content-Security-Policy: ${STRICT_CSP}\n(Ctrl+C stops it)`);
  process.on('SIGINT', () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}
