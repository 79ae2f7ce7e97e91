// P5: latency from a server message arriving (the adapter emitting the event) to the DOM showing it
// painted, in headless Chromium, on <cc-agent-state> (a state change) and <cc-call-banner> (an offer)
// among the agent desktop's other widgets. Each kind runs on its own so the main thread's time per
// message (CDP Performance.getMetrics) is its own. Used by bench/run.mjs; `node bench/paint-latency.mjs [messages]`.

import { bundlePage, launchChromium, mainThread, openPage, round1, serve, spread } from './browser.mjs';

export async function paintLatency({ messages = 300, warmUp = 30 } = {}) {
  const page = await bundlePage('latency', 'latency.ts');
  const server = await serve(page.dir);
  const browser = await launchChromium();
  try {
    const { page: tab, check } = await openPage(browser, server.url);
    await tab.waitForFunction(() => window.latencyBench !== undefined);
    await tab.evaluate(() => window.latencyBench.setUp());
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable');
    const figures = {};
    for (const kind of ['agentState', 'callOffer']) {
      const before = (await cdp.send('Performance.getMetrics')).metrics;
      const { samples, longTasks } = await tab.evaluate((options) => window.latencyBench.run(options), { kind, messages, warmUp });
      const after = (await cdp.send('Performance.getMetrics')).metrics;
      const of = (key) => samples.map((s) => s[key]);
      figures[kind] = {
        paint: spread(of('paintMs')),
        frame: spread(of('frameMs')),
        dom: spread(of('domMs')),
        // What the frame that paints it costs: its rAF callbacks, style, layout and paint.
        frameWork: spread(samples.map((s) => s.paintMs - s.frameMs)),
        longTasks: longTasks.length,
        // Painted by the first frame that began after the message arrived: no frame more waited.
        firstFramePercent: round1((100 * samples.filter((s) => s.firstFrame).length) / samples.length),
        // The main thread's time per message by kind (the warm-up's messages included).
        perMessage: Object.fromEntries(
          Object.entries(mainThread(before, after))
            .filter(([key]) => key.endsWith('Ms'))
            .map(([key, ms]) => [key, round1(ms / (messages + warmUp))]),
        ),
      };
    }
    const idleFrameInterval = spread(await tab.evaluate(() => window.latencyBench.idleFrames()));
    check();
    return { ...figures, idleFrameInterval };
  } finally {
    await browser.close();
    await server.close();
    page.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await paintLatency({ messages: Number(process.argv[2] ?? 300) }), null, 2));
}
