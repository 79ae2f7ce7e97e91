// A CRM page hosting only <cc-call-banner> and <cc-task-pane> (PL-7, CB-5): the page signs the
// agent in through the client itself (it has no station login), and opens the customer's record
// from the widgets' `cc-*` events — a call offered, answered, ended; a chat or email offered,
// accepted — then logs the call's outcome (the wrap-up reason) from its own form.

import { createClient, webStorage, type IndicatorState, type SignInRequest } from '@cc-elements/core';
import { createSimAdapter } from '@cc-elements/adapter-sim';
// Only the two widgets this page shows: nothing else is loaded.
import '@cc-elements/widgets/cc-call-banner.js';
import '@cc-elements/widgets/cc-task-pane.js';
import type { CallDetail, TaskDetail } from '@cc-elements/widgets';
import { filter, firstValueFrom } from 'rxjs';
import { CUSTOMERS, findCustomer, type CrmCustomer } from './customers.js';

/** Where the simulator sends this page's callers and chats: queues Ana takes. */
const VOICE_QUEUE = 'q-sales';
const CHAT_QUEUE = 'dq-chat';

/** The CRM knows the agent's phone: extension 1001, team Billing. */
const STATION: SignInRequest = { role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' };

// `?traffic=on` lets random callers in too (they are not in the CRM: their record is "not found").
const params = new URLSearchParams(location.search);
const adapter = createSimAdapter({ scenario: 'liveTraffic', agentId: 'ana.popescu', traffic: params.get('traffic') === 'on' });
const client = createClient({ adapter, storage: webStorage(localStorage) });
(window as unknown as { ccCrm: unknown }).ccCrm = { client, adapter }; // for the console and the e2e test

// PL-2: no <cc-provider> here — each widget gets the client as a property.
const banner = document.querySelector('cc-call-banner')!;
const pane = document.querySelector('cc-task-pane')!;
banner.client = client;
pane.client = client;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

// ——— The agent's state: signed in by the page, Ready / Not Ready from its own buttons. ———

const agentStatus = $('#agent-status');
const readyButton = $<HTMLButtonElement>('#ready');
const notReadyButton = $<HTMLButtonElement>('#not-ready');
const STATUS_WORDS: Record<IndicatorState, string> = {
  signedOut: 'Not signed in to the contact center.',
  failed: 'Sign-in failed on every channel.',
  allNotReady: 'Signed in (extension 1001) — Not Ready.',
  allReady: 'Signed in (extension 1001) — Ready: calls and chats come to you.',
  partial: 'Signed in (extension 1001) — Ready on some channels.',
};
client.indicator$.subscribe((indicator) => {
  agentStatus.textContent = STATUS_WORDS[indicator];
  readyButton.disabled = indicator === 'signedOut' || indicator === 'allReady';
  notReadyButton.disabled = indicator === 'signedOut' || indicator === 'allNotReady';
});
const command = (action: () => Promise<unknown>) => () => {
  action().catch((error: unknown) => (agentStatus.textContent = error instanceof Error ? error.message : String(error)));
};
readyButton.addEventListener(
  'click',
  command(() => client.setChannelState('all', 'ready')),
);
notReadyButton.addEventListener(
  'click',
  command(() => client.setChannelState('all', 'notReady')),
);

// Sign in once the backend has said who the agent is (unless already signed in).
command(async () => {
  const state = await firstValueFrom(client.state$.pipe(filter((s) => s.profile !== undefined)));
  if (!state.session) await client.signIn(STATION);
})();

// ——— The customer table and the record (screen-pop). ———

const rows = new Map<string, HTMLTableRowElement>();
for (const customer of CUSTOMERS) {
  const row = $<HTMLTableSectionElement>('#customers tbody').insertRow();
  row.dataset.customerId = customer.id;
  for (const value of [customer.name, customer.phone, customer.email, customer.account, customer.tier])
    row.insertCell().textContent = value;
  rows.set(customer.id, row);
}

/** Each record's activity, newest first (by customer id, or by the address of someone not in the CRM). */
const activity = new Map<string, string[]>();
/** The record on screen. */
let shownKey: string | undefined;

const reason = $('#record-reason');
const card = $<HTMLElement>('#record-card');

/** Opens the record of `customer` (or says there is none for `address`), saying why it opened. */
function screenPop(customer: CrmCustomer | undefined, address: string | undefined, name: string | undefined, why: string) {
  shownKey = customer?.id ?? address ?? name ?? 'unknown';
  for (const [id, row] of rows) row.setAttribute('aria-current', String(id === customer?.id));
  reason.textContent = why;
  card.hidden = false;
  $('#record-name').textContent = customer
    ? `${customer.name} (${customer.id})`
    : `No customer record for ${address ?? 'this contact'}${name ? ` — ${name}` : ''}`;
  const fields: [string, string][] = customer
    ? [
        ['Phone', customer.phone],
        ['Email', customer.email],
        ['Account', customer.account],
        ['Tier', customer.tier],
        ['Customer since', customer.since],
        ['Open case', customer.openCase ?? 'None'],
      ]
    : [];
  $('#record-fields').replaceChildren(
    ...fields.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  renderActivity();
}

function log(line: string) {
  if (shownKey === undefined) return;
  const time = new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  activity.set(shownKey, [`${time} ${line}`, ...(activity.get(shownKey) ?? [])]);
  renderActivity();
}

function renderActivity() {
  $('#record-activity').replaceChildren(
    ...(activity.get(shownKey ?? '') ?? []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
}

// ——— The widgets' events. Listened to on the dock that holds them: they bubble and are composed. ———

const phone = $<HTMLElement>('#phone');
const callPop = (d: CallDetail, why: string) =>
  screenPop(findCustomer({ phone: d.callerId, name: d.customerName }), d.callerId, d.customerName, why);

phone.addEventListener('cc-call-offered', ({ detail: d }) => {
  callPop(d, `Incoming ${d.callback ? 'callback to' : 'call from'} ${d.callerId ?? 'an unknown number'} — ${d.queueName ?? 'no queue'}`);
  log(`${d.callback ? 'Callback' : 'Call'} ringing (${d.queueName ?? 'no queue'})`);
});
phone.addEventListener('cc-call-accepted', ({ detail: d }) => {
  callPop(d, `On a call with ${d.customerName ?? d.callerId ?? 'the caller'}`);
  log('Call answered');
});
phone.addEventListener('cc-call-declined', ({ detail: d }) => {
  callPop(d, `Declined a call from ${d.callerId ?? 'an unknown number'}`);
  log('Call declined, back to the queue');
});
phone.addEventListener('cc-call-ended', ({ detail: d }) => {
  callPop(d, `Call with ${d.customerName ?? d.callerId ?? 'the caller'} ended`);
  log('Call ended');
  if (d.next === 'wrapUp') askOutcome(d.taskId);
});

const field = (d: TaskDetail, id: string) => d.customer.find((f) => f.id === id)?.value || undefined;
const taskPop = (d: TaskDetail, why: string) => {
  const address = field(d, 'email') ?? field(d, 'phone') ?? field(d, 'handle');
  screenPop(findCustomer({ email: field(d, 'email'), phone: field(d, 'phone'), name: d.customerName }), address, d.customerName, why);
};
phone.addEventListener('cc-task-offered', ({ detail: d }) => {
  taskPop(d, `New ${d.media} from ${d.customerName ?? 'a customer'} — ${d.queueName ?? 'no queue'}`);
  log(`${d.media} offered (${d.queueName ?? 'no queue'})`);
});
phone.addEventListener('cc-task-accepted', ({ detail: d }) => {
  taskPop(d, `In a ${d.media} with ${d.customerName ?? 'a customer'}`);
  log(`${d.media} accepted`);
});

// TP-3: unread messages while the agent works in the CRM.
const unread = $<HTMLElement>('#unread');
phone.addEventListener('cc-unread', ({ detail }) => {
  unread.hidden = detail.total === 0;
  unread.textContent = `${detail.total} unread`;
});

// ——— WU: the call's outcome is logged in the CRM, which sets the wrap-up reason and closes it. ———

const outcomeForm = $<HTMLFormElement>('#outcome-form');
const outcome = $<HTMLSelectElement>('#outcome');
let wrappingUp: string | undefined;

function askOutcome(taskId: string) {
  wrappingUp = taskId;
  outcome.replaceChildren(new Option('Choose an outcome', ''), ...client.state.tenant.wrapUpReasons.map((r) => new Option(r.label, r.id)));
  outcomeForm.hidden = false;
}

outcomeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const taskId = wrappingUp;
  const chosen = outcome.selectedOptions[0];
  if (!taskId || !chosen?.value) return;
  command(async () => {
    await client.chooseWrapUpReason(taskId, chosen.value);
    await client.closeWrapUp(taskId);
    log(`Outcome logged: ${chosen.text}`);
  })();
});

// The form goes once the wrap-up is over, however it closed (here, or by itself at its deadline, WU-2).
client.tasks$.subscribe((tasks) => {
  if (wrappingUp && !tasks.some((t) => t.id === wrappingUp)) {
    wrappingUp = undefined;
    outcomeForm.hidden = true;
  }
});

// ——— The simulator: someone from the table (or a stranger) calls or starts a chat. ———

const who = $<HTMLSelectElement>('#sim-customer');
who.add(new Option('Someone not in the CRM', ''));
for (const customer of CUSTOMERS) who.add(new Option(customer.name, customer.id));
const simStatus = $('#sim-status');
const chosenCustomer = () => CUSTOMERS.find((c) => c.id === who.value);
$('#sim-call').addEventListener('click', () => {
  const customer = chosenCustomer();
  adapter.engine.injectCall({ queueId: VOICE_QUEUE, ...(customer ? { from: customer.phone, customerName: customer.name } : {}) });
  simStatus.textContent = `${customer?.name ?? 'Someone'} is calling Sales.`;
});
$('#sim-chat').addEventListener('click', () => {
  const customer = chosenCustomer();
  adapter.engine.injectContact({ queueId: CHAT_QUEUE, ...(customer ? { from: customer.email, customerName: customer.name } : {}) });
  simStatus.textContent = `${customer?.name ?? 'Someone'} started a chat.`;
});
