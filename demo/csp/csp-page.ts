// PL-6: the page behind demo/csp/index.html — every widget on the simulator under a strict CSP with
// Trusted Types. An agent (Ana) and a supervisor (Camille) on one simulated floor, each with their
// own client and <cc-provider>; buttons send callers, chats and an email whose HTML carries links,
// an image from this origin (shown once the agent allows images), a style sheet and inline styles.

import { createClient, memoryStorage, type CcClient } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS, SimContactCenter } from '@cc-elements/adapter-sim';
import type { CcEmailComposer, CcProvider } from '@cc-elements/widgets';
import '@cc-elements/widgets/cc-all.js';

const scenario = 'supervisorFloor';
// Quiet: the test sends every caller and contact itself.
const engine = new SimContactCenter({ scenario, traffic: false });
const agentId = 'ana.popescu';
const agent: CcClient = createClient({ adapter: createSimAdapter({ engine, agentId }), storage: memoryStorage() });
const supervisor: CcClient = createClient({
  adapter: createSimAdapter({ engine, agentId: 'camille.durand' }),
  storage: memoryStorage(),
});
document.querySelector<CcProvider>('#agent')!.client = agent;
document.querySelector<CcProvider>('#supervisor')!.client = supervisor;

// The whole email view (offer, thread with its HTML, reply) follows the agent's newest email task.
const emailView = document.querySelector<CcEmailComposer>('#email')!;
agent.tasks$.subscribe((tasks) => {
  const email = tasks.filter((t) => t.media === 'email').at(-1);
  if (email && emailView.taskId !== email.id) emailView.taskId = email.id;
});

/** A queue of this medium that Ana takes. */
const queueOf = (media: string) =>
  SCENARIOS[scenario].queues.find(
    (q) => q.media === media && q.direction === 'inbound' && q.members.some((m) => m.agentId === agentId && m.enabled),
  )!;

/**
 * An email as mail clients send them — a style sheet, inline styles, links, an image and a table —
 * and what a hostile one adds (a script, handlers, a javascript: link, a frame): shown, none of it
 * may trip the page's policy.
 */
const emailHtml = () => `<style>
  .brand { color: #1d4ed8; font-weight: bold; }
  td { padding: 4px 8px; border: 1px solid #94a3b8; }
</style>
<p class="brand">Acme Customer</p>
<p style="color: #b91c1c; margin-left: 12px">My order <b>ORD-8812</b> arrived damaged.</p>
<p>The tracking page is <a href="https://tracking.example.com/ORD-8812">here</a>; write to
<a href="mailto:ana.customer@example.org">me</a> or <a href="javascript:alert(1)">click</a>.</p>
<p><img src="${location.origin}/mark.svg" alt="Acme logo" width="120" height="40"></p>
<table><tr><td>Blender X2</td><td style="text-align: right">€89.90</td></tr></table>
<p onclick="alert(2)">Thank you</p>
<script>alert(3)</script><img src="javascript:alert(4)" onerror="alert(5)" alt=""><iframe src="https://evil.example.net/"></iframe>`;

const status = document.querySelector('#sim-status')!;
const on = (id: string, act: () => string) => document.querySelector(id)!.addEventListener('click', () => (status.textContent = act()));
on('#send-call', () => {
  const queue = queueOf('voice');
  engine.injectCall({ queueId: queue.id, from: '+14155550199' });
  return `A caller is waiting in ${queue.name}.`;
});
on('#send-chat', () => {
  const queue = queueOf('chat');
  engine.injectContact({ queueId: queue.id, customerName: 'Chloé Martin', text: 'Hello, where is my parcel?' });
  return `A chat is waiting in ${queue.name}.`;
});
on('#send-email', () => {
  const queue = queueOf('email');
  engine.injectContact({
    queueId: queue.id,
    customerName: 'Ravi Kumar',
    from: 'ravi.kumar@example.org',
    subject: 'Damaged order ORD-8812',
    text: 'My order ORD-8812 arrived damaged.',
    html: emailHtml(),
  });
  return `An email is waiting in ${queue.name}.`;
});
on('#customer-writes', () => {
  const chat = agent.state.tasks.find((t) => t.media === 'chat' && t.status === 'active');
  if (!chat) return 'There is no chat to answer.';
  engine.customerWrites(chat.id, { text: 'Thanks, that helps.' });
  return 'The customer wrote back.';
});

// For the end-to-end test: both clients and the simulator.
Object.assign(window, { ccAgent: agent, ccSupervisor: supervisor, ccEngine: engine });
