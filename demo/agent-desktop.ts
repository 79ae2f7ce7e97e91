// The agent desktop demo: the widgets on the in-browser simulator, a scenario picker, fault
// injection for SL-10's error paths, and the client's state stream as it changes.

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, isScenarioName, SCENARIOS, SCENARIO_NAMES, type ScenarioName } from '@cc-elements/adapter-sim';
import '@cc-elements/widgets/cc-provider.js';
import '@cc-elements/widgets/cc-station-login.js';
import '@cc-elements/widgets/cc-agent-state.js';
import type { ErrorCode } from '@cc-elements/core';

const params = new URLSearchParams(location.search);
const requested = params.get('scenario') ?? 'default';
const scenarioName: ScenarioName = isScenarioName(requested) ? requested : 'default';
const scenario = SCENARIOS[scenarioName];
const agentId = scenario.agents.some((a) => a.id === params.get('agent')) ? params.get('agent')! : scenario.agents[0]!.id;

const adapter = createSimAdapter({ scenario: scenarioName, agentId });
const client: CcClient = createClient({ adapter, storage: webStorage(localStorage) });

for (const provider of document.querySelectorAll('cc-provider')) provider.client = client;

// Scenario and agent pickers.
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
const agentSelect = document.querySelector<HTMLSelectElement>('#agent')!;
const description = document.querySelector('#scenario-description')!;
for (const name of SCENARIO_NAMES) scenarioSelect.add(new Option(SCENARIOS[name].title, name, false, name === scenarioName));
const fillAgents = (name: ScenarioName) => {
  agentSelect.replaceChildren(
    ...SCENARIOS[name].agents.map((a) => new Option(`${a.name} (${a.roles.join(', ')})`, a.id, false, a.id === agentId)),
  );
  description.textContent = SCENARIOS[name].description;
};
fillAgents(scenarioName);
scenarioSelect.addEventListener('change', () => fillAgents(scenarioSelect.value as ScenarioName));
document.querySelector('#scenario-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  location.search = new URLSearchParams({ scenario: scenarioSelect.value, agent: agentSelect.value }).toString();
});

// SL-10: arm a server-side refusal of the next sign-in.
document.querySelector('#fault-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = (event.target as HTMLFormElement).code.value as ErrorCode;
  adapter.engine.failNext('session.signIn', code);
  document.querySelector('#fault-status')!.textContent = `The next sign-in will be refused (${code}).`;
});

// The state stream, as a host without widgets would see it.
const pre = document.querySelector('#state')!;
client.state$.subscribe((state) => {
  pre.textContent = JSON.stringify(state, null, 2);
});

// Host-side reactions to widget events.
document.addEventListener('cc-sign-in-error', () => (document.querySelector('#fault-status')!.textContent = ''));
(window as unknown as { ccClient: CcClient }).ccClient = client; // for the console: the demo's client
