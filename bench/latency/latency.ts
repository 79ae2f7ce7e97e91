// Bench page for P5: how long from a server message arriving (the adapter emitting the event) to the
// DOM showing it painted, on a scripted backend in real time. bench/paint-latency.mjs drives it in
// Chromium. Messages come at random moments (as a server's do), so the wait for the next frame is
// part of each figure.

import { createClient, DEFAULT_TENANT, memoryStorage, type CcClient, type Queue, type Task, type TenantSettings } from '@cc-elements/core';
import { createTestAdapter } from '@cc-elements/core/testing';
import '@cc-elements/widgets/cc-provider.js';
import '@cc-elements/widgets/cc-station-login.js';
import '@cc-elements/widgets/cc-agent-state.js';
import '@cc-elements/widgets/cc-call-banner.js';
import '@cc-elements/widgets/cc-queue-list.js';
import '@cc-elements/widgets/cc-wrapup-picker.js';
import '@cc-elements/widgets/cc-task-pane.js';

/** One message's timings (ms after the adapter emitted it). */
export interface Sample {
  readonly kind: 'agentState' | 'callOffer';
  /** The widget's DOM shows the message. */
  readonly domMs: number;
  /** The frame that paints it begins (its rAF callbacks run). */
  readonly frameMs: number;
  /** The frame holding that DOM was painted. */
  readonly paintMs: number;
  /** That frame was the first to begin after the message arrived (nothing waited a frame more). */
  readonly firstFrame: boolean;
}

declare global {
  interface Window {
    latencyBench: {
      setUp(): Promise<void>;
      run(options: { kind: Sample['kind']; messages: number; warmUp: number }): Promise<{ samples: Sample[]; longTasks: number[] }>;
      /** The frame rate with nothing to do, for reading the figures: the wait for a frame is part of each. */
      idleFrames(): Promise<number[]>;
    };
  }
}

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

const adapter = createTestAdapter();
let client: CcClient;
const agentState = document.querySelector<Widget>('cc-agent-state')!;
const banner = document.querySelector<Widget>('cc-call-banner')!;

const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  notReadyReasons: [
    { id: 'lunch', label: 'Lunch' },
    { id: 'meeting', label: 'Meeting' },
  ],
  wrapUpReasons: [{ id: 'sale', label: 'Sale' }],
};
const queues: Queue[] = ['Sales', 'Support', 'Billing', 'Returns'].map((name, i) => ({
  id: `q${i}`,
  name,
  media: 'voice',
  direction: 'inbound',
  enabled: true,
  waiting: i,
  busy: 0,
  agentsSignedIn: 5,
}));

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * When the frame that shows the DOM starts (its rAF callbacks run) and when it has been painted: a
 * message posted from a rAF callback is handled once that frame's style, layout and paint are done.
 */
function frameAndPaint(inFrame: number | undefined): Promise<{ frame: number; paint: number; vsync: number }> {
  return new Promise((resolve) => {
    const post = (vsync: number) => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ frame, paint: performance.now(), vsync });
      channel.port2.postMessage(undefined);
    };
    if (inFrame !== undefined) post(inFrame);
    else requestAnimationFrame(post);
  });
}

/** Emits a message and times it until `shown()` holds in `widget`'s DOM, then until it is painted. */
async function time(kind: Sample['kind'], widget: Widget, emit: () => void, shown: () => boolean): Promise<Sample> {
  const start = performance.now();
  // The first frame to begin after the message arrived (rAF callbacks of one frame share its time).
  let first = NaN;
  requestAnimationFrame((vsync) => (first = vsync));
  const sample = (dom: number, { frame, paint, vsync }: { frame: number; paint: number; vsync: number }): Sample => ({
    kind,
    domMs: dom - start,
    frameMs: frame - start,
    paintMs: paint - start,
    firstFrame: vsync === first,
  });
  emit();
  await widget.updateComplete;
  if (shown()) {
    const dom = performance.now();
    return sample(dom, await frameAndPaint(undefined));
  }
  // A widget that batches to the next frame: look again in each frame, after its update there.
  for (let frames = 0; frames < 600; frames++) {
    const found = await new Promise<{ at: number; vsync: number } | undefined>((resolve) =>
      requestAnimationFrame(
        (vsync) => void widget.updateComplete.then(() => resolve(shown() ? { at: performance.now(), vsync } : undefined)),
      ),
    );
    if (found !== undefined) return sample(found.at, await frameAndPaint(found.vsync));
  }
  throw new Error(`bench: the ${kind} message never showed`);
}

