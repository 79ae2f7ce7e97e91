// Bench page for P4: <cc-supervisor-grid> over a roster of thousands of agents while the backend
// reports status changes in batches (`roster.changed`, one event per tick with every changed agent,
// as adapters send them), in real time. bench/grid-frames.mjs drives it in Chromium and reads frame
// times, long tasks and long animation frames with their scripts.
//
// The grid's registration file is imported by the bench's bundler (bench/browser.mjs `prepend`), not
// here, so this page builds and typechecks before the grid exists.

import {
  createClient,
  DEFAULT_TENANT,
  memoryStorage,
  type CcClient,
  type Queue,
  type RosterAgent,
  type RosterInteraction,
  type RosterStatus,
  type TenantSettings,
} from '@cc-elements/core';
import { createTestAdapter } from '@cc-elements/core/testing';

export interface GridSetUp {
  readonly agents: number;
  /** Grid properties to set before it connects (e.g. a sort), where the grid has them. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface GridRun {
  readonly seconds: number;
  /** Agent changes per second, spread over the batches. */
  readonly perSecond: number;
  /** How often the backend sends a batch (ms). */
  readonly batchMs: number;
}

export interface LongFrameScript {
  readonly invoker: string;
  readonly sourceURL: string;
  readonly sourceFunctionName: string;
  readonly sourceCharPosition: number;
  readonly durationMs: number;
}

export interface GridResult {
  /**
   * Each frame's time: from the vsync it began at (its rAF timestamp) until its rendering on the
   * main thread (rAF callbacks, style, layout, paint) was done, ms. Over 16.7 ms, the frame missed
   * the next refresh: on a screen it would be dropped.
   */
  readonly frameTimes: number[];
  /** Time between consecutive frames' rAF callbacks, ms (jitters with any task that delays a frame's start). */
  readonly frameIntervals: number[];
  readonly longTasks: number[];
  /** Long animation frames (> 50 ms): duration, blocking time and the scripts that ran in them. */
  readonly longFrames: { durationMs: number; blockingMs: number; renderMs: number; scripts: LongFrameScript[] }[];
  /** Synchronous cost of each batch as the adapter emits it (store, selectors, subscribers), ms. */
  readonly emitMs: number[];
  readonly batches: number;
  readonly agentChanges: number;
  /** DOM mutations in the grid during the run: proof that it drew the changes. */
  readonly mutations: number;
  readonly seconds: number;
}

declare global {
  interface Window {
    gridBench: { setUp(options: GridSetUp): Promise<{ rows: number; setUpMs: number }>; run(options: GridRun): Promise<GridResult> };
  }
}

type Grid = HTMLElement & { client?: CcClient; updateComplete?: Promise<unknown> };

/** Seeded random numbers (mulberry32): every run gives the grid the same changes. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 50 first names × 100 family names: every agent of 5,000 has a name of their own (a real floor has
// few namesakes), with accents the collator must place.
const FIRST = (
  'Ana Ben Chloé Dana Elif Farah Gus Hana Ivo Jun Kofi Léa Mateo Nia Otto Priya Quentin Rosa Sami Tomás Uma Viktor Wen Ximena ' +
  'Yusuf Zoé Amara Bruno Carmen Dmitri Émile Fatima Giulia Hugo Inès Jonas Kaito Lucía Malik Noor Olga Paulo Rania Søren ' +
  'Tariq Ursula Valentina Wiktor Yara Zeynep'
).split(' ');
const FAMILY_STARTS = ['Al', 'Bar', 'Čas', 'Dal', 'Es', 'Fer', 'Gal', 'Hér', 'Ib', 'Jar'];
const FAMILY_ENDS = ['ton', 'ez', 'ini', 'ova', 'sson', 'berg', 'ard', 'ić', 'elli', 'ström'];
const LAST = FAMILY_STARTS.flatMap((start) => FAMILY_ENDS.map((end) => start + end));
const TEAMS = 50;
const QUEUES = 20;
const REASONS = ['lunch', 'break', 'training', 'meeting'];

const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  notReadyReasons: REASONS.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
  supervisor: { changeAgentStatus: true, changeAgentQueues: true, monitorModes: ['monitor', 'whisper', 'barge'] },
};

const next = random(6);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
let interactionIds = 0;

/** An agent in `status` since `since`, with the channels and interactions that status implies. */
function agentIn(base: Pick<RosterAgent, 'id' | 'name' | 'teamId' | 'queues'>, status: RosterStatus, since: number): RosterAgent {
  const signedIn = status !== 'signedOut';
  const channelStatus = status === 'notReady' ? 'notReady' : signedIn ? 'ready' : undefined;
  const interactions: RosterInteraction[] =
    status === 'busy' || status === 'wrapUp'
      ? [
          {
            id: `i${++interactionIds}`,
            media: next() < 0.7 ? 'voice' : 'chat',
            status: status === 'busy' ? 'active' : 'wrapUp',
            since,
            queueId: pick(base.queues).queueId,
          },
        ]
      : [];
  return {
    ...base,
    status,
    ...(status === 'notReady' ? { reasonId: pick(REASONS) } : {}),
    since,
    channels: channelStatus ? { voice: channelStatus, chatSocial: channelStatus, email: channelStatus } : {},
    interactions,
  };
}

