// What the stories share: clients on the in-browser simulator, a themed surface to show a widget
// on, and plain-DOM steps for `play` functions. No 'storybook/test' here: the stories also run in
// web-test-runner (stories/stories.test.ts), outside Storybook.

import { html, type TemplateResult } from 'lit';
import { filter, firstValueFrom, throwError, timeout } from 'rxjs';
import {
  createClient,
  memoryStorage,
  type Adapter,
  type CcClient,
  type CcState,
  type ChannelTarget,
  type CommandType,
  type Role,
  type Station,
  type StoragePort,
} from '@cc-elements/core';
import { createSimAdapter, type ScenarioName, type SimAdapter, type SimScenario } from '@cc-elements/adapter-sim';

/** The widgets' colour scheme, as their `theme` attribute takes it. */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** What every story's loader hands to its render: `context.loaded.client`. */
export interface Loaded {
  readonly client: CcClient;
}

export interface StoryClientOptions {
  readonly scenario?: ScenarioName | SimScenario;
  /** The simulated round trip. 150 ms (the simulator's default) feels like a real backend. */
  readonly latencyMs?: number;
  /** Where "remember my credentials" saves to; a fresh memory store when omitted. */
  readonly storage?: StoragePort;
  /**
   * Prepares the adapter before the client connects: inject faults on `adapter.engine`
   * (`failNext`), slow a command down, or return another adapter that wraps it.
   */
  readonly adapt?: (adapter: SimAdapter) => Adapter | void;
}

/** Clients made here, and timers started for them, so a test can stop them between stories. */
const live = new Set<CcClient>();
const timers = new Set<ReturnType<typeof setTimeout>>();

/** A client on the simulator, connecting in the background. */
export function storyClient(options: StoryClientOptions = {}): CcClient {
  const sim = createSimAdapter({ scenario: options.scenario ?? 'default', latencyMs: options.latencyMs ?? 150 });
  const adapter = options.adapt?.(sim) ?? sim;
  const client = createClient({ adapter, storage: options.storage ?? memoryStorage() });
  live.add(client);
  return client;
}

/** Stops every client the stories made (and their pending slow commands). For tests. */
export function disposeStoryClients(): void {
  for (const client of live) client.dispose();
  live.clear();
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
}

/** Resolves with the first state that passes `ready`; rejects after `ms` with what it waited for. */
export function until(client: CcClient, ready: (state: CcState) => boolean, what: string, ms = 5000): Promise<CcState> {
  return firstValueFrom(
    client.state$.pipe(
      filter(ready),
      timeout({ first: ms, with: () => throwError(() => new Error(`Story set-up: timed out waiting for ${what}.`)) }),
    ),
  );
}

/** A client whose profile has arrived, so the widget renders its form at once. */
export async function connectedClient(options: StoryClientOptions = {}): Promise<CcClient> {
  const client = storyClient(options);
  const state = await until(client, (s) => s.connection.status !== 'connecting', 'the simulator to connect');
  if (state.connection.status === 'failed')
    throw new Error(`Story set-up: the simulator refused to connect (${state.connection.error?.message ?? 'no reason'}).`);
  await until(client, (s) => s.profile !== undefined, 'the profile');
  return client;
}

export interface ChannelSetting {
  readonly target: ChannelTarget;
  readonly status: 'ready' | 'notReady';
  /** A Not Ready reason id of the tenant, e.g. `lunch`. */
  readonly reasonId?: string;
}

export interface SignInOptions extends Omit<StoryClientOptions, 'scenario'> {
  readonly station: Station;
  /** Required for roles that take work when the profile has teams (SL-8). */
  readonly teamId?: string;
  /** The profile's first role when omitted. */
  readonly role?: Role;
  /** Applied in order once every channel has finished signing in (ST-2 leaves them Not Ready). */
  readonly channels?: readonly ChannelSetting[];
}

