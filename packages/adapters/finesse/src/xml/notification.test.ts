// Notifications: the Update envelope decoded by its data's root (any case), the pubsub items of an
// XMPP message, and hostile notification text refused like any reply.

import { describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import { Element, parse } from 'ltx';
import { API_ERRORS, DIALOG, QUEUE, SYSTEM_INFO, TEAM, USER, USER_UPDATE, update } from './examples.test-support.js';
import { decodeUpdate, readPubsubNotifications } from './notification.js';

function malformedMessage(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(CcError);
    expect((error as CcError).code).toBe('payload.malformed');
    return (error as CcError).message;
  }
  throw new Error('expected payload.malformed, the notification was decoded');
}

describe('decodeUpdate', () => {
  it('reads the brief example: the agent moved to READY for request req-42', () => {
    const result = decodeUpdate(USER_UPDATE);
    expect(result.event).toBe('PUT');
    expect(result.requestId).toBe('req-42');
    expect(result.source).toBe('/finesse/api/User/1001001');
    expect(result.data).toEqual({
      kind: 'user',
      user: {
        uri: '/finesse/api/User/1001001',
        loginId: '1001001',
        extension: '3001',
        state: 'READY',
        stateChangeTime: Date.parse('2024-05-01T14:03:00.000Z'),
        teamId: '5000',
        teamName: 'Sales',
        roles: ['Agent'],
        settings: {},
        teams: [],
      },
    });
  });

  it('tells every data root apart, in either case, and leaves out an empty requestId', () => {
    const user = USER.replace('<User>', '<user>').replace('</User>', '</user>');
    const cases: [string, string][] = [
      [update('PUT', '/finesse/api/User/1001001', user), 'user'],
      [update('POST', '/finesse/api/User/1001001/Dialogs', `<dialogs>${DIALOG}</dialogs>`), 'dialogs'],
      [update('PUT', '/finesse/api/Dialog/16817084', DIALOG.replace('<Dialog>', '<dialog>').replace(/<\/Dialog>$/, '</dialog>')), 'dialog'],
      [update('PUT', '/finesse/api/Queue/5001', QUEUE), 'queue'],
      [update('POST', '/finesse/api/User/1001001/Queues', `<Queues>${QUEUE}</Queues>`), 'queues'],
      [update('PUT', '/finesse/api/Team/5000', TEAM.replace('<Team>', '<team>').replace(/<\/Team>$/, '</team>')), 'team'],
      [update('PUT', '/finesse/api/User/1001001/Media/5000', '<media><id>5000</id><state>READY</state></media>'), 'media'],
      [
        update('PUT', '/finesse/api/User/1001001/Media', '<MediaList><Media><id>5000</id><state>READY</state></Media></MediaList>'),
        'mediaList',
      ],
      [update('PUT', '/finesse/api/SystemInfo', SYSTEM_INFO.replace(/SystemInfo>/g, 'systemInfo>')), 'systemInfo'],
      [update('PUT', '/finesse/api/Dialog/1', API_ERRORS), 'apiErrors'],
      [update('DELETE', '/finesse/api/User/1001001/Dialogs', ''), 'empty'],
      [update('PUT', '/finesse/api/User/1001001/PhoneBooks', '<PhoneBooks/>'), 'unknown'],
    ];
    for (const [text, kind] of cases) {
      const decoded = decodeUpdate(text);
      expect(decoded.data.kind, text).toBe(kind);
      expect(decoded).not.toHaveProperty('requestId');
    }
    expect(decodeUpdate(cases[11]![0]).data).toEqual({ kind: 'unknown', root: 'PhoneBooks' });
  });

  it('reads the event without regard to case, and a call that ended (DELETE with the final dialog)', () => {
    const ended = decodeUpdate(
      update(
        'delete',
        '/finesse/api/User/1001001/Dialogs',
        `<dialogs>${DIALOG.replace('<state>ACTIVE</state>', '<state>DROPPED</state>')}</dialogs>`,
        'r-9',
      ),
    );
    expect(ended.event).toBe('DELETE');
    expect(ended.requestId).toBe('r-9');
    expect(ended.data.kind === 'dialogs' && ended.data.dialogs[0]?.state).toBe('DROPPED');
  });

  it('reads the async CTI error of a Dialog (lower-case apiErrors)', () => {
    const failure = decodeUpdate(
      update(
        'PUT',
        '/finesse/api/Dialog/16817084',
        '<apiErrors><apiError><errorData>1</errorData><errorMessage>Hold failed</errorMessage><errorType>Call Operation Failure</errorType></apiError></apiErrors>',
        'req-7',
      ),
    );
    expect(failure.data).toEqual({ kind: 'apiErrors', errors: [{ type: 'Call Operation Failure', message: 'Hold failed', data: '1' }] });
  });

  it('refuses an envelope without source, with an unknown event, or another root', () => {
    expect(malformedMessage(() => decodeUpdate('<Update><event>PUT</event><data/></Update>'))).toBe(
      "The server's notification has no <source>",
    );
    expect(malformedMessage(() => decodeUpdate(update('PATCH', '/x', '')))).toBe(
      `The server's notification has a <event> that is not a known event: "PATCH"`,
    );
    expect(malformedMessage(() => decodeUpdate(USER))).toBe("The server's notification has the root <User> where <Update> was expected");
  });

  it('names the resource of data it cannot read', () => {
    const bad = update('PUT', '/finesse/api/Dialog/1', '<dialog><id>1</id><state>SINGING</state></dialog>');
    expect(malformedMessage(() => decodeUpdate(bad))).toBe(
      `The server's Dialog notification has a <state> that is not a known dialog state: "SINGING"`,
    );
  });

  it('refuses hostile notification text: entity tricks, huge, deep, truncated', () => {
    expect(malformedMessage(() => decodeUpdate(`<!DOCTYPE u [<!ENTITY a "aaaa">]>${update('PUT', '/x', '<user>&a;</user>')}`))).toContain(
      'DOCTYPE',
    );
    expect(malformedMessage(() => decodeUpdate(update('PUT', '/x', `<x>${'y'.repeat(2_000)}</x>`), { maxBytes: 1_000 }))).toContain(
      'too large',
    );
    expect(malformedMessage(() => decodeUpdate(update('PUT', '/x', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)))).toContain(
      'more than 32 deep',
    );
    expect(malformedMessage(() => decodeUpdate(USER_UPDATE.slice(0, 200)))).toBe(
      "The server's notification is not well-formed XML (unexpected end)",
    );
  });
});

