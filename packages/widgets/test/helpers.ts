// Test helpers for widget tests: a client on the simulator, and virtual time for timers.

import { VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import {
  createClient,
  DEFAULT_TENANT,
  memoryStorage,
  type AgentProfile,
  type CcClient,
  type CommandType,
  type Role,
  type Station,
  type StoragePort,
  type TenantSettings,
} from '@cc-elements/core';
import { createTestAdapter, type TestAdapter } from '@cc-elements/core/testing';
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

export interface ScriptedClientOptions {
  readonly scheduler?: SchedulerLike;
  readonly storage?: StoragePort;
  /** Tenant settings over the core's defaults (wrap-up reasons, transfer targets, offer rules…). */
  readonly tenant?: Partial<TenantSettings>;
  /** Commands the backend carries out; every one when omitted. */
  readonly commands?: readonly CommandType[];
  readonly role?: Role;
  readonly station?: Station;
}

export interface ScriptedClient {
  readonly client: CcClient;
  /** Push backend events (`task.updated`, `queues.loaded`…) and answer commands by hand. */
  readonly adapter: TestAdapter;
}

/**
 * A client on a scripted backend, already connected and signed in with voice Ready: for widget
 * states that are hard to reach on the simulator at an exact moment (an offer with 2 s left).
 */
export function scriptedClient(options: ScriptedClientOptions = {}): ScriptedClient {
  const adapter = createTestAdapter(options.commands ? { commands: options.commands } : {});
  const scheduler = options.scheduler;
  const client = createClient({ adapter, storage: options.storage ?? memoryStorage(), ...(scheduler ? { scheduler } : {}) });
  const tenant: TenantSettings = { ...DEFAULT_TENANT, media: ['voice'], ...options.tenant };
  const profile: AgentProfile = { id: 'test.agent', name: 'Test Agent', roles: [options.role ?? 'agent'], teams: [] };
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile, tenant });
  adapter.emit({
    type: 'session.signedIn',
    session: { role: options.role ?? 'agent', station: options.station ?? { kind: 'desktop' }, signedInAt: client.scheduler.now() },
  });
  for (const media of tenant.media) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
  return { client, adapter };
}
