// Decoders on the protocol brief's own examples and on realistic variants: other letter case,
// optional parts missing, unknown extra elements; and the readable refusals of what cannot be read.

import { describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import {
  decodeApiErrors,
  decodeDialog,
  decodeDialogs,
  decodeMedia,
  decodeMediaList,
  decodeQueue,
  decodeQueues,
  decodeReasonCodes,
  decodeSystemInfo,
  decodeTeam,
  decodeUser,
  decodeWrapUpReasons,
} from './decode.js';
import { API_ERRORS, DIALOG, QUEUE, REASON_CODES, SYSTEM_INFO, TEAM, USER } from './examples.test-support.js';
import { parseXml } from './parse.js';

const at = (iso: string): number => Date.parse(iso);

function malformedMessage(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(CcError);
    expect((error as CcError).code).toBe('payload.malformed');
    return (error as CcError).message;
  }
  throw new Error('expected payload.malformed, the document was decoded');
}

describe('SystemInfo', () => {
  it('reads the brief example (SE-4: status, both nodes, domains)', () => {
    expect(decodeSystemInfo(parseXml(SYSTEM_INFO))).toEqual({
      uri: '/finesse/api/SystemInfo',
      status: 'IN_SERVICE',
      deploymentType: 'UCCE',
      xmppDomain: 'finesse-a.example.com',
      xmppPubSubDomain: 'pubsub.finesse-a.example.com',
      primaryNode: { host: 'finesse-a.example.com' },
      secondaryNode: { host: 'finesse-b.example.com' },
      systemAuthMode: 'NON_SSO',
      timezoneOffset: -300,
      currentTimestamp: at('2024-05-01T14:00:00.000Z'),
    });
  });

  it('reads ports, an out-of-service status in lower case, and a single-node deployment (SE-4)', () => {
    const info = decodeSystemInfo(
      parseXml(`<SystemInfo><status>out_of_service</status><statusReason>CTI down</statusReason><xmppDomain>a</xmppDomain>
        <primaryNode><host>a</host><httpsPort>8445</httpsPort><xmppPort>5222</xmppPort><xmppSecurePort>5223</xmppSecurePort></primaryNode>
        <secondaryNode><host></host></secondaryNode><license>x</license></SystemInfo>`),
    );
    expect(info).toEqual({
      status: 'OUT_OF_SERVICE',
      statusReason: 'CTI down',
      xmppDomain: 'a',
      primaryNode: { host: 'a', httpsPort: 8445, xmppPort: 5222, xmppSecurePort: 5223 },
    });
  });

  it('refuses an unknown status and a missing xmppDomain', () => {
    expect(
      malformedMessage(() => decodeSystemInfo(parseXml('<SystemInfo><status>MAYBE</status><xmppDomain>a</xmppDomain></SystemInfo>'))),
    ).toBe(`The server's SystemInfo has a <status> that is not a known status: "MAYBE"`);
    expect(malformedMessage(() => decodeSystemInfo(parseXml('<SystemInfo><status>IN_SERVICE</status></SystemInfo>')))).toBe(
      "The server's SystemInfo has no <xmppDomain>",
    );
  });
});