describe('readPubsubNotifications', () => {
  const message = (notification: string): Element =>
    parse(`<message xmlns="jabber:client" from="pubsub.finesse-a.example.com" to="1001001@finesse-a.example.com/cc" id="m1">
      <event xmlns="http://jabber.org/protocol/pubsub#event">
        <items node="/finesse/api/User/1001001">
          <item id="d2a7">${notification}</item>
        </items>
      </event>
    </message>`);

  it('gives the node and the Update text of the brief message shape (§9.3), ready for decodeUpdate', () => {
    const escaped = USER_UPDATE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const found = readPubsubNotifications(message(`<notification xmlns="http://jabber.org/protocol/pubsub">${escaped}</notification>`));
    expect(found).toEqual([{ node: '/finesse/api/User/1001001', itemId: 'd2a7', text: USER_UPDATE }]);
    expect(decodeUpdate(found[0]!.text).requestId).toBe('req-42');
  });

  it('reads a notification without a namespace, and one whose Update is an element', () => {
    const plain = readPubsubNotifications(message('<notification>&lt;Update/&gt;</notification>'));
    expect(plain.map((item) => item.text)).toEqual(['<Update/>']);
    const embedded = readPubsubNotifications(message(`<notification>${USER_UPDATE}</notification>`));
    expect(decodeUpdate(embedded[0]!.text).source).toBe('/finesse/api/User/1001001');
  });

  it('finds nothing in other stanzas', () => {
    expect(readPubsubNotifications(parse('<message xmlns="jabber:client"><body>hi</body></message>'))).toEqual([]);
    expect(
      readPubsubNotifications(
        parse('<message><event xmlns="urn:other"><items node="/x"><item><notification>x</notification></item></items></event></message>'),
      ),
    ).toEqual([]);
  });
});
