// <cc-simulator>: a headless element that runs the in-browser simulator and gives its client to
// the page — what a host that only places elements (a desktop layout's `headless` area) needs to
// run the widgets with no backend. A real backend's bridge element would take its place.

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, isScenarioName, SCENARIOS, type SimAdapter } from '@cc-elements/adapter-sim';
import { provideClient } from './page-client.js';

/**
 * @summary Runs the simulator and shares its client with every widget on the page that no
 * `<cc-provider>` encloses (PL-7). Shows nothing.
 *
 * Attributes: `scenario` (a simulator scenario, default `liveTraffic`), `agent-id` (whom the widgets
 * sign in as; default the scenario's first agent) — changing either starts a new simulator —
 * and `traffic` (`on` / `off`: random callers and contacts; default the scenario's own).
 */
export class CcSimulator extends HTMLElement {
  static readonly observedAttributes = ['scenario', 'agent-id', 'traffic'];

  #adapter: SimAdapter | undefined;
  #client: CcClient | undefined;

  /** The simulator's client (made when the element first connects). */
  get client(): CcClient | undefined {
    return this.#client;
  }

  /** The simulator adapter; `adapter.engine` sends callers and contacts by hand. */
  get adapter(): SimAdapter | undefined {
    return this.#adapter;
  }

  connectedCallback(): void {
    this.hidden = true;
    if (!this.#client) this.#start();
    provideClient(this.#client);
  }

  disconnectedCallback(): void {
    provideClient(undefined);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#adapter || !this.#client || old === value) return;
    if (name === 'traffic') {
      this.#adapter.engine.setTraffic(this.#traffic() ?? SCENARIOS[this.#scenario()].traffic);
      return;
    }
    this.#adapter.engine.setTraffic(false);
    this.#client.dispose();
    this.#start();
    if (this.isConnected) provideClient(this.#client);
  }

  #scenario() {
    const scenario = this.getAttribute('scenario') ?? 'liveTraffic';
    if (!isScenarioName(scenario)) throw new TypeError(`<cc-simulator>: no scenario named "${scenario}".`);
    return scenario;
  }

  #traffic(): boolean | undefined {
    const traffic = this.getAttribute('traffic');
    return traffic === null ? undefined : traffic !== 'off';
  }

  #start(): void {
    const agentId = this.getAttribute('agent-id');
    const traffic = this.#traffic();
    this.#adapter = createSimAdapter({
      scenario: this.#scenario(),
      ...(agentId ? { agentId } : {}),
      ...(traffic === undefined ? {} : { traffic }),
    });
    this.#client = createClient({ adapter: this.#adapter, storage: webStorage(localStorage) });
  }
}