describe('User', () => {
  it('reads the brief example (roles, state, time, reason code, settings, team)', () => {
    expect(decodeUser(parseXml(USER))).toEqual({
      uri: '/finesse/api/User/1001001',
      loginId: '1001001',
      loginName: 'jdoe',
      firstName: 'Jane',
      lastName: 'Doe',
      roles: ['Agent'],
      extension: '3001',
      state: 'NOT_READY',
      stateChangeTime: at('2024-05-01T14:02:11.120Z'),
      reasonCodeId: '12',
      reasonCode: {
        id: '12',
        uri: '/finesse/api/ReasonCode/12',
        category: 'NOT_READY',
        code: 100,
        label: 'Break',
        forAll: true,
      },
      settings: { wrapUpOnIncoming: 'OPTIONAL' },
      teamId: '5000',
      teamName: 'Sales',
      dialogsUri: '/finesse/api/User/1001001/Dialogs',
      teams: [],
    });
  });

  it('reads a supervisor signed in as a mobile agent, with a pending state and supervised teams', () => {
    const user = decodeUser(
      parseXml(`<user>
        <loginId>1002002</loginId><roles><role>AGENT</role><role>supervisor</role><role>Administrator</role></roles>
        <extension>4001</extension><state>talking</state><pendingState>NOT_READY</pendingState>
        <reasonCodeId>-1</reasonCodeId>
        <settings><wrapUpOnIncoming>REQUIRED</wrapUpOnIncoming><wrapUpOnOutgoing>NOT_ALLOWED</wrapUpOnOutgoing></settings>
        <mobileAgent><mode>NAILED_CONNECTION</mode><dialNumber>15551234567</dialNumber></mobileAgent>
        <teams><Team><uri>/finesse/api/Team/5000</uri><id>5000</id><name>Sales</name></Team><team><uri>/finesse/api/Team/5001</uri></team></teams>
        <somethingNew><nested/></somethingNew>
      </user>`),
    );
    expect(user).toEqual({
      loginId: '1002002',
      roles: ['Agent', 'Supervisor'],
      extension: '4001',
      state: 'TALKING',
      pendingState: 'NOT_READY',
      settings: { wrapUpOnIncoming: 'REQUIRED', wrapUpOnOutgoing: 'NOT_ALLOWED' },
      mobileAgent: { mode: 'NAILED_CONNECTION', dialNumber: '15551234567' },
      teams: [
        { id: '5000', name: 'Sales', uri: '/finesse/api/Team/5000' },
        { id: '5001', uri: '/finesse/api/Team/5001' },
      ],
    });
  });

  it('reads a signed-out user with almost nothing (no roles, no settings, empty time)', () => {
    expect(decodeUser(parseXml('<User><loginId>1001001</loginId><state>LOGOUT</state><stateChangeTime/></User>'))).toEqual({
      loginId: '1001001',
      roles: [],
      state: 'LOGOUT',
      settings: {},
      teams: [],
    });
  });

  it('refuses an unknown state, LOGIN as a reported state, a missing loginId and a non-ISO time, naming each', () => {
    expect(malformedMessage(() => decodeUser(parseXml('<User><loginId>1</loginId><state>DANCING</state></User>')))).toBe(
      `The server's User has a <state> that is not a known agent state: "DANCING"`,
    );
    expect(malformedMessage(() => decodeUser(parseXml('<User><loginId>1</loginId><state>LOGIN</state></User>')))).toContain('"LOGIN"');
    expect(malformedMessage(() => decodeUser(parseXml('<User><state>READY</state></User>')))).toBe("The server's User has no <loginId>");
    expect(
      malformedMessage(() =>
        decodeUser(parseXml('<User><loginId>1</loginId><state>READY</state><stateChangeTime>yesterday</stateChangeTime></User>')),
      ),
    ).toBe(`The server's User has a <stateChangeTime> that is not an ISO time: "yesterday"`);
    expect(
      malformedMessage(() =>
        decodeUser(
          parseXml(
            '<User><loginId>1</loginId><state>READY</state><settings><wrapUpOnIncoming>SOMETIMES</wrapUpOnIncoming></settings></User>',
          ),
        ),
      ),
    ).toContain('<settings/wrapUpOnIncoming>');
  });

  it('names the nested element of a mobile agent without a dial number', () => {
    const xml = '<User><loginId>1</loginId><state>READY</state><mobileAgent><mode>CALL_BY_CALL</mode></mobileAgent></User>';
    expect(malformedMessage(() => decodeUser(parseXml(xml)))).toBe("The server's User has no <mobileAgent/dialNumber>");
  });
});

