// P4: <cc-supervisor-grid> with 5,000 agents and 1,000 agent status changes a second (batched as the
// backend sends them, one `roster.changed` every 100 ms) for 10 s, in headless Chromium. Frame time:
// from the vsync a frame began at to its rendering done on the main thread (p50/p95/max; over 16.7 ms
// the frame missed the next refresh). Long tasks (> 50 ms) and, to say what causes them, long
// animation frames with their scripts, the main thread's time by kind (CDP Performance.getMetrics)
// and, with `profile`, the functions that took the time (CDP Profiler, grouped by source module).
// Used by bench/run.mjs; `node bench/grid-frames.mjs [--profile] [--sort=status] [agents] [seconds]` on its own
// (`--sort` sets the grid's sort, as bench/run.mjs does for its "sorted by status" run).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, launchChromium, mainThread, openPage, round1, serve, spread } from './browser.mjs';

export const GRID_REGISTRATION = 'packages/widgets/src/cc-supervisor-grid.ts';

/** Finds the source module of a line or character offset in the bundle (esbuild's `// path` comments mark where each starts). */
function modulesOf(bundle) {
  const starts = []; // [line, offset, module]
  let offset = 0;
  bundle.split('\n').forEach((line, index) => {
    const m = /^\/\/ (\S+\.(?:ts|js|mjs))$/.exec(line);
    if (m) starts.push([index, offset, m[1].replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')]);
    offset += line.length + 1;
  });
  const find = (position, key) => {
    let low = 0;
    let high = starts.length - 1;
    let found = '(bundle)';
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid][key] <= position) {
        found = starts[mid][2];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
  return { atLine: (line) => find(line, 0), atChar: (char) => find(char, 1) };
}

/** Self time per source module and per function, from a CPU profile of the bench page. */
function selfTime(profile, modules, top = 15) {
  const selfMs = new Map();
  const byFunction = new Map();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { callFrame } = nodes.get(id);
    const where = callFrame.url.endsWith('/bench.js')
      ? modules.atLine(callFrame.lineNumber)
      : callFrame.url
        ? 'other script'
        : callFrame.functionName || '(native)';
    selfMs.set(where, (selfMs.get(where) ?? 0) + ms);
    const fn = `${callFrame.functionName || '(anonymous)'} — ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const sorted = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: round1(ms) }));
  return { byModule: sorted(selfMs), byFunction: sorted(byFunction) };
}

/** Sums the long animation frames' scripts by where they come from. */
function longFrameScripts(longFrames, modules, top = 10) {
  const bySource = new Map();
  for (const frame of longFrames)
    for (const s of frame.scripts) {
      const where = s.sourceURL.endsWith('/bench.js') ? modules.atChar(s.sourceCharPosition) : s.sourceURL || '(browser)';
      const key = `${s.invoker} → ${s.sourceFunctionName || '(anonymous)'} in ${where}`;
      bySource.set(key, (bySource.get(key) ?? 0) + s.durationMs);
    }
  return [...bySource]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([source, ms]) => ({ source, ms: round1(ms) }));
}

/**
 * `registration` is the module that defines <cc-supervisor-grid> (the widget's own by default;
 * another to try a variant against the same run).
 */
export async function gridFrames({
  agents = 5000,
  seconds = 10,
  perSecond = 1000,
  batchMs = 100,
  properties = {},
  profile = false,
  registration,
} = {}) {
  if (!registration && !existsSync(GRID_REGISTRATION)) return { notMeasured: `${GRID_REGISTRATION} does not exist yet` };
  const page = await bundlePage('grid', 'grid.ts', { prepend: [registration ?? '@cc-elements/widgets/cc-supervisor-grid.js'] });
  const server = await serve(page.dir);
  const browser = await launchChromium({ width: 1280, height: 900 });
  try {
    const { page: tab, check } = await openPage(browser, server.url);
    await tab.waitForFunction(() => window.gridBench !== undefined);
    const setUp = await tab.evaluate((options) => window.gridBench.setUp(options), { agents, properties });
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    const result = await tab.evaluate((options) => window.gridBench.run(options), { seconds, perSecond, batchMs });
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const cpu = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
    check();
    const modules = modulesOf(readFileSync(join(page.dir, 'bench.js'), 'utf8'));
    return {
      agents,
      viewport: '1280×900',
      rows: setUp.rows,
      setUpMs: round1(setUp.setUpMs),
      seconds: round1(result.seconds),
      batches: result.batches,
      agentChangesPerSecond: Math.round(result.agentChanges / result.seconds),
      frames: spread(result.frameTimes),
      framesPerSecond: round1(result.frameTimes.length / result.seconds),
      // Frames that missed the next refresh (dropped on a screen).
      lateFrames: result.frameTimes.filter((ms) => ms > 16.7).length,
      callbackIntervals: spread(result.frameIntervals),
      longTasks: { count: result.longTasks.length, maxMs: round1(Math.max(0, ...result.longTasks)) },
      longFrames: {
        count: result.longFrames.length,
        maxMs: round1(Math.max(0, ...result.longFrames.map((f) => f.durationMs))),
        scripts: longFrameScripts(result.longFrames, modules),
      },
      emitMs: spread(result.emitMs),
      mutations: result.mutations,
      mainThread: mainThread(before, after),
      ...(cpu ? { profile: selfTime(cpu, modules) } : {}),
    };
  } finally {
    await browser.close();
    await server.close();
    page.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const profile = args.includes('--profile');
  const [agents = 5000, seconds = 10] = args.filter((a) => !a.startsWith('--')).map(Number);
  const registration = args.find((a) => a.startsWith('--registration='))?.slice('--registration='.length);
  const sort = args.find((a) => a.startsWith('--sort='))?.slice('--sort='.length);
  const properties = sort ? { sort } : {};
  console.log(
    JSON.stringify(await gridFrames({ agents, seconds, profile, properties, ...(registration ? { registration } : {}) }), null, 2),
  );
}
