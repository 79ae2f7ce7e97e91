// The emulator's settings for what the protocol brief leaves UNVERIFIED, on one node: SSO-only
// auth (tokens for REST and XMPP), no auto-subscription, capitalized data roots, notifications
// without the pubsub namespace, mandatory reason codes, decline by DROP, and Ready again after RONA.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import { startFinesseEmulator, type FinesseEmulator, type FinesseEmulatorNode } from './server.js';
import { agentParticipant, dialogOf, Subscriber, update } from './emulator.test-support.js';

/** Sales rings for 300 ms only, so a missed call (RONA) happens within the test. */
const SCENARIO: SimScenario = {
  ...SCENARIOS.default,
  title: 'Finesse emulator options',
  queues: SCENARIOS.default.queues.map((q) => (q.id === 'q-sales' ? { ...q, offerTimeoutMs: 300 } : q)),
};

const agent = 'ana.popescu';
let emulator: FinesseEmulator;
let node: FinesseEmulatorNode;
let token: string;
let xmpp: Subscriber | undefined;

function call(method: string, path: string, body?: string, requestId?: string): Promise<Response> {
  return fetch(`${node.restUrl}/finesse/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(requestId === undefined ? {} : { requestId }) },
    ...(body === undefined ? {} : { body }),
  });
}

beforeAll(async () => {
  emulator = await startFinesseEmulator({
    scenario: SCENARIO,
    nodes: [{ host: 'finesse-solo.localhost' }],
    systemAuthMode: 'SSO',
    tokens: { [agent]: 'token-of-ana' },
    autoSubscribe: false,
    dataElementCase: 'capitalized',
    notificationNamespace: null,
    reasonCodesRequired: true,
    declineByDrop: true,
    ronaState: 'READY',
  });
  node = emulator.nodes[0]!;
  token = 'token-of-ana';
});

afterAll(async () => {
  await xmpp?.stop();
  await emulator?.stop();
});

describe('Finesse emulator options (UNVERIFIED behaviours)', () => {
  it('a single node has no secondaryNode; SSO mode takes Bearer tokens only, for REST and for XMPP', async () => {
    const info = await (await fetch(`${node.restUrl}/finesse/api/SystemInfo`)).text();
    expect(info).toContain('<xmppDomain>finesse-solo.localhost</xmppDomain>');
    expect(info).toContain('<systemAuthMode>SSO</systemAuthMode>');
    expect(info).not.toContain('<secondaryNode>');
    const basic = await fetch(`${node.restUrl}/finesse/api/User/${agent}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${agent}:secret`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
    expect((await call('GET', `/User/${agent}`)).status).toBe(200);

    xmpp = await Subscriber.connect(node, { id: agent, password: token });
    for (const pubsubNode of [`/finesse/api/User/${agent}`, `/finesse/api/User/${agent}/Dialogs`]) await xmpp.subscribe(node, pubsubNode);
  });

  it('ST-3: with reason codes required, NOT_READY without one is refused; data roots are capitalized', async () => {
    expect((await call('PUT', `/User/${agent}`, '<User><state>LOGIN</state><extension>1003</extension></User>', 'in')).status).toBe(202);
    const signedIn = await xmpp!.take(update({ requestId: 'in' }));
    expect(signedIn.data.name).toBe('User');
    const refused = await call('PUT', `/User/${agent}`, '<User><state>NOT_READY</state></User>');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<ErrorType>Parameter Missing</ErrorType>');
  });

  it('CB-2/ST-6/ST-8: DROP on a ringing call declines it (Not Ready, system reason); a missed call leaves the agent Ready again', async () => {
    await call('PUT', `/User/${agent}`, '<User><state>READY</state></User>', 'ready');
    await xmpp!.take(update({ requestId: 'ready' }));
    const callId = emulator.engine.injectCall({ queueId: 'q-sales' });
    const offered = await xmpp!.take(update({ event: 'POST' }));
    expect(offered.data.name).toBe('Dialogs');
    const dialog = dialogOf(offered);
    expect(agentParticipant(dialog).actions).toEqual(['ANSWER', 'DROP']);

    const dialogId = dialog.getChildText('id')!;
    await call('PUT', `/Dialog/${dialogId}`, '<Dialog><requestedAction>DROP</requestedAction></Dialog>', 'decline');
    await xmpp!.take(update({ requestId: 'decline', event: 'DELETE' }));
    const declined = await xmpp!.take(update({ source: `/finesse/api/User/${agent}`, state: 'NOT_READY' }));
    expect(declined.data.getChild('ReasonCode')!.getChildText('systemCode')).toBe('true');
    expect(emulator.engine.calls().find((c) => c.id === callId)?.status).toBe('waiting');

    // Ready anew: the same caller rings again, and this time nobody answers.
    await call('PUT', `/User/${agent}`, '<User><state>READY</state></User>', 'ready-again');
    await xmpp!.take(update({ event: 'POST' }));
    await xmpp!.take(update({ event: 'DELETE' }));
    const missed = await xmpp!.take(update({ source: `/finesse/api/User/${agent}`, state: 'NOT_READY' }));
    expect(missed.data.getChildText('reasonCodeId')).toBe(String(emulator.settings.systemReasonCodes.rona));
    // Ready again at once, so the caller, still waiting, rings once more.
    await xmpp!.take(update({ source: `/finesse/api/User/${agent}`, state: 'RESERVED' }));
    emulator.engine.hangUp(callId);
  });
});