describe('ReasonCodes and WrapUpReasons', () => {
  it('reads the brief ReasonCodes example, ids from the URIs', () => {
    expect(decodeReasonCodes(parseXml(REASON_CODES))).toEqual({
      category: 'NOT_READY',
      reasonCodes: [
        { id: '12', uri: '/finesse/api/ReasonCode/12', category: 'NOT_READY', code: 100, label: 'Break', forAll: true },
        { id: '13', uri: '/finesse/api/ReasonCode/13', category: 'NOT_READY', code: 101, label: 'Lunch', forAll: false },
      ],
    });
  });

  it('takes the category from the codes when the list has no attribute, and reads system codes', () => {
    const codes = decodeReasonCodes(
      parseXml(
        `<ReasonCodes><ReasonCode><id>7</id><category>logout</category><label>End of shift</label><systemCode>false</systemCode></ReasonCode></ReasonCodes>`,
      ),
    );
    expect(codes).toEqual({ category: 'LOGOUT', reasonCodes: [{ id: '7', category: 'LOGOUT', label: 'End of shift', systemCode: false }] });
    expect(decodeReasonCodes(parseXml('<ReasonCodes/>'))).toEqual({ reasonCodes: [] });
  });

  it('refuses a reason code without a label or an id, and a non-boolean forAll', () => {
    expect(malformedMessage(() => decodeReasonCodes(parseXml('<ReasonCodes><ReasonCode><id>1</id></ReasonCode></ReasonCodes>')))).toBe(
      "The server's ReasonCodes has no <ReasonCode/label>",
    );
    expect(
      malformedMessage(() => decodeReasonCodes(parseXml('<ReasonCodes><ReasonCode><label>x</label></ReasonCode></ReasonCodes>'))),
    ).toBe("The server's ReasonCodes has no <ReasonCode/id>");
    expect(
      malformedMessage(() =>
        decodeReasonCodes(parseXml('<ReasonCodes><ReasonCode><id>1</id><label>x</label><forAll>yes</forAll></ReasonCode></ReasonCodes>')),
      ),
    ).toContain('is neither true nor false');
  });

  it('reads wrap-up reasons: the brief shape (uri, label, forAll), and one with only a label', () => {
    const reasons = decodeWrapUpReasons(
      parseXml(`<WrapUpReasons>
        <WrapUpReason><uri>/finesse/api/WrapUpReason/3</uri><label>Sale &amp; upsell</label><forAll>true</forAll></WrapUpReason>
        <wrapUpReason><label>Callback</label></wrapUpReason>
      </WrapUpReasons>`),
    );
    expect(reasons).toEqual([
      { id: '3', uri: '/finesse/api/WrapUpReason/3', label: 'Sale & upsell', forAll: true },
      { id: 'Callback', label: 'Callback' },
    ]);
  });
});

describe('Dialog', () => {
  it('reads the brief example (media properties, call variables, participants and their actions)', () => {
    expect(decodeDialog(parseXml(DIALOG))).toEqual({
      kind: 'voice',
      uri: '/finesse/api/Dialog/16817084',
      id: '16817084',
      mediaType: 'Voice',
      fromAddress: '5551234567',
      toAddress: '3001',
      state: 'ACTIVE',
      mediaProperties: {
        mediaId: '1',
        dialedNumber: '8005550100',
        dnis: '3001',
        callType: 'ACD_IN',
        queueNumber: '5001',
        queueName: 'Sales_Q',
        callKeyCallId: '16817084',
        callKeySequenceNum: '1',
        callKeyPrefix: '152345',
        callVariables: [
          { name: 'callVariable1', value: 'ACCT-778' },
          { name: 'user.Language', value: 'en' },
        ],
      },
      participants: [
        {
          actions: ['HOLD', 'DROP', 'UPDATE_CALL_DATA', 'CONSULT_CALL', 'TRANSFER_SST', 'SEND_DTMF'],
          mediaAddress: '3001',
          mediaAddressType: 'AGENT_DEVICE',
          startTime: at('2024-05-01T14:05:00.010Z'),
          state: 'ACTIVE',
          stateChangeTime: at('2024-05-01T14:05:03.440Z'),
        },
        {
          actions: [],
          mediaAddress: '5551234567',
          startTime: at('2024-05-01T14:05:00.010Z'),
          state: 'ACTIVE',
          stateChangeTime: at('2024-05-01T14:05:03.440Z'),
        },
      ],
    });
  });

  it('reads a held consult leg: participant HELD, its cause, the associated dialog, a chosen wrap-up reason (SE-4)', () => {
    const dialog = decodeDialog(
      parseXml(`<dialog><id>16817085</id><state>ACTIVE</state>
        <associatedDialogUri>/finesse/api/Dialog/16817084</associatedDialogUri>
        <mediaProperties><callType>CONSULT</callType><wrapUpReason>Sale</wrapUpReason>
          <callvariables><callvariable><name>callVariable2</name><value></value></callvariable></callvariables></mediaProperties>
        <participants><participant><actions><action>RETRIEVE</action><action>TRANSFER</action><action>FLY</action></actions>
          <mediaAddress>3001</mediaAddress><state>held</state><stateCause>BUSY</stateCause></participant></participants>
      </dialog>`),
    );
    expect(dialog).toEqual({
      kind: 'voice',
      id: '16817085',
      state: 'ACTIVE',
      associatedDialogUri: '/finesse/api/Dialog/16817084',
      mediaProperties: { callType: 'CONSULT', wrapUpReason: 'Sale', callVariables: [{ name: 'callVariable2', value: '' }] },
      participants: [{ actions: ['RETRIEVE', 'TRANSFER'], mediaAddress: '3001', state: 'HELD', stateCause: 'BUSY' }],
    });
  });

  it('reads a non-voice task (§8.2): MRD media type, task state, underscore id', () => {
    const task = decodeDialog(
      parseXml(`<Dialog><uri>/finesse/api/Dialog/5000_1_chat</uri><mediaType>Chat</mediaType><state>OFFERED</state>
        <participants><Participant><mediaAddress>1001001</mediaAddress><state>OFFERED</state><actions><action>ACCEPT</action></actions></Participant></participants>
      </Dialog>`),
    );
    expect(task).toEqual({
      kind: 'task',
      uri: '/finesse/api/Dialog/5000_1_chat',
      id: '5000_1_chat',
      mediaType: 'Chat',
      state: 'OFFERED',
      mediaProperties: { callVariables: [] },
      participants: [{ mediaAddress: '1001001', state: 'OFFERED', actions: ['ACCEPT'] }],
    });
    for (const state of ['ACCEPTED', 'ACTIVE', 'PAUSED', 'WRAPPING_UP', 'INTERRUPTED', 'CLOSED']) {
      expect(decodeDialog(parseXml(`<Dialog><id>t_1</id><mediaType>Email</mediaType><state>${state}</state></Dialog>`)).state).toBe(state);
    }
  });

  it('reads Dialogs lists, empty or with several dialogs', () => {
    expect(decodeDialogs(parseXml('<Dialogs/>'))).toEqual([]);
    const two = decodeDialogs(parseXml(`<Dialogs>${DIALOG}<Dialog><id>2</id><state>ALERTING</state></Dialog></Dialogs>`));
    expect(two.map((dialog) => [dialog.id, dialog.state])).toEqual([
      ['16817084', 'ACTIVE'],
      ['2', 'ALERTING'],
    ]);
  });

  it('refuses HELD as a dialog state, a task state on a voice call, and a participant without an address', () => {
    expect(malformedMessage(() => decodeDialog(parseXml('<Dialog><id>1</id><state>HELD</state></Dialog>')))).toBe(
      `The server's Dialog has a <state> that is not a known dialog state: "HELD"`,
    );
    expect(
      malformedMessage(() => decodeDialog(parseXml('<Dialog><id>1</id><mediaType>Voice</mediaType><state>OFFERED</state></Dialog>'))),
    ).toContain('not a known dialog state');
    expect(
      malformedMessage(() =>
        decodeDialog(
          parseXml(
            '<Dialog><id>1</id><state>ACTIVE</state><participants><Participant><state>ACTIVE</state></Participant></participants></Dialog>',
          ),
        ),
      ),
    ).toBe("The server's Dialog has no <participants/Participant/mediaAddress>");
    expect(malformedMessage(() => decodeDialog(parseXml('<Dialog><state>ACTIVE</state></Dialog>')))).toBe(
      "The server's Dialog has no <id>",
    );
  });
});

