// What the browser benchmarks share: a bench page bundled as a site would ship it (esbuild,
// production builds of Lit, ES2022), a static server on 127.0.0.1, Debian's Chromium headless,
// and the figures (percentiles) they report.

import { build } from 'esbuild';
import { createServer } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

/**
 * Bundles a bench page folder (`index.html` plus the script it loads) into a temporary folder.
 * Identifiers are kept (no minification) so long-task and profile attribution name functions;
 * V8 runs it as fast as minified code. `prepend` adds imports before the page's own script (a
 * widget whose registration file may not exist yet, so the page itself does not import it).
 */
export async function bundlePage(folder, script, { prepend = [] } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'cc-bench-page-'));
  const src = new URL(`./${folder}/`, import.meta.url).pathname;
  const imports = [...prepend, `./${script}`].map((s) => `import ${JSON.stringify(s)};`).join('\n');
  await build({
    stdin: { contents: imports, resolveDir: src, sourcefile: `${folder}-entry.ts`, loader: 'ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'es2015'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(outdir, 'bench.js'),
    sourcemap: 'linked',
    logLevel: 'silent',
    legalComments: 'none',
  });
  copyFileSync(join(src, 'index.html'), join(outdir, 'index.html'));
  return { dir: outdir, remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};

/** A static file server for `dir` on 127.0.0.1 (a free port); `/` serves index.html. */
export async function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${basename(path)}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Headless Debian Chromium as the tests launch it, in a window of the given size. */
export function launchChromium({ width = 1280, height = 900, args = [] } = {}) {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--window-size=${width},${height}`, ...args],
    defaultViewport: { width, height },
    protocolTimeout: 0,
  });
}

/** Opens a page that throws on page errors when asked (`errors()`), console errors included. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.setDefaultTimeout(0);
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    check() {
      if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    },
  };
}

/** The main thread's time by kind (ms) between two Performance.getMetrics readings. */
export function mainThread(before, after) {
  const value = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const ms = (name) => round1((value(after, name) - value(before, name)) * 1000);
  return {
    taskMs: ms('TaskDuration'),
    scriptMs: ms('ScriptDuration'),
    styleMs: ms('RecalcStyleDuration'),
    layoutMs: ms('LayoutDuration'),
    styleRecalcs: value(after, 'RecalcStyleCount') - value(before, 'RecalcStyleCount'),
    layouts: value(after, 'LayoutCount') - value(before, 'LayoutCount'),
  };
}

/** Nearest-rank percentile of `values` (p in 0–100). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round1 = (n) => Math.round(n * 10) / 10;

/** p50/p95/max of `values`, to 0.1. */
export function spread(values) {
  return {
    count: values.length,
    p50: round1(percentile(values, 50)),
    p95: round1(percentile(values, 95)),
    max: round1(Math.max(...values)),
  };
}
