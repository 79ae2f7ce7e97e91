// F1 (SE-4 soak): many failovers in a row on the Finesse adapter against its emulator and real
// Prosody on loopback. Each round: a call is answered, the node in use goes out of service mid-call,
// the adapter reconnects to the other, the call (status, start time), the agent's availability and
// the chosen wrap-up reason must all still be there; the call ends, wrap-up closes with the reason.
// Prints one JSON line: rounds, how long reconnecting took (median, p95, max), and anything lost.
//
//   npx tsx bench/finesse-soak.ts [rounds]    (npm run bench runs it with a few rounds)

import { WebSocket as NodeWebSocket } from 'ws';
import { createClient, type CcClient } from '@cc-elements/core';
import { SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import { startFinesseEmulator } from '../packages/adapters/finesse/emulator/server.js';
import { createFinesseAdapter, type FinesseAdapterOptions } from '../packages/adapters/finesse/src/index.js';
import { until } from '../packages/adapters/finesse/src/client.test-support.js';

globalThis.WebSocket ??= NodeWebSocket as unknown as typeof globalThis.WebSocket;

const rounds = Number(process.argv[2] ?? 20);
const scenario: SimScenario = { ...SCENARIOS.liveTraffic, title: 'Finesse soak', traffic: false };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const emulator = await startFinesseEmulator({ scenario, engineOptions: { seed: 3 } });
const lost: string[] = [];
const reconnectMs: number[] = [];
let client: CcClient | undefined;
try {
  const user = emulator.users.find((u) => u.id === 'ana.popescu')!;
  const adapter = createFinesseAdapter({
    nodes: emulator.nodes.map((n) => ({ restUrl: n.restUrl, xmppUrl: n.xmppUrl })) as unknown as FinesseAdapterOptions['nodes'],
    credentials: { kind: 'basic', id: user.id, password: user.password },
    failover: { backoffMs: 50, maxBackoffMs: 400, alternateAfterMs: 300 },
    pingIntervalMs: 1_000,
  });
  client = createClient({ adapter });
  await until(client, (s) => s.connection.status === 'connected' && s.profile !== undefined, 'the profile');
  await client.signIn({
    role: 'agent',
    station: { kind: 'extension', extension: user.extension! },
    teamId: client.state.profile!.teams[0]!.id,
  });
  await client.setChannelState('voice', 'ready');
  await until(client, (s) => s.media.voice?.status === 'ready', 'Ready');
  let node = 0;
  for (let round = 1; round <= rounds; round += 1) {
    const callId = emulator.engine.injectCall({ queueId: 'q-sales', customerName: `Caller ${round}` });
    const dialog = () => emulator.dialogIdOf('ana.popescu', callId);
    await until(client, (s) => s.tasks.some((t) => t.id === dialog() && t.status === 'offered'), 'the offer');
    const id = dialog()!;
    await client.accept(id);
    const talking = await until(client, (s) => s.tasks.some((t) => t.id === id && t.status === 'active'), 'talking');
    const startedAt = talking.tasks.find((t) => t.id === id)!.startedAt;

    // Mid-call: the node in use goes away; the other takes over.
    const started = performance.now();
    await emulator.setStatus(node, 'OUT_OF_SERVICE');
    await until(client, (s) => s.connection.status === 'lost', 'lost');
    const back = await until(client, (s) => s.connection.status === 'connected', 'reconnected');
    reconnectMs.push(Math.round(performance.now() - started));
    const task = back.tasks.find((t) => t.id === id);
    if (task?.status !== 'active') lost.push(`round ${round}: the call is ${task?.status ?? 'gone'}`);
    if (task?.startedAt !== startedAt) lost.push(`round ${round}: the call's start time changed`);
    if (back.media.voice?.status !== 'ready') lost.push(`round ${round}: voice is ${back.media.voice?.status ?? 'signed out'}`);
    await emulator.setStatus(node, 'IN_SERVICE');
    node = 1 - node;

    await client.end(id);
    const wrap = await until(client, (s) => s.tasks.some((t) => t.id === id && t.status === 'wrapUp'), 'wrap-up');
    const reason = wrap.tenant.wrapUpReasons[round % wrap.tenant.wrapUpReasons.length]!;
    await client.chooseWrapUpReason(id, reason.id);
    await client.closeWrapUp(id);
    await until(client, (s) => !s.tasks.some((t) => t.id === id), 'closed');
    const closing = emulator.engine.closings(callId).at(-1);
    const expected = scenario.tenant.wrapUpReasons.find((r) => r.label === reason.label)?.id;
    if (closing?.reasonId !== expected) lost.push(`round ${round}: closed with ${closing?.reasonId ?? 'no reason'}, not ${expected}`);
    await client.setChannelState('voice', 'ready');
    await until(client, (s) => s.media.voice?.status === 'ready', 'Ready again');
  }
} finally {
  client?.dispose();
  await emulator.stop();
}
const sorted = [...reconnectMs].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    rounds: reconnectMs.length,
    reconnectMs: { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 },
    lost,
  }),
);
process.exit(lost.length === 0 && reconnectMs.length === rounds ? 0 : 1);
