// P7: the agent desktop demo (demo/index.html, built as `npm run build:demo` builds it, served from
// 127.0.0.1), from its script starting to load to the first useful paint — the agent state or the
// station login form painted — in headless Chromium. Measured from outside the demo: a probe added
// before the page's own scripts looks into the widgets' shadow roots at every frame and notes when
// the frame that first shows each one has been painted. Cold loads (a fresh browser profile each,
// nothing cached) and repeat loads. Used by bench/run.mjs; `node bench/demo-paint.mjs [loads]`.

import { build } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, percentile, round1, serve } from './browser.mjs';

/** Runs in the page before its scripts: when each useful thing was first painted (performance.now()). */
function probe() {
  const seen = {};
  window.__ccFirstPaints = seen;
  const shown = (tag, selector) => {
    const el = document.querySelector(tag)?.shadowRoot?.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const looks = {
    agentState: () => shown('cc-agent-state', '[part="trigger"]'),
    loginForm: () => shown('cc-station-login', 'form[part="form"]'),
  };
  const frame = () =>
    requestAnimationFrame(() => {
      // What the DOM holds when a frame begins is what that frame paints; a message posted now is
      // handled once its style, layout and paint are done.
      const fresh = Object.keys(looks).filter((name) => seen[name] === undefined && looks[name]());
      if (fresh.length > 0) {
        for (const name of fresh) seen[name] = null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          for (const name of fresh) seen[name] = performance.now();
        };
        channel.port2.postMessage(undefined);
      }
      if (Object.keys(looks).some((name) => seen[name] === undefined)) frame();
    });
  frame();
}

/** Reads one load's figures once both things were painted (ms from navigation start). */
async function figures(page) {
  await page.waitForFunction(() => window.__ccFirstPaints?.agentState > 0 && window.__ccFirstPaints?.loginForm > 0, { timeout: 30_000 });
  return page.evaluate(() => {
    const src = document.querySelector('script[type="module"][src]').src;
    const script = performance.getEntriesByName(src)[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js'))
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime }));
    return {
      scriptStart: script.startTime,
      scriptEnd: script.responseEnd,
      firstContentfulPaint: fcp?.startTime,
      scripts,
      ...window.__ccFirstPaints,
    };
  });
}

export async function demoPaint({ loads = 10 } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'cc-bench-demo-'));
  try {
    // The demo as `npm run build:demo` builds it, into a folder of the bench's own (demo-dist/ may be in use).
    await build({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      build: { outDir, emptyOutDir: true },
      logLevel: 'error',
    });
    const server = await serve(outDir);
    const browser = await launchChromium();
    try {
      const cold = [];
      const repeat = [];
      for (let i = 0; i <= loads; i++) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.evaluateOnNewDocument(probe);
        await page.goto(server.url, { waitUntil: 'load' });
        const first = await figures(page);
        // The same profile again: the script comes from the HTTP cache (with V8's code cache).
        await page.reload({ waitUntil: 'load' });
        const again = await figures(page);
        await context.close();
        if (i === 0) continue; // the first load warms Chromium itself up
        cold.push(first);
        repeat.push(again);
      }
      const median = (runs, from, to) =>
        round1(
          percentile(
            runs.map((r) => r[to] - r[from]),
            50,
          ),
        );
      const max = (runs, from, to) => round1(Math.max(...runs.map((r) => r[to] - r[from])));
      const summary = (runs) => {
        const withUseful = runs.map((r) => ({ ...r, useful: Math.min(r.agentState, r.loginForm) }));
        return {
          scriptToUsefulMs: median(withUseful, 'scriptStart', 'useful'),
          scriptToUsefulMaxMs: max(withUseful, 'scriptStart', 'useful'),
          scriptToAgentStateMs: median(runs, 'scriptStart', 'agentState'),
          scriptToLoginFormMs: median(runs, 'scriptStart', 'loginForm'),
          scriptDownloadMs: median(runs, 'scriptStart', 'scriptEnd'),
          navigationToUsefulMs: round1(
            percentile(
              withUseful.map((r) => r.useful),
              50,
            ),
          ),
          firstContentfulPaintMs: round1(
            percentile(
              runs.map((r) => r.firstContentfulPaint),
              50,
            ),
          ),
        };
      };
      // What the first useful paint waited for: the scripts requested before it (the entry and its static imports).
      const first = cold[0];
      const before = first.scripts.filter((s) => s.start < Math.min(first.agentState, first.loginForm));
      const sizes = before.map((s) => readFileSync(join(outDir, s.path)));
      const criticalScripts = {
        files: before.map((s) => s.path.replace(/^\/assets\//, '')),
        kb: round1(sizes.reduce((sum, b) => sum + b.length, 0) / 1024),
        gzipKB: round1(sizes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) / 1024),
      };
      return { loads, cold: summary(cold), repeat: summary(repeat), criticalScripts };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await demoPaint({ loads: Number(process.argv[2] ?? 10) }), null, 2));
}
