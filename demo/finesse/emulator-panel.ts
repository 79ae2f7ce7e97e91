// The side panel of the Finesse demo pages: drives the emulator through its JSON control endpoint
// (packages/adapters/finesse/emulator/http.ts) — send a caller or a contact to a queue, let the
// caller hang up, switch random traffic, and take a node out of service and back to show failover
// (SE-4: the widgets' "connection lost" banner, then the same state on the other node).

import { isScenarioName, SCENARIOS } from '@cc-elements/adapter-sim';
import type { EmulatorEnv } from './env.js';

interface NodeView {
  readonly name: string;
  readonly status: string;
}

/** What the control endpoint answers to GET and to `status`. */
interface ControlInfo {
  readonly nodes: readonly NodeView[];
}

/** POSTs a control action (or GETs the info with `undefined`) and returns its JSON, or throws its error text. */
async function control<T>(env: EmulatorEnv, action: string | undefined, body: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(action === undefined ? env.control : `${env.control}/${action}`, {
    ...(action === undefined
      ? { method: 'GET' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(json.error ?? `The emulator answered ${response.status}.`);
  return json;
}

/** An element with properties (id, type, className, …) and children. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Readonly<Record<string, string | boolean>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Fills `panel` with the emulator's controls. `adapterNode` tells which node the page's adapter is on, when it can see it. */
export function mountEmulatorPanel(panel: HTMLElement, env: EmulatorEnv): { showAdapterNode(index: number): void } {
  const scenario = isScenarioName(env.scenario) ? SCENARIOS[env.scenario] : undefined;
  const status = element('p', { id: 'emulator-status', className: 'muted' });
  status.setAttribute('role', 'status');
  const say = (text: string) => (status.textContent = text);
  const failed = (error: unknown) => say(error instanceof Error ? error.message : String(error));

  // Callers and contacts.
  const queue = element('select', { id: 'call-queue', name: 'queue' });
  for (const q of scenario?.queues ?? []) {
    if (q.media === 'voice' && q.direction === 'outbound') continue;
    queue.add(new Option(`${q.name} (${q.media === 'voice' ? 'call' : q.media})`, q.id));
  }
  const from = element('input', { id: 'call-from', name: 'from', type: 'tel', placeholder: '+14155550123', autocomplete: 'off' });
  const injected: string[] = [];
  const callForm = element(
    'form',
    { id: 'call-form' },
    element('label', { htmlFor: 'call-queue' }, 'Send a caller or contact to'),
    queue,
    element('label', { htmlFor: 'call-from' }, 'Caller id'),
    from,
    element('button', { type: 'submit', id: 'send-call' }, 'Send a caller or contact'),
    element('button', { type: 'button', id: 'hang-up' }, 'The last caller hangs up'),
  );
  callForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const media = scenario?.queues.find((q) => q.id === queue.value)?.media ?? 'voice';
    const caller = from.value.trim();
    const body = { queueId: queue.value, ...(caller === '' ? {} : { from: caller }) };
    control<{ taskId: string }>(env, media === 'voice' ? 'calls' : 'contacts', body).then(({ taskId }) => {
      if (media === 'voice') injected.push(taskId);
      say(`${media === 'voice' ? 'A caller' : 'A customer'} (${taskId}) is waiting in ${queue.selectedOptions[0]?.text ?? queue.value}.`);
    }, failed);
  });
  callForm.querySelector('#hang-up')!.addEventListener('click', () => {
    const taskId = injected.pop();
    if (taskId === undefined) {
      say('No caller sent from here is left to hang up.');
      return;
    }
    control(env, 'hangup', { taskId }).then(() => say(`Caller ${taskId} hung up.`), failed);
  });

  const traffic = element('input', { type: 'checkbox', id: 'traffic', checked: scenario?.traffic ?? false });
  traffic.addEventListener('change', () =>
    control<{ traffic: boolean }>(env, 'traffic', { on: traffic.checked }).then(
      (answer) => say(answer.traffic ? 'Random traffic is on.' : 'Random traffic is off.'),
      failed,
    ),
  );
  const trafficLabel = element('label', { className: 'inline' }, traffic, ' Random traffic');

  // Nodes: out of service and back.
  const nodeStatus = element('p', { id: 'node-status', className: 'muted' });
  const adapterNode = element('p', { id: 'adapter-node', className: 'muted' });
  const showNodes = (info: ControlInfo) =>
    (nodeStatus.textContent = info.nodes
      .map((n) => `${n.name}: ${n.status === 'IN_SERVICE' ? 'in service' : 'OUT OF SERVICE'}`)
      .join(' · '));
  const nodeButtons = env.nodes.flatMap((node, index) =>
    (['OUT_OF_SERVICE', 'IN_SERVICE'] as const).map((next) => {
      const button = element(
        'button',
        { type: 'button', id: `${node.name}-${next === 'OUT_OF_SERVICE' ? 'out' : 'in'}` },
        next === 'OUT_OF_SERVICE' ? `Take the ${node.name} out of service` : `Bring the ${node.name} back`,
      );
      button.addEventListener('click', () => {
        say(
          `${next === 'OUT_OF_SERVICE' ? 'Taking' : 'Bringing'} the ${node.name} ${next === 'OUT_OF_SERVICE' ? 'out of service' : 'back'} …`,
        );
        control<ControlInfo>(env, 'status', { node: index, status: next }).then((info) => {
          showNodes(info);
          say(`The ${node.name} is ${next === 'OUT_OF_SERVICE' ? 'out of service' : 'in service again'}.`);
        }, failed);
      });
      return button;
    }),
  );
  const nodeForm = element(
    'form',
    { id: 'node-form' },
    element('h3', {}, 'Nodes (failover, SE-4)'),
    nodeStatus,
    adapterNode,
    ...nodeButtons,
  );
  nodeForm.addEventListener('submit', (event) => event.preventDefault());

  panel.replaceChildren(element('h2', {}, 'Finesse emulator'), callForm, trafficLabel, nodeForm, status);
  control<ControlInfo>(env, undefined).then(showNodes, failed);
  return {
    showAdapterNode: (index) => (adapterNode.textContent = `The widgets speak to the ${env.nodes[index]?.name ?? `node ${index + 1}`}.`),
  };
}
