// Test helpers for widget tests: a client on the simulator, and virtual time for timers.

import { VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import { createClient, memoryStorage, type CcClient, type StoragePort } from '@cc-elements/core';
import { createSimAdapter, type ScenarioName, type SimScenario } from '@cc-elements/adapter-sim';

export interface SimClientOptions {
  readonly scenario?: ScenarioName | SimScenario;
  readonly scheduler?: SchedulerLike;
  readonly storage?: StoragePort;
  readonly agentId?: string;
  readonly latencyMs?: number;
}

export function simClient(options: SimClientOptions = {}): CcClient {
  const scheduler = options.scheduler;
  const adapter = createSimAdapter({
    scenario: options.scenario ?? 'default',
    latencyMs: options.latencyMs ?? 0,
    ...(scheduler ? { scheduler } : {}),
    ...(options.agentId ? { agentId: options.agentId } : {}),
  });
  return createClient({ adapter, storage: options.storage ?? memoryStorage(), ...(scheduler ? { scheduler } : {}) });
}

/** Virtual time the test moves by hand; `advance` lets promises settle between steps. */
export class ManualTime {
  readonly scheduler = new VirtualTimeScheduler(undefined, 0);

  async advance(ms: number, step = 100): Promise<void> {
    const end = this.scheduler.frame + ms;
    for (let t = this.scheduler.frame; t <= end; t += step) {
      this.scheduler.maxFrames = Math.min(t, end);
      this.scheduler.flush();
      // The clock reaches the target even when no action was due exactly then.
      this.scheduler.frame = Math.max(this.scheduler.frame, this.scheduler.maxFrames);
      await settle();
    }
  }
}

/** Lets pending promise callbacks and Lit updates run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
  return found;
}

export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settled(input);
}

/** Waits for the widget that owns `node` to finish its update, including its own async work. */
export async function settled(node: Node): Promise<void> {
  await settle();
  const host = (node.getRootNode() as ShadowRoot).host as (Element & { updateComplete?: Promise<unknown> }) | undefined;
  await host?.updateComplete;
}
