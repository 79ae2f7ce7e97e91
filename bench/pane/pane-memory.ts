// Bench page: digital tasks offered, accepted, answered, ended and closed through <cc-task-pane>
// on the simulator, in compressed (virtual) time. bench/pane-memory.mjs drives it in Chromium and
// reads the heap after forced garbage collections.

import { VirtualTimeScheduler } from 'rxjs';
import { createClient, memoryStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import '@cc-elements/widgets/cc-task-pane.js';

declare global {
  interface Window {
    bench: { setUp(): Promise<void>; run(count: number): Promise<number> };
    gc?: () => void;
  }
}

const scheduler = new VirtualTimeScheduler(undefined, Number.POSITIVE_INFINITY);
let client: CcClient;
let adapter: ReturnType<typeof createSimAdapter>;
const pane = document.querySelector('cc-task-pane')! as HTMLElement & { client: CcClient; updateComplete: Promise<unknown> };

/** Moves virtual time on and lets promises and Lit updates run. */
async function advance(ms: number): Promise<void> {
  scheduler.maxFrames = scheduler.frame + ms;
  scheduler.flush();
  scheduler.frame = Math.max(scheduler.frame, scheduler.maxFrames);
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await pane.updateComplete;
}

/** Runs a client command while moving virtual time on, so the simulator can answer it. */
async function act<T>(run: () => Promise<T>): Promise<T> {
  let settled = false;
  const result = run().finally(() => (settled = true));
  for (let i = 0; i < 200 && !settled; i++) await advance(50);
  return result;
}

async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ready()) return;
    await advance(100);
  }
  throw new Error(`bench: timed out waiting for ${what}`);
}

window.bench = {
  async setUp() {
    // The digital world without the contacts it starts with: every task of the run is the bench's own.
    const scenario: SimScenario = {
      ...SCENARIOS.digital,
      queues: SCENARIOS.digital.queues.map(({ waitingAtStart: _none, ...queue }) => queue),
    };
    adapter = createSimAdapter({ scenario, scheduler, latencyMs: 0, traffic: false });
    client = createClient({ adapter, scheduler, storage: memoryStorage() });
    pane.client = client;
    await until(() => client.state.profile !== undefined, 'the profile');
    await act(() => client.signIn({ role: 'agent', station: { kind: 'desktop' }, teamId: client.state.profile!.teams[0]!.id }));
    await until(() => client.state.media.chat?.status === 'notReady', 'chat to sign in');
    await act(() => client.setChannelState('chatSocial', 'ready'));
    await until(() => client.state.media.chat?.status === 'ready', 'chat Ready');
  },

  /** Runs `count` whole chats; returns how many closed. */
  async run(count: number) {
    const queueId = adapter.engine.queues(adapter.agentId).find((q) => q.media === 'chat' && q.enabled)!.id;
    let closed = 0;
    for (let i = 0; i < count; i++) {
      const taskId = adapter.engine.injectContact({ queueId, media: 'chat', text: `Hello, this is customer ${i}.` });
      await until(() => client.state.tasks.some((t) => t.id === taskId && t.status === 'offered'), 'the offer');
      await act(() => client.accept(taskId));
      await until(() => client.state.threads[taskId]?.status === 'loaded', 'the thread');
      adapter.engine.customerWrites(taskId, { text: 'Can you help me with my order?' });
      await act(() => client.sendMessage(taskId, { text: `Of course — reply ${i}.` }));
      await advance(5000);
      await act(() => client.end(taskId, { discardUnsaved: true }));
      await advance(100);
      const task = client.state.tasks.find((t) => t.id === taskId);
      if (task?.status === 'wrapUp') {
        const reason = client.state.tenant.wrapUpReasons[0];
        if (reason) await act(() => client.chooseWrapUpReason(taskId, reason.id));
        await act(() => client.closeWrapUp(taskId));
      }
      await until(() => !client.state.tasks.some((t) => t.id === taskId), 'the task to close');
      closed++;
    }
    return closed;
  },
};
