// The agent desktop demo: the widgets on the in-browser simulator, a scenario picker, callers
// sent by hand or by random traffic, fault injection for SL-10's error paths, a CRM log fed by
// the call banner's events (CB-5), and the client's state stream as it changes.

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, isScenarioName, SCENARIOS, SCENARIO_NAMES, type ScenarioName } from '@cc-elements/adapter-sim';
// Every widget: the first view's at once, the rest on first use.
import '@cc-elements/widgets/cc-all.js';
import type { ErrorCode } from '@cc-elements/core';
import type { Subscription } from 'rxjs';

const params = new URLSearchParams(location.search);
// Live traffic unless asked otherwise: a desk where calls come in.
const requested = params.get('scenario') ?? 'liveTraffic';
const scenarioName: ScenarioName = isScenarioName(requested) ? requested : 'liveTraffic';
const scenario = SCENARIOS[scenarioName];
const agentId = scenario.agents.some((a) => a.id === params.get('agent')) ? params.get('agent')! : scenario.agents[0]!.id;

// `?traffic=off` keeps a live-traffic scenario quiet (the end-to-end test sends its callers by hand).
const traffic = params.get('traffic') === null ? {} : { traffic: params.get('traffic') !== 'off' };
const adapter = createSimAdapter({ scenario: scenarioName, agentId, ...traffic });
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

// Callers by hand: pick a queue, optionally a caller id; or let random traffic run.
const queueSelect = document.querySelector<HTMLSelectElement>('#call-queue')!;
for (const queue of scenario.queues) {
  const kind = queue.media !== 'voice' ? queue.media : queue.direction === 'outbound' ? 'callback' : 'inbound';
  queueSelect.add(new Option(`${queue.name} (${kind})`, queue.id));
}
const callStatus = document.querySelector('#call-status')!;
const trafficBox = document.querySelector<HTMLInputElement>('#traffic')!;
trafficBox.checked = adapter.engine.traffic;
trafficBox.addEventListener('change', () => adapter.engine.setTraffic(trafficBox.checked));
document.querySelector('#call-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const from = document.querySelector<HTMLInputElement>('#call-from')!.value.trim();
  try {
    const id = adapter.engine.injectCall({ queueId: queueSelect.value, ...(from === '' ? {} : { from }) });
    callStatus.textContent = `Caller ${id} is waiting in ${queueSelect.selectedOptions[0]!.text}.`;
  } catch (error) {
    callStatus.textContent = error instanceof Error ? error.message : String(error);
  }
});
document.querySelector('#hang-up')!.addEventListener('click', () => {
  const call = client.state.tasks.find((t) => t.media === 'voice' && (t.status === 'active' || t.status === 'held'));
  if (!call) {
    callStatus.textContent = 'There is no connected call to hang up.';
    return;
  }
  adapter.engine.hangUp(call.id);
  callStatus.textContent = 'The caller hung up.';
});

// A customer of the conversation on screen writes again (TP-3 unread when it is not on screen).
document.querySelector('#customer-writes')!.addEventListener('click', () => {
  const shown = client.state.tasks.find((t) => t.id === client.state.selectedTaskId && t.media !== 'voice');
  const any = shown ?? client.state.tasks.find((t) => t.media !== 'voice' && (t.status === 'active' || t.status === 'held'));
  if (!any) {
    callStatus.textContent = 'There is no conversation in progress.';
    return;
  }
  adapter.engine.customerWrites(
    any.id,
    any.media === 'email' ? { html: '<p>One more thing about my order.</p>' } : { text: 'One more thing…' },
  );
  callStatus.textContent = `${any.customerName ?? 'The customer'} wrote again.`;
});

// CB-5: what a CRM host does with the banner's events — look the caller up, log the call.
const crmLog = document.querySelector('#crm-log')!;
const log = (line: string) => {
  const item = document.createElement('li');
  item.textContent = line;
  crmLog.prepend(item);
  while (crmLog.children.length > 8) crmLog.lastElementChild!.remove();
};
// Listened to on the element holding the widgets: `cc-*` events are typed in HTMLElementEventMap.
const desk = document.querySelector<HTMLElement>('#main-provider')!;
desk.addEventListener('cc-call-offered', (e) =>
  log(`Ringing: looking up ${e.detail.callerId ?? 'an unknown caller'} (${e.detail.queueName ?? 'no queue'})`),
);
desk.addEventListener('cc-call-accepted', (e) => log(`Connected: opened the record of ${e.detail.callerId ?? 'the caller'}`));
desk.addEventListener('cc-call-ended', (e) => log(`Ended: call with ${e.detail.callerId ?? 'the caller'} logged`));

// TP-3: the host's red dot for unread messages.
const dot = document.querySelector<HTMLElement>('#unread-dot')!;
desk.addEventListener('cc-unread', (e) => {
  dot.hidden = e.detail.total === 0;
  dot.textContent = `${e.detail.total} unread`;
});

// The state stream, as a host without widgets would see it.
// Written out only while its <details> is open: a page's work stays the widgets'.
const pre = document.querySelector('#state')!;
const stream = pre.closest('details')!;
let writing: Subscription | undefined;
stream.addEventListener('toggle', () => {
  writing?.unsubscribe();
  writing = stream.open ? client.state$.subscribe((state) => (pre.textContent = JSON.stringify(state, null, 2))) : undefined;
});

// Host-side reactions to widget events.
document.addEventListener('cc-sign-in-error', () => (document.querySelector('#fault-status')!.textContent = ''));
(window as unknown as { ccClient: CcClient }).ccClient = client; // for the console: the demo's client