/** A client signed in to the simulator, its channels settled and set as asked. */
export async function signedInClient(scenario: ScenarioName | SimScenario, options: SignInOptions): Promise<CcClient> {
  const { station, teamId, role, channels = [], ...clientOptions } = options;
  const client = await connectedClient({ scenario, ...clientOptions });
  const profile = client.state.profile!;
  await client.signIn({ role: role ?? profile.roles[0]!, station, ...(teamId === undefined ? {} : { teamId }) });
  await until(client, (s) => Object.values(s.media).every((m) => m?.status !== 'signingIn'), 'every channel to finish signing in');
  for (const { target, status, reasonId } of channels) await client.setChannelState(target, status, reasonId);
  return client;
}

/**
 * Makes one command take `ms` longer than the simulated round trip, so a widget stays busy
 * (a sign-in that keeps the button spinning). Use in `adapt`.
 */
export function slowCommand(adapter: SimAdapter, type: CommandType, ms: number): SimAdapter {
  const execute = adapter.execute.bind(adapter);
  adapter.execute = (command) => {
    if (command.type !== type) return execute(command);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        execute(command).then(resolve, reject);
      }, ms);
      timers.add(timer);
    });
  };
  return adapter;
}

/** A storage that reads nothing and cannot save: quota full or privacy mode (SL-9). */
export function brokenStorage(): StoragePort {
  return {
    get: async () => undefined,
    set: async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    remove: async () => {},
  };
}

/**
 * The page a widget sits on, in the widget's colour scheme and the host's font (the widgets
 * inherit it, PL-3): a widget without its own surface (the agent state) needs a matching
 * background to stay readable in dark mode.
 */
export function surface(theme: Theme, content: TemplateResult, options: { minBlockSize?: string } = {}): TemplateResult {
  const scheme = theme === 'auto' ? 'light dark' : theme;
  return html`<div
    class="cc-story-surface"
    style="color-scheme: ${scheme}; background: light-dark(#ffffff, #1d1f23); color: light-dark(#1b1d21, #eceef2); font-family: system-ui, sans-serif; padding: 16px; min-block-size: ${options.minBlockSize ?? 'auto'}"
  >
    ${content}
  </div>`;
}

// ---- play steps: plain DOM, each waiting for the widget to settle -------------------------------

type Widget = HTMLElement & { readonly updateComplete: Promise<unknown> };

/** The first element of `tag` in the story, once it has rendered. */
export async function widgetIn<T extends Widget>(canvas: HTMLElement, tag: string): Promise<T> {
  const el = await waitFor(() => canvas.querySelector<T>(tag), `<${tag}> in the story`);
  await el.updateComplete;
  return el;
}

/** An element in the widget's shadow root; throws with the selector when it is missing. */
export function inShadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

export function allInShadow<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The checkbox or radio whose label reads `text`. */
export function choiceLabelled(el: Element, text: string): HTMLInputElement {
  const label = allInShadow<HTMLLabelElement>(el, 'label').find((l) => l.textContent?.includes(text));
  const input = label?.querySelector('input');
  if (!input) throw new Error(`No choice labelled "${text}" in <${el.localName}>`);
  return input;
}

/** Types `value` into a field as a person would leave it: the value, then an input event. */
export async function typeInto(el: Widget, selector: string, value: string): Promise<void> {
  const input = inShadow<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Leaves a field, which is when the widgets show its error. */
export async function leave(el: Widget, selector: string): Promise<void> {
  inShadow(el, selector).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

/** Picks an option of a select by value. */
export async function select(el: Widget, selector: string, value: string): Promise<void> {
  const field = inShadow<HTMLSelectElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Clicks a button, radio or checkbox (by selector, or the element itself). */
export async function clickOn(el: Widget, target: string | HTMLElement): Promise<void> {
  (typeof target === 'string' ? inShadow(el, target) : target).click();
  await el.updateComplete;
}

/** Polls until `find` returns something truthy; rejects after `ms` naming what it waited for. */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
