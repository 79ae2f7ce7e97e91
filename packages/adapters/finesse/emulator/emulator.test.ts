// The Finesse-style emulator over real HTTP and a real Prosody: every request goes through fetch,
// every notification through an @xmpp/client subscriber on WebSocket. One emulator (two nodes)
// serves the whole file; the failover test runs last and leaves both nodes in service.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import { startFinesseEmulator, type FinesseEmulator, type FinesseEmulatorNode } from './server.js';
import { agentParticipant, api, dialogOf, errorType, stateOf, Subscriber, update, type Credentials } from './emulator.test-support.js';

/** Voice and digital queues, no random traffic: only what the tests inject happens. */
const SCENARIO: SimScenario = { ...SCENARIOS.liveTraffic, title: 'Finesse emulator tests', traffic: false };

let emulator: FinesseEmulator;
let primary: FinesseEmulatorNode;
let secondary: FinesseEmulatorNode;
const subscribers: Subscriber[] = [];

const ana: Credentials = { id: 'ana.popescu', password: 'ana-pw' };
const camille: Credentials = { id: 'camille.durand', password: 'secret' };
const maya: Credentials = { id: 'maya.patel', password: 'secret' };
const luca: Credentials = { id: 'luca.rossi', password: 'secret' };

async function subscriber(node: FinesseEmulatorNode, user: Credentials, resource = 'test'): Promise<Subscriber> {
  const connected = await Subscriber.connect(node, user, resource);
  subscribers.push(connected);
  return connected;
}

function userXmlBody(parts: string): string {
  return `<User>${parts}</User>`;
}

beforeAll(async () => {
  emulator = await startFinesseEmulator({
    scenario: SCENARIO,
    engineOptions: { seed: 11, consultDelayMs: 30 },
    passwords: { [ana.id]: ana.password },
    queueStatsIntervalMs: 50,
    systemAuthMode: 'HYBRID',
  });
  [primary, secondary] = emulator.nodes as [FinesseEmulatorNode, FinesseEmulatorNode];
});

afterAll(async () => {
  await Promise.all(subscribers.map((s) => s.stop()));
  await emulator?.stop();
});