/** Where an agent goes next: ready → busy → wrap-up → ready or not ready, now and then signing in or out. */
function nextStatus(status: RosterStatus): RosterStatus {
  const r = next();
  switch (status) {
    case 'ready':
      return r < 0.8 ? 'busy' : r < 0.97 ? 'notReady' : 'signedOut';
    case 'busy':
      return 'wrapUp';
    case 'wrapUp':
      return r < 0.75 ? 'ready' : 'notReady';
    case 'notReady':
      return r < 0.9 ? 'ready' : 'signedOut';
    case 'signedOut':
      return r < 0.5 ? 'ready' : 'notReady';
  }
}

const adapter = createTestAdapter();
let client: CcClient;
let grid: Grid;
let roster: RosterAgent[] = [];

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rows the grid shows, through shadow roots (the virtualizer keeps only those near the viewport). */
function countRows(root: ParentNode): number {
  let rows = 0;
  for (const el of root.querySelectorAll('*')) {
    if (el.getAttribute('role') === 'row') rows++;
    if (el.shadowRoot) rows += countRows(el.shadowRoot);
  }
  return rows;
}

window.gridBench = {
  async setUp({ agents, properties = {} }) {
    const started = performance.now();
    client = createClient({ adapter, storage: memoryStorage() });
    const teams = Array.from({ length: TEAMS }, (_, i) => ({ id: `t${i + 1}`, name: `Team ${i + 1}` }));
    const queues: Queue[] = Array.from({ length: QUEUES }, (_, i) => ({
      id: `q${i + 1}`,
      name: `Queue ${i + 1}`,
      media: i % 4 === 3 ? 'chat' : 'voice',
      direction: 'inbound',
      monitored: true,
      busy: 0,
      waiting: 0,
      agentsSignedIn: 0,
    }));
    adapter.emit({ type: 'connection.changed', status: 'connected' });
    adapter.emit({ type: 'profile.loaded', profile: { id: 'sup', name: 'Camille Supervisor', roles: ['supervisor'], teams }, tenant });
    adapter.emit({ type: 'session.signedIn', session: { role: 'supervisor', station: { kind: 'desktop' }, teamId: 't1', signedInAt: 0 } });
    adapter.emit({ type: 'queues.loaded', queues });
    const now = client.scheduler.now();
    const statuses: RosterStatus[] = ['ready', 'busy', 'busy', 'notReady', 'wrapUp', 'ready', 'busy', 'signedOut', 'ready', 'busy'];
    roster = Array.from({ length: agents }, (_, i) =>
      agentIn(
        {
          id: `agent-${String(i + 1).padStart(5, '0')}`,
          name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
          teamId: teams[i % TEAMS]!.id,
          queues: [0, 7, 13].map((k) => ({ queueId: queues[(i + k) % QUEUES]!.id, enabled: next() < 0.9 })),
        },
        pick(statuses),
        now - Math.floor(next() * 3_600_000),
      ),
    );
    adapter.emit({ type: 'roster.loaded', agents: roster });
    grid = document.createElement('cc-supervisor-grid') as Grid;
    Object.assign(grid, properties);
    grid.client = client;
    document.querySelector('#host')!.append(grid);
    let rows = 0;
    for (let frame = 0; frame < 600 && rows === 0; frame++) {
      await nextFrame();
      await grid.updateComplete;
      rows = countRows(grid.shadowRoot ?? grid);
    }
    const setUpMs = performance.now() - started;
    // Let the first layout, the virtualizer's measuring and the clock settle before measuring.
    await sleep(1000);
    return { rows: countRows(grid.shadowRoot ?? grid), setUpMs };
  },

  async run({ seconds, perSecond, batchMs }) {
    const frameTimes: number[] = [];
    const frameIntervals: number[] = [];
    const longTasks: number[] = [];
    const longFrames: GridResult['longFrames'] = [];
    const emitMs: number[] = [];
    let mutations = 0;
    let agentChanges = 0;
    let batches = 0;
    const tasks = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    tasks.observe({ type: 'longtask' });
    const frames = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LongAnimationFrameEntry[]) {
        longFrames.push({
          durationMs: entry.duration,
          blockingMs: entry.blockingDuration,
          renderMs: entry.startTime + entry.duration - entry.renderStart,
          scripts: entry.scripts.map(({ invoker, sourceURL, sourceFunctionName, sourceCharPosition, duration }) => ({
            invoker,
            sourceURL,
            sourceFunctionName,
            sourceCharPosition,
            durationMs: duration,
          })),
        });
      }
    });
    frames.observe({ type: 'long-animation-frame' });
    const watcher = new MutationObserver((records) => (mutations += records.length));
    watcher.observe(grid.shadowRoot ?? grid, { subtree: true, childList: true, attributes: true, characterData: true });

    const perBatch = Math.round((perSecond * batchMs) / 1000);
    const started = performance.now();
    const end = started + seconds * 1000;
    let running = true;
    // Headless Chromium never drops a frame: a main thread busy past the next vsync gets that frame
    // late (its rAF timestamp stays the vsync it was meant for), so a frame's time is measured from
    // that vsync to the end of its rendering — a message posted from a rAF callback is handled once
    // the frame's style, layout and paint are done.
    const frameLoop = (last: number) =>
      requestAnimationFrame((vsync) => {
        const now = performance.now();
        frameIntervals.push(now - last);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => frameTimes.push(performance.now() - vsync);
        channel.port2.postMessage(undefined);
        if (running) frameLoop(now);
      });
    requestAnimationFrame(() => frameLoop(performance.now()));
    // The backend's ticks: each batch names `perBatch` different agents, each moved to its next status.
    const ticker = setInterval(() => {
      const now = client.scheduler.now();
      const changed = new Map<number, RosterAgent>();
      while (changed.size < perBatch) {
        const i = Math.floor(next() * roster.length);
        if (changed.has(i)) continue;
        const { id, name, teamId, queues, status } = roster[i]!;
        changed.set(i, agentIn({ id, name, teamId: teamId!, queues }, nextStatus(status), now));
      }
      for (const [i, agent] of changed) roster[i] = agent;
      const t = performance.now();
      adapter.emit({ type: 'roster.changed', agents: [...changed.values()] });
      emitMs.push(performance.now() - t);
      batches++;
      agentChanges += changed.size;
    }, batchMs);
    await sleep(end - performance.now());
    clearInterval(ticker);
    await nextFrame();
    await nextFrame();
    running = false;
    const elapsed = (performance.now() - started) / 1000;
    watcher.disconnect();
    // Entries of the last frames are delivered after them.
    await sleep(200);
    tasks.disconnect();
    frames.disconnect();
    return { frameTimes, frameIntervals, longTasks, longFrames, emitMs, batches, agentChanges, mutations, seconds: elapsed };
  },
};

/** The Long Animation Frames API (Chromium 123+), not yet in TypeScript's DOM library. */
interface LongAnimationFrameEntry extends PerformanceEntry {
  readonly blockingDuration: number;
  readonly renderStart: number;
  readonly scripts: readonly {
    readonly invoker: string;
    readonly sourceURL: string;
    readonly sourceFunctionName: string;
    readonly sourceCharPosition: number;
    readonly duration: number;
  }[];
}
