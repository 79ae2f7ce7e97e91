// The agent desktop on the Finesse-style adapter (a non-gadget client, protocol brief §11.3): the
// same widgets as the simulator demo, on createFinesseAdapter speaking REST and XMPP to the two
// emulator nodes directly (CORS), with the emulator's panel to send callers and take a node out
// of service (SE-4). Started by `npm run demo:finesse`, which serves the emulator's URLs and the
// demo users' credentials at /__finesse/env.json.

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createFinesseAdapter, type FinesseAdapterOptions } from '@cc-elements/adapter-finesse';
import { isScenarioName, SCENARIOS } from '@cc-elements/adapter-sim';
// Every widget: the first view's at once, the rest on first use.
import '@cc-elements/widgets/cc-all.js';
import { loadEmulatorEnv, pickUser, showNotStarted, type EmulatorEnv } from './env.js';
import { mountEmulatorPanel } from './emulator-panel.js';

const env = await loadEmulatorEnv();
if (!env) {
  showNotStarted(document.querySelector('main')!);
} else {
  const user = pickUser(env, new URLSearchParams(location.search).get('agent'));
  const agentSelect = document.querySelector<HTMLSelectElement>('#agent')!;
  for (const u of env.users) agentSelect.add(new Option(`${u.name} (${u.roles.join(', ')})`, u.id, false, u.id === user.id));
  document.querySelector('#agent-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    location.search = new URLSearchParams({ agent: agentSelect.value }).toString();
  });
  document.querySelector('#signed-in-as')!.textContent = `${user.name} (${user.id}), extension ${user.extension ?? '–'}`;

  const transferTargets = isScenarioName(env.scenario) ? SCENARIOS[env.scenario].tenant.transferTargets : [];
  const adapter = createFinesseAdapter({
    nodes: nodesOf(env),
    credentials: { kind: 'basic', id: user.id, password: user.password },
    transferTargets,
    // Quicker than a real desktop (60–180 s, brief §10) so failover shows within seconds.
    failover: { backoffMs: 500, maxBackoffMs: 3_000, alternateAfterMs: 4_000 },
    pingIntervalMs: 5_000,
  });
  const client: CcClient = createClient({ adapter, storage: webStorage(localStorage) });
  for (const provider of document.querySelectorAll('cc-provider')) provider.client = client;

  const panel = mountEmulatorPanel(document.querySelector('#emulator-panel')!, env);
  adapter.node$.subscribe((index) => panel.showAdapterNode(index));

  const pre = document.querySelector('#state')!;
  client.state$.subscribe((state) => (pre.textContent = JSON.stringify(state, null, 2)));
  (window as unknown as { ccClient: CcClient }).ccClient = client; // for the console: the page's client
}

/** The primary node, and the secondary when the emulator runs two. */
function nodesOf(env: EmulatorEnv): FinesseAdapterOptions['nodes'] {
  const [primary, secondary] = env.nodes.map((n) => ({ restUrl: n.restUrl, xmppUrl: n.xmppUrl }));
  return secondary ? [primary!, secondary] : [primary!];
}
