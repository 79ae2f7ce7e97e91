// Issue 4's memory figure: 3,000 digital tasks offered, handled and closed through <cc-task-pane>
// on the simulator in compressed time, in Chromium; the retained heap growth between a warmed-up
// pane and the end of the run (after forced garbage collections). Used by bench/run.mjs.

import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

export async function paneMemory({ warmUp = 200, tasks = 3000 } = {}) {
  const server = await createServer({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    root: new URL('./pane', import.meta.url).pathname,
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await server.listen();
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    protocolTimeout: 0,
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { port } = server.httpServer.address();
    // Vite optimises dependencies it discovers on the first load and reloads the page once:
    // load until a page stays put.
    for (let attempt = 0; ; attempt++) {
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle0' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const reloaded = await page.evaluate(() => window.bench === undefined).catch(() => true);
      if (!reloaded || attempt === 3) break;
    }
    await page.waitForFunction(() => window.bench !== undefined);
    page.setDefaultTimeout(0);
    await page.evaluate(() => window.bench.setUp());
    const heap = async () => {
      const session = await page.createCDPSession();
      for (let i = 0; i < 3; i++) await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send('Runtime.getHeapUsage');
      await session.detach();
      return usedSize;
    };
    await page.evaluate((n) => window.bench.run(n), warmUp);
    const before = await heap();
    const started = performance.now();
    const closed = await page.evaluate((n) => window.bench.run(n), tasks);
    const seconds = (performance.now() - started) / 1000;
    const after = await heap();
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return { tasks: closed, heapGrowthBytes: after - before, seconds };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tasks = Number(process.argv[2] ?? 3000);
  console.log(await paneMemory({ tasks }));
}