describe('Finesse emulator', () => {
  it('SE-4: each node has its own SystemInfo: its host is xmppDomain, the cluster names primary and secondary', async () => {
    for (const [node, host] of [
      [primary, 'finesse-a.localhost'],
      [secondary, 'finesse-b.localhost'],
    ] as const) {
      const reply = await api(node, undefined, 'GET', '/SystemInfo');
      expect(reply.status).toBe(200);
      const info = reply.xml!;
      expect(info.getChildText('status')).toBe('IN_SERVICE');
      expect(info.getChildText('xmppDomain')).toBe(host);
      expect(info.getChildText('xmppPubSubDomain')).toBe(`pubsub.${host}`);
      expect(info.getChild('primaryNode')!.getChildText('host')).toBe('finesse-a.localhost');
      expect(info.getChild('secondaryNode')!.getChildText('host')).toBe('finesse-b.localhost');
      expect(info.getChildText('systemAuthMode')).toBe('HYBRID');
    }
  });

  it('rejects bad credentials with 401 Unauthorized and locks an id after five failures in a row; Bearer tokens sign in too', async () => {
    const wrong = await api(primary, { id: luca.id, password: 'nope' }, 'GET', `/User/${luca.id}`);
    expect(wrong.status).toBe(401);
    expect(errorType(wrong)).toBe('Unauthorized');
    expect((await api(primary, undefined, 'GET', `/User/${luca.id}`)).status).toBe(401);
    expect((await api(primary, { id: 'nobody', password: 'x' }, 'GET', '/User/nobody')).status).toBe(401);

    for (let i = 0; i < 4; i++) await api(primary, { id: luca.id, password: 'nope' }, 'GET', `/User/${luca.id}`);
    const locked = await api(primary, luca, 'GET', `/User/${luca.id}`);
    expect(locked.status).toBe(401);
    expect(locked.xml!.getChild('ApiError')!.getChildText('ErrorMessage')).toContain('locked');

    const token = emulator.users.find((u) => u.id === maya.id)!.token;
    const bearer = await fetch(`${primary.restUrl}/finesse/api/User/${maya.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
    const badToken = await fetch(`${primary.restUrl}/finesse/api/User/${maya.id}`, { headers: { Authorization: 'Bearer forged' } });
    expect(badToken.status).toBe(401);
  });

  it('SL-6/ST-2/ST-3: sign-in with an extension, then READY and NOT_READY with a reason: 202 at once, User notifications echo the requestId', async () => {
    const xmpp = await subscriber(primary, ana);
    const login = await api(primary, ana, 'PUT', `/User/${ana.id}`, {
      body: userXmlBody('<state>LOGIN</state><extension>1001</extension>'),
      requestId: 'login-1',
    });
    expect(login.status).toBe(202);
    expect(login.text).toBe('');
    expect(login.requestId).toBe('login-1');
    const signedIn = await xmpp.take(update({ requestId: 'login-1' }));
    expect(signedIn).toMatchObject({ event: 'PUT', node: `/finesse/api/User/${ana.id}`, source: `/finesse/api/User/${ana.id}` });
    expect(signedIn.data.name).toBe('user');
    expect(signedIn.data.getChildText('state')).toBe('NOT_READY');
    expect(signedIn.data.getChildText('extension')).toBe('1001');

    expect(
      (await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>'), requestId: 'ready-1' })).status,
    ).toBe(202);
    expect(stateOf(await xmpp.take(update({ requestId: 'ready-1' })))).toBe('READY');

    const codes = await api(primary, ana, 'GET', `/User/${ana.id}/ReasonCodes?category=NOT_READY`);
    const lunch = codes.xml!.getChildren('ReasonCode').find((r) => r.getChildText('label') === 'Lunch')!;
    const lunchId = lunch.getChildText('id')!;
    await api(primary, ana, 'PUT', `/User/${ana.id}`, {
      body: userXmlBody(`<state>NOT_READY</state><reasonCodeId>${lunchId}</reasonCodeId>`),
      requestId: 'nr-1',
    });
    const notReady = await xmpp.take(update({ requestId: 'nr-1' }));
    expect(notReady.data.getChildText('state')).toBe('NOT_READY');
    expect(notReady.data.getChildText('reasonCodeId')).toBe(lunchId);
    expect(notReady.data.getChild('ReasonCode')!.getChildText('label')).toBe('Lunch');

    const user = await api(secondary, ana, 'GET', `/User/${ana.id}`);
    expect(user.xml!.getChildText('state')).toBe('NOT_READY');
  });

  it('refuses what Finesse checks itself with 400: an illegal transition is Invalid State, sign-in errors name the device', async () => {
    const logoutWhileReady = async () => {
      await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>') });
      return api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>LOGOUT</state>') });
    };
    const logout = await logoutWhileReady();
    expect(logout.status).toBe(400);
    expect(errorType(logout)).toBe('Invalid State');

    const again = await api(primary, ana, 'PUT', `/User/${ana.id}`, {
      body: userXmlBody('<state>LOGIN</state><extension>1001</extension>'),
    });
    expect(errorType(again)).toBe('Invalid State');
    const talking = await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>TALKING</state>') });
    expect(errorType(talking)).toBe('Invalid Input');
    const noState = await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<extension>1001</extension>') });
    expect(errorType(noState)).toBe('Parameter Missing');

    const signIn = (extension: string, extra = '') =>
      api(primary, maya, 'PUT', `/User/${maya.id}`, {
        body: userXmlBody(`<state>LOGIN</state><extension>${extension}</extension>${extra}`),
      });
    expect(errorType(await signIn('9999'))).toBe('Invalid Device');
    expect(errorType(await signIn('1001'))).toBe('Device Busy');
    expect(errorType(await signIn('1002', '<mobileAgent><mode>ALWAYS</mode><dialNumber>14155550123</dialNumber></mobileAgent>'))).toBe(
      'Mode Not Allowed',
    );
    await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>NOT_READY</state>') });
  });

  it('CB-1/CB-3/WU-2: an injected call is a Dialogs POST; ANSWER, HOLD, RETRIEVE, DROP; wrap-up WORK_READY ends with the reason set by UPDATE_CALL_DATA', async () => {
    const xmpp = await subscriber(primary, ana, 'calls');
    await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>'), requestId: 'ready-2' });
    await xmpp.take(update({ requestId: 'ready-2' }));
    const callId = emulator.engine.injectCall({ queueId: 'q-sales', from: '+14155550199', customerName: 'Zoe Miller' });

    const offered = await xmpp.take(update({ event: 'POST', node: `/finesse/api/User/${ana.id}/Dialogs` }));
    expect(offered.source).toBe(`/finesse/api/User/${ana.id}/Dialogs`);
    const dialog = dialogOf(offered);
    const dialogId = dialog.getChildText('id')!;
    expect(dialogId).toBe(emulator.dialogIdOf(ana.id, callId));
    expect(dialog.getChildText('state')).toBe('ALERTING');
    expect(dialog.getChildText('fromAddress')).toBe('+14155550199');
    expect(agentParticipant(dialog)).toEqual({ state: 'ALERTING', actions: ['ANSWER'] });
    const variables = dialog.getChild('mediaProperties')!.getChild('callvariables')!.getChildren('CallVariable');
    expect(variables.map((v) => [v.getChildText('name'), v.getChildText('value')])).toContainEqual(['callVariable1', 'Zoe Miller']);
    expect(stateOf(await xmpp.take(update({ source: `/finesse/api/User/${ana.id}`, state: 'RESERVED' })))).toBe('RESERVED');

    const act = async (action: string, requestId: string, extra = '') => {
      const reply = await api(primary, ana, 'PUT', `/Dialog/${dialogId}`, {
        body: `<Dialog><requestedAction>${action}</requestedAction><targetMediaAddress>1001</targetMediaAddress>${extra}</Dialog>`,
        requestId,
      });
      expect(reply.status, reply.text).toBe(202);
      return xmpp.take(update({ requestId, source: `/finesse/api/Dialog/${dialogId}` }));
    };
    expect(agentParticipant(dialogOf(await act('ANSWER', 'answer')))).toMatchObject({ state: 'ACTIVE' });
    expect(stateOf(await xmpp.take(update({ source: `/finesse/api/User/${ana.id}`, state: 'TALKING' })))).toBe('TALKING');

    const held = dialogOf(await act('HOLD', 'hold'));
    expect(held.getChildText('state')).toBe('ACTIVE');
    expect(agentParticipant(held)).toMatchObject({ state: 'HELD' });
    expect(agentParticipant(held).actions).toContain('RETRIEVE');
    expect(agentParticipant(dialogOf(await act('RETRIEVE', 'retrieve')))).toMatchObject({ state: 'ACTIVE' });

    // A second ANSWER is not among the actions now: Finesse refuses it itself.
    const late = await api(primary, ana, 'PUT', `/Dialog/${dialogId}`, {
      body: '<Dialog><requestedAction>ANSWER</requestedAction></Dialog>',
    });
    expect(late.status).toBe(400);
    expect(errorType(late)).toBe('Invalid State');

    const dropped = dialogOf(await act('DROP', 'drop'));
    expect(agentParticipant(dropped)).toEqual({ state: 'WRAP_UP', actions: ['UPDATE_CALL_DATA'] });
    expect(stateOf(await xmpp.take(update({ source: `/finesse/api/User/${ana.id}`, state: 'WORK_READY' })))).toBe('WORK_READY');

    // Forced wrap-up: no reason yet, so READY is refused.
    const early = await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>') });
    expect(errorType(early)).toBe('Invalid State');

    const data = await act(
      'UPDATE_CALL_DATA',
      'wrap',
      '<mediaProperties><wrapUpReason>Resolved</wrapUpReason><callvariables><CallVariable><name>callVariable2</name><value>ACCT-778</value></CallVariable></callvariables></mediaProperties>',
    );
    expect(dialogOf(data).getChild('mediaProperties')!.getChildText('wrapUpReason')).toBe('Resolved');
    const unknownReason = await api(primary, ana, 'PUT', `/Dialog/${dialogId}`, {
      body: '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Nope</wrapUpReason></mediaProperties></Dialog>',
    });
    expect(errorType(unknownReason)).toBe('Invalid Input');

    await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>NOT_READY</state>'), requestId: 'end-wrap' });
    expect(stateOf(await xmpp.take(update({ requestId: 'end-wrap' })))).toBe('NOT_READY');
    const deleted = await xmpp.take(update({ event: 'DELETE', node: `/finesse/api/User/${ana.id}/Dialogs` }));
    expect(dialogOf(deleted).getChildText('id')).toBe(dialogId);
    expect(emulator.engine.closings(callId)).toContainEqual(expect.objectContaining({ agentId: ana.id, reasonId: 'resolved' }));
    expect((await api(primary, ana, 'GET', `/User/${ana.id}/Dialogs`)).xml!.getChildren('Dialog')).toHaveLength(0);
  });

  it('CB-3: CONSULT_CALL makes a consult dialog tied to the call, TRANSFER completes it; a CTI refusal comes back as an apiErrors notification', async () => {
    const xmpp = await subscriber(primary, ana, 'consult');
    await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>') });
    emulator.engine.injectCall({ queueId: 'q-billing' });
    const dialogId = dialogOf(await xmpp.take(update({ event: 'POST', node: `/finesse/api/User/${ana.id}/Dialogs` }))).getChildText('id')!;
    const put = (body: string, requestId: string) =>
      api(primary, ana, 'PUT', `/Dialog/${dialogId}`, { body: `<Dialog>${body}</Dialog>`, requestId });
    await put('<requestedAction>ANSWER</requestedAction>', 'answer-2');
    await xmpp.take(update({ requestId: 'answer-2' }));

    expect((await put('<requestedAction>TRANSFER_SST</requestedAction><toAddress>0000</toAddress>', 'sst-bad')).status).toBe(202);
    const refused = await xmpp.take(update({ requestId: 'sst-bad' }));
    expect(refused.data.name).toBe('apiErrors');
    expect(refused.source).toBe(`/finesse/api/Dialog/${dialogId}`);
    expect(refused.data.getChild('apiError')!.getChildText('errorType')).toBe('Call Operation Failure');

    const book = await api(primary, ana, 'GET', '/PhoneBook/1/Contacts');
    const support = book
      .xml!.getChildren('Contact')
      .find((c) => c.getChildText('firstName') === 'Support')!
      .getChildText('phoneNumber')!;
    await put(`<requestedAction>CONSULT_CALL</requestedAction><toAddress>${support}</toAddress>`, 'consult');
    const consult = dialogOf(await xmpp.take(update({ requestId: 'consult', event: 'POST' })));
    expect(consult.getChildText('associatedDialogUri')).toBe(`/finesse/api/Dialog/${dialogId}`);
    expect(consult.getChild('mediaProperties')!.getChildText('callType')).toBe('CONSULT');
    const consultId = consult.getChildText('id')!;
    const connected = await xmpp.take(update({ source: `/finesse/api/Dialog/${consultId}`, state: 'ACTIVE' }));
    expect(agentParticipant(dialogOf(connected)).actions).toContain('TRANSFER');

    const transfer = await api(primary, ana, 'PUT', `/Dialog/${consultId}`, {
      body: '<Dialog><requestedAction>TRANSFER</requestedAction></Dialog>',
      requestId: 'transfer',
    });
    expect(transfer.status).toBe(202);
    await xmpp.take(update({ requestId: 'transfer', event: 'DELETE' }));
    expect(stateOf(await xmpp.take(update({ source: `/finesse/api/User/${ana.id}`, state: 'WORK_READY' })))).toBe('WORK_READY');
    await api(primary, ana, 'PUT', `/Dialog/${dialogId}`, {
      body: '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Escalated</wrapUpReason></mediaProperties></Dialog>',
    });
    await api(primary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>NOT_READY</state>'), requestId: 'end-wrap-2' });
    expect(stateOf(await xmpp.take(update({ requestId: 'end-wrap-2' })))).toBe('NOT_READY');
  });

  it('TP-1/ST-1: the Media API signs in to an MRD and handles a chat: ACCEPT, wrap-up reason, CLOSE', async () => {
    const xmpp = await subscriber(primary, ana, 'media');
    const list = await api(primary, ana, 'GET', `/User/${ana.id}/Media`);
    const chat = list.xml!.getChildren('Media').find((m) => m.getChildText('name') === 'Chat')!;
    const mrdId = chat.getChildText('id')!;
    expect(chat.getChildText('state')).toBe('LOGOUT');

    const media = (body: string, requestId: string) => api(primary, ana, 'PUT', `/User/${ana.id}/Media/${mrdId}`, { body, requestId });
    expect((await media('<Media><state>LOGIN</state><maxDialogLimit>3</maxDialogLimit></Media>', 'mrd-login')).status).toBe(202);
    const signedIn = await xmpp.take(update({ requestId: 'mrd-login' }));
    expect(signedIn).toMatchObject({ node: `/finesse/api/User/${ana.id}/Media`, source: `/finesse/api/User/${ana.id}/Media/${mrdId}` });
    expect(signedIn.data.getChildText('state')).toBe('NOT_READY');
    expect(signedIn.data.getChildText('maxDialogLimit')).toBe('3');
    await media('<Media><state>READY</state></Media>', 'mrd-ready');
    expect(stateOf(await xmpp.take(update({ requestId: 'mrd-ready' })))).toBe('READY');

    emulator.engine.injectContact({ queueId: 'dq-chat', customerName: 'Lea Martin' });
    const offered = await xmpp.take(update({ event: 'POST', node: `/finesse/api/User/${ana.id}/Dialogs/Media` }));
    expect(offered.source).toBe(`/finesse/api/User/${ana.id}/Media/${mrdId}/Dialogs`);
    const task = dialogOf(offered);
    const taskId = task.getChildText('id')!;
    expect(taskId).toContain('_');
    expect(task.getChildText('mediaType')).toBe('Chat');
    expect(agentParticipant(task)).toEqual({ state: 'OFFERED', actions: ['ACCEPT'] });

    const act = (body: string, requestId: string) =>
      api(primary, ana, 'PUT', `/Dialog/${taskId}`, { body: `<Dialog>${body}</Dialog>`, requestId });
    await act('<requestedAction>ACCEPT</requestedAction>', 'accept');
    expect(stateOf(await xmpp.take(update({ requestId: 'accept', source: `/finesse/api/Dialog/${taskId}` })))).toBe('ACTIVE');
    await act(
      '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Resolved</wrapUpReason></mediaProperties>',
      'reason',
    );
    await xmpp.take(update({ requestId: 'reason' }));
    expect((await act('<requestedAction>CLOSE</requestedAction>', 'close')).status).toBe(202);
    const closed = await xmpp.take(update({ requestId: 'close', event: 'DELETE' }));
    expect(dialogOf(closed).getChildText('state')).toBe('CLOSED');

    await media('<Media><state>NOT_READY</state></Media>', 'mrd-nr');
    await xmpp.take(update({ requestId: 'mrd-nr', state: 'NOT_READY' }));
    await media('<Media><state>LOGOUT</state></Media>', 'mrd-logout');
    expect(stateOf(await xmpp.take(update({ requestId: 'mrd-logout' })))).toBe('LOGOUT');
  });

  it('QL-2/QL-6: a supervisor reads the team and queue statistics, and is told when they change', async () => {
    const xmpp = await subscriber(primary, camille, 'supervisor');
    await api(primary, camille, 'PUT', `/User/${camille.id}`, { body: userXmlBody('<state>LOGIN</state><extension>1004</extension>') });
    const me = await api(primary, camille, 'GET', `/User/${camille.id}`);
    expect(
      me
        .xml!.getChild('roles')!
        .getChildren('role')
        .map((r) => r.getText()),
    ).toEqual(['Supervisor']);
    expect(
      me
        .xml!.getChild('teams')!
        .getChildren('Team')
        .map((t) => t.getChildText('id')),
    ).toContain('team-support-emea');

    const team = await api(primary, camille, 'GET', '/Team/team-support-emea');
    expect(team.status).toBe(200);
    expect(
      team
        .xml!.getChild('users')!
        .getChildren('User')
        .map((u) => u.getChildText('loginId')),
    ).toContain(ana.id);
    expect((await api(primary, ana, 'GET', '/Team/team-support-emea')).status).toBe(403);

    const queues = await api(primary, camille, 'GET', `/User/${camille.id}/Queues`);
    const sales = queues.xml!.getChildren('Queue').find((q) => q.getChildText('id') === 'q-sales')!;
    const before = Number(sales.getChild('statistics')!.getChildText('callsInQueue'));

    await xmpp.subscribe(primary, '/finesse/api/Queue/q-sales');
    await xmpp.subscribe(primary, '/finesse/api/Team/team-support-emea/Users');
    emulator.engine.injectCall({ queueId: 'q-sales' });
    const waiting = (u: { data: { getChild(name: string): { getChildText(name: string): string | null } | undefined } }) =>
      Number(u.data.getChild('statistics')?.getChildText('callsInQueue'));
    const stats = await xmpp.take((u) => u.node === '/finesse/api/Queue/q-sales' && waiting(u) === before + 1);
    expect(stats.data.name).toBe('Queue');
    expect(stats.data.getChild('statistics')!.getChildText('startTimeOfLongestCallInQueue')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Ana stays Not Ready (the call waits), with another reason: her team hears it.
    await api(primary, ana, 'PUT', `/User/${ana.id}`, {
      body: userXmlBody('<state>NOT_READY</state><reasonCodeId>2</reasonCodeId>'),
      requestId: 'seen-by-team',
    });
    const member = await xmpp.take(update({ node: '/finesse/api/Team/team-support-emea/Users', requestId: 'seen-by-team' }));
    expect(member.source).toBe(`/finesse/api/User/${ana.id}`);
    expect(member.data.getChildText('reasonCodeId')).toBe('2');
  });

  it('refuses hostile request bodies with 400 (DTD and entities, unknown entities, truncated, huge, deep, two roots) and keeps serving', async () => {
    const put = (body: string | Uint8Array<ArrayBuffer>) => api(primary, maya, 'PUT', `/User/${maya.id}`, { body });
    const bodies: (string | Uint8Array<ArrayBuffer>)[] = [
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><User><state>&lol2;</state></User>',
      '<User><state>&xxe;</state></User>',
      '<User><state>LOGIN</state><extension>10',
      '<User><state>LOGIN</stat></User>',
      `<User><state>LOGIN</state><extension>${'1'.repeat(2 * 1024 * 1024)}</extension></User>`,
      `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`,
      '<User><state>READY</state></User><User/>',
      new Uint8Array([0x3c, 0x55, 0x73, 0x65, 0x72, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x55, 0x73, 0x65, 0x72, 0x3e]),
      'not xml at all',
      '',
    ];
    for (const body of bodies) {
      const reply = await put(body);
      expect(reply.status, String(body).slice(0, 60)).toBe(400);
      expect(['Invalid Input', 'Parameter Missing']).toContain(errorType(reply));
    }
    expect((await api(primary, maya, 'GET', `/User/${maya.id}`)).xml!.getChildText('state')).toBe('LOGOUT');
  });

  it('answers a CORS preflight from a page on another loopback port and exposes requestId', async () => {
    const preflight = await fetch(`${primary.restUrl}/finesse/api/User/${ana.id}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,requestid',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('requestId');
    const read = await api(primary, ana, 'GET', `/User/${ana.id}`, { headers: { Origin: 'http://localhost:6006' }, requestId: 'cors' });
    expect(read.headers.get('access-control-expose-headers')).toContain('requestId');
    const foreign = await api(primary, ana, 'GET', `/User/${ana.id}`, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('SE-4: the finesse user is AVAILABLE to a client that watches its presence', async () => {
    const watcher = await subscriber(secondary, maya, 'presence');
    const presence = await watcher.watchPresence('finesse@finesse-b.localhost');
    expect(presence.attrs.from).toBe('finesse@finesse-b.localhost/emulator');
  });

  it('SE-4: a node taken OUT_OF_SERVICE says so, answers 503 and drops its XMPP sessions; back IN_SERVICE it serves again on the same URLs', async () => {
    const onSecondary = await subscriber(secondary, ana, 'failover');
    await api(secondary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>NOT_READY</state>'), requestId: 'before' });
    await onSecondary.take(update({ requestId: 'before' }));

    await emulator.setStatus('secondary', 'OUT_OF_SERVICE');
    const said = await onSecondary.take(update({ node: '/finesse/api/SystemInfo' }));
    expect(said.data.getChildText('status')).toBe('OUT_OF_SERVICE');
    await onSecondary.disconnected;
    const refused = await api(secondary, ana, 'GET', `/User/${ana.id}`);
    expect(refused.status).toBe(503);
    expect((await api(secondary, undefined, 'GET', '/SystemInfo')).xml!.getChildText('status')).toBe('OUT_OF_SERVICE');
    // The other node runs on the same ACD: the agent's state is all there.
    expect((await api(primary, ana, 'GET', `/User/${ana.id}`)).xml!.getChildText('state')).toBe('NOT_READY');

    const control = await fetch(`${primary.restUrl}/emulator/status`, {
      method: 'POST',
      body: JSON.stringify({ node: 'secondary', status: 'IN_SERVICE' }),
    });
    expect(control.status).toBe(200);
    expect((await api(secondary, undefined, 'GET', '/SystemInfo')).xml!.getChildText('status')).toBe('IN_SERVICE');
    const back = await subscriber(secondary, ana, 'failover-2');
    // Ready again through the restored node: the Sales call waiting since the supervisor test rings at once.
    await api(secondary, ana, 'PUT', `/User/${ana.id}`, { body: userXmlBody('<state>READY</state>'), requestId: 'after' });
    expect(stateOf(await back.take(update({ requestId: 'after' })))).toBe('RESERVED');
    const ringing = await back.take(update({ event: 'POST', node: `/finesse/api/User/${ana.id}/Dialogs` }));
    expect(dialogOf(ringing).getChild('mediaProperties')!.getChildText('queueName')).toBe('Sales');
  });
});
