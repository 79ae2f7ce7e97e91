// P5: latency from a server message arriving (the adapter emitting the event) to the DOM showing it
// painted, in headless Chromium, on <cc-agent-state> (a state change) and <cc-call-banner> (an offer)
// among the agent desktop's other widgets. Used by bench/run.mjs; `node bench/paint-latency.mjs [messages]`.

import { bundlePage, launchChromium, openPage, serve, spread } from './browser.mjs';

export async function paintLatency({ messages = 400, warmUp = 40 } = {}) {
  const page = await bundlePage('latency', 'latency.ts');
  const server = await serve(page.dir);
  const browser = await launchChromium();
  try {
    const { page: tab, check } = await openPage(browser, server.url);
    await tab.waitForFunction(() => window.latencyBench !== undefined);
    await tab.evaluate(() => window.latencyBench.setUp());
    const { samples, longTasks, frameIntervals } = await tab.evaluate((options) => window.latencyBench.run(options), { messages, warmUp });
    check();
    const of = (kind, key) => samples.filter((s) => s.kind === kind).map((s) => s[key]);
    const figures = (kind) => ({
      paint: spread(of(kind, 'paintMs')),
      frame: spread(of(kind, 'frameMs')),
      dom: spread(of(kind, 'domMs')),
      // What the frame that paints it costs: its rAF callbacks, style, layout and paint.
      frameWork: spread(samples.filter((s) => s.kind === kind).map((s) => s.paintMs - s.frameMs)),
    });
    return {
      agentState: figures('agentState'),
      callOffer: figures('callOffer'),
      longTasks: longTasks.length,
      idleFrameInterval: spread(frameIntervals),
    };
  } finally {
    await browser.close();
    await server.close();
    page.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await paintLatency({ messages: Number(process.argv[2] ?? 400) }), null, 2));
}
