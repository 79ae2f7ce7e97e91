// The supervisor desktop demo: a supervisor of the simulator's floor (40 agents, or 5,000) with the
// queue list in monitoring mode and <cc-supervisor-grid> — agents and queues live, actions as the
// backend's policy allows, failures shown as the host would log them.

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS } from '@cc-elements/adapter-sim';
import '@cc-elements/widgets/cc-provider.js';
import '@cc-elements/widgets/cc-station-login.js';
import '@cc-elements/widgets/cc-queue-list.js';
import '@cc-elements/widgets/cc-supervisor-grid.js';

const FLOORS = ['supervisorFloor', 'supervisorLarge'] as const;
type Floor = (typeof FLOORS)[number];

const params = new URLSearchParams(location.search);
const requested = params.get('floor');
const floor: Floor = FLOORS.find((f) => f === requested) ?? 'supervisorFloor';
const traffic = params.get('traffic') !== 'off';

const adapter = createSimAdapter({ scenario: floor, traffic });
const client: CcClient = createClient({ adapter, storage: webStorage(localStorage) });
for (const provider of document.querySelectorAll('cc-provider')) provider.client = client;

const select = document.querySelector<HTMLSelectElement>('#floor')!;
const description = document.querySelector('#floor-description')!;
select.value = floor;
const describe = () => (description.textContent = SCENARIOS[select.value as Floor].description);
describe();
select.addEventListener('change', describe);
document.querySelector('#floor-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  location.search = new URLSearchParams({ floor: select.value, ...(traffic ? {} : { traffic: 'off' }) }).toString();
});

const trafficBox = document.querySelector<HTMLInputElement>('#traffic')!;
trafficBox.checked = traffic;
trafficBox.addEventListener('change', () => adapter.engine.setTraffic(trafficBox.checked));

const lastError = document.querySelector('#last-error')!;
document.addEventListener('cc-supervisor-error', (event) => {
  const { message, traceId } = (event as CustomEvent<{ message: string; traceId?: string }>).detail;
  lastError.textContent = traceId ? `${message} (trace ${traceId})` : message;
});

// For the end-to-end test and the curious: the client on the window.
(window as unknown as { ccClient: CcClient }).ccClient = client;