describe('Queue', () => {
  it('reads the brief example with every statistic (supervisor queue stats)', () => {
    expect(decodeQueue(parseXml(QUEUE))).toEqual({
      id: '5001',
      uri: '/finesse/api/Queue/5001',
      name: 'Sales_Q',
      statistics: {
        callsInQueue: 3,
        startTimeOfLongestCallInQueue: at('2024-05-01T14:01:12Z'),
        agentsReady: 1,
        agentsNotReady: 4,
        agentsBusyOther: 0,
        agentsLoggedOn: 9,
        agentsTalkingInbound: 3,
        agentsTalkingOutbound: 0,
        agentsTalkingInternal: 1,
        agentsWrapUpNotReady: 0,
        agentsWrapUpReady: 0,
      },
    });
  });

  it('reads -1 as not collected, an empty longest-call time as an empty queue, and a queue without statistics', () => {
    const queue = decodeQueue(
      parseXml(`<queue><uri>/finesse/api/Queue/7</uri><name>Email_Q</name><statistics>
        <callsInQueue>0</callsInQueue><startTimeOfLongestCallInQueue></startTimeOfLongestCallInQueue>
        <agentsReady>-1</agentsReady><agentsTalkingInbound>-1</agentsTalkingInbound></statistics></queue>`),
    );
    expect(queue.statistics).toEqual({ callsInQueue: 0 });
    expect(decodeQueues(parseXml('<Queues><Queue><id>8</id><name>Q8</name></Queue></Queues>'))).toEqual([
      { id: '8', name: 'Q8', statistics: {} },
    ]);
  });

  it('refuses a statistic that is not a whole number, naming it', () => {
    const xml = '<Queue><id>1</id><name>Q</name><statistics><callsInQueue>three</callsInQueue></statistics></Queue>';
    expect(malformedMessage(() => decodeQueue(parseXml(xml)))).toBe(
      `The server's Queue has a <statistics/callsInQueue> that is not a whole number: "three"`,
    );
  });
});