const indicator = () => agentState.shadowRoot?.querySelector<HTMLElement>('[part="indicator"]')?.dataset['state'];
const call = (taskId: string) => banner.shadowRoot?.querySelector(`[part="call"][data-task-id="${taskId}"]`) ?? null;

let ready = true;
/** Voice turns Not Ready (Lunch) or back to Ready; the other media stay Ready. */
function stateChange(): Promise<Sample> {
  ready = !ready;
  const expected = ready ? 'allReady' : 'partial';
  return time(
    'agentState',
    agentState,
    () =>
      adapter.emit({
        type: 'media.stateChanged',
        media: 'voice',
        status: ready ? 'ready' : 'notReady',
        ...(ready ? {} : { reasonId: 'lunch' }),
      }),
    () => indicator() === expected,
  );
}

let calls = 0;
/** A call is offered (and, unmeasured, taken by another agent once shown). */
async function offer(): Promise<Sample> {
  const id = `call-${++calls}`;
  const now = client.scheduler.now();
  const task: Task = {
    id,
    media: 'voice',
    status: 'offered',
    since: now,
    direction: 'inbound',
    from: '+14155550123',
    customerName: 'Dana Reyes',
    queueId: 'q0',
    queueName: 'Sales',
    offerExpiresAt: now + 15_000,
  };
  const sample = await time(
    'callOffer',
    banner,
    () => adapter.emit({ type: 'task.updated', task }),
    () => call(id) !== null,
  );
  adapter.emit({ type: 'task.removed', taskId: id, reason: 'taken' });
  await banner.updateComplete;
  return sample;
}

window.latencyBench = {
  async setUp() {
    client = createClient({ adapter, storage: memoryStorage() });
    document.querySelector<HTMLElement & { client: CcClient }>('cc-provider')!.client = client;
    adapter.emit({ type: 'connection.changed', status: 'connected' });
    adapter.emit({
      type: 'profile.loaded',
      profile: { id: 'a1', name: 'Alex Agent', roles: ['agent'], teams: [{ id: 't1', name: 'Support' }] },
      tenant,
    });
    adapter.emit({ type: 'session.signedIn', session: { role: 'agent', station: { kind: 'desktop' }, teamId: 't1', signedInAt: 0 } });
    for (const media of tenant.media) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
    adapter.emit({ type: 'queues.loaded', queues });
    for (let i = 0; i < 10 && indicator() !== 'allReady'; i++) await nextFrame();
    if (indicator() !== 'allReady') throw new Error(`bench: the agent state shows ${indicator()}, not allReady`);
    await sleep(500);
  },

  async run({ kind, messages, warmUp }) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    const samples: Sample[] = [];
    for (let i = 0; i < warmUp + messages; i++) {
      if (i === warmUp) observer.observe({ type: 'longtask' });
      // Messages arrive at random moments of the frame, never back to back.
      await sleep(20 + Math.random() * 50);
      const sample = kind === 'agentState' ? await stateChange() : await offer();
      if (i >= warmUp) samples.push(sample);
    }
    observer.disconnect();
    return { samples, longTasks };
  },

  async idleFrames() {
    const intervals: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < 120; i++) {
      const now = await nextFrame();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  },
};