describe('Team', () => {
  it('reads the brief example: summary users, an empty <reasonCode/> as none', () => {
    expect(decodeTeam(parseXml(TEAM))).toEqual({
      id: '5000',
      uri: '/finesse/api/Team/5000',
      name: 'Sales',
      users: [
        {
          uri: '/finesse/api/User/1001001',
          loginId: '1001001',
          firstName: 'Jane',
          lastName: 'Doe',
          extension: '3001',
          state: 'TALKING',
          stateChangeTime: at('2024-05-01T14:05:03.440Z'),
          dialogsUri: '/finesse/api/User/1001001/Dialogs',
          roles: [],
          settings: {},
          teams: [],
        },
      ],
    });
  });

  it('reads a summary user with a reason code in lower case, and a team without users', () => {
    const team = decodeTeam(
      parseXml(`<team><uri>/finesse/api/Team/9</uri><users><user><loginId>1</loginId><state>NOT_READY</state>
        <reasonCode><id>12</id><label>Break</label></reasonCode></user></users></team>`),
    );
    expect(team.users[0]?.reasonCode).toEqual({ id: '12', label: 'Break' });
    expect(decodeTeam(parseXml('<Team><id>3</id></Team>'))).toEqual({ id: '3', users: [] });
  });
});

describe('Media', () => {
  it('reads a MediaList of MRDs with their settings and states (§8.1)', () => {
    const list = decodeMediaList(
      parseXml(`<MediaList>
        <Media><uri>/finesse/api/User/1001001/Media/5000</uri><id>5000</id><name>Chat</name><description>Web chat</description>
          <state>NOT_READY</state><stateChangeTime>2024-05-01T14:02:11.120Z</stateChangeTime><reasonCodeId>12</reasonCodeId>
          <ReasonCode><id>12</id><label>Break</label></ReasonCode>
          <maxDialogLimit>3</maxDialogLimit><interruptAction>ACCEPT</interruptAction><dialogLogoutAction>close</dialogLogoutAction>
          <interruptible>true</interruptible><routable>true</routable><mediaConnected>false</mediaConnected></Media>
        <Media><id>5001</id><name>Email</name><state>LOGOUT</state><reasonCodeId>-1</reasonCodeId><reasonCode/></Media>
      </MediaList>`),
    );
    expect(list).toEqual([
      {
        id: '5000',
        uri: '/finesse/api/User/1001001/Media/5000',
        name: 'Chat',
        description: 'Web chat',
        state: 'NOT_READY',
        stateChangeTime: at('2024-05-01T14:02:11.120Z'),
        reasonCodeId: '12',
        reasonCode: { id: '12', label: 'Break' },
        maxDialogLimit: 3,
        interruptAction: 'ACCEPT',
        dialogLogoutAction: 'CLOSE',
        interruptible: true,
        routable: true,
        mediaConnected: false,
      },
      { id: '5001', name: 'Email', state: 'LOGOUT' },
    ]);
  });

  it('refuses an unknown media state and a limit that is not a number', () => {
    expect(malformedMessage(() => decodeMedia(parseXml('<Media><id>1</id><state>ASLEEP</state></Media>')))).toContain(
      'not a known media state',
    );
    expect(
      malformedMessage(() => decodeMedia(parseXml('<Media><id>1</id><state>READY</state><maxDialogLimit>many</maxDialogLimit></Media>'))),
    ).toContain('<maxDialogLimit>');
  });
});

describe('ApiErrors', () => {
  it('reads the REST form (capitalized)', () => {
    expect(decodeApiErrors(parseXml(API_ERRORS))).toEqual([
      { type: 'Invalid State', message: 'Cannot change state to LOGOUT from READY', data: 'LOGOUT' },
    ]);
  });

  it('reads the notification form (lower case) with errorMedia, and an error with nothing in it', () => {
    const errors = decodeApiErrors(
      parseXml(`<apiErrors><apiError><errorData>16817084</errorData><errorMessage>CTI rejected the request</errorMessage>
        <errorType>Call Operation Failure</errorType><errorMedia>5000</errorMedia></apiError><apiError/></apiErrors>`),
    );
    expect(errors).toEqual([
      { type: 'Call Operation Failure', message: 'CTI rejected the request', data: '16817084', media: '5000' },
      { type: '', message: '' },
    ]);
  });
});
