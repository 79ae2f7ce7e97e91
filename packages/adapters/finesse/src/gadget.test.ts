// PL-7: finesse.gadget.Config (as a Finesse container gives it to a gadget) mapped to the adapter's
// options — credentials from `authorization` or `authToken`, URLs from scheme/host/hostPort and the
// configurable WebSocket URL, the alternate node, and readable typed errors for what cannot be used.

import { describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import { DEFAULT_GADGET_XMPP_URL, fromGadgetConfig, type FinesseGadgetConfig } from './gadget.js';

/** What finesse.js gadgets would hold: every pref a string, "" when not set. */
const CONFIG: FinesseGadgetConfig = {
  id: '1001001',
  authorization: btoa('1001001:s3cret'),
  authToken: '',
  host: 'finesse-a.example.com',
  hostPort: '8445',
  scheme: 'https',
  restHost: 'localhost',
  extension: '',
  mobileAgentMode: '',
  mobileAgentDialNumber: '',
  xmppDomain: 'finesse-a.example.com',
  pubsubDomain: 'pubsub.finesse-a.example.com',
  locale: 'en_US',
  clientDriftInMillis: 0,
};

function errorOf(run: () => unknown): CcError {
  try {
    run();
  } catch (error) {
    if (error instanceof CcError) return error;
    throw error;
  }
  throw new Error('expected a CcError');
}

describe('fromGadgetConfig (PL-7: the gadget reads its config from the container)', () => {
  it('PL-7: Basic credentials from authorization, REST and default WebSocket URLs from scheme/host/hostPort, domains kept', () => {
    expect(fromGadgetConfig(CONFIG)).toEqual({
      nodes: [
        {
          restUrl: 'https://finesse-a.example.com:8445',
          xmppUrl: 'wss://finesse-a.example.com:8445/ws/',
          xmppDomain: 'finesse-a.example.com',
          pubsubDomain: 'pubsub.finesse-a.example.com',
        },
      ],
      credentials: { kind: 'basic', id: '1001001', password: 's3cret' },
    });
    expect(DEFAULT_GADGET_XMPP_URL).toBe('{wsScheme}://{host}:{port}/ws/');
  });

  it('PL-7: a UTF-8 password with a colon survives; the id is Config id, else the name in authorization', () => {
    const utf8 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    const withId = fromGadgetConfig({ ...CONFIG, authorization: `Basic ${utf8('ana.popescu:pä:ss')}` });
    expect(withId.credentials).toEqual({ kind: 'basic', id: '1001001', password: 'pä:ss' });
    const noId = fromGadgetConfig({ ...CONFIG, id: '', authorization: utf8('ana.popescu:pw') });
    expect(noId.credentials).toEqual({ kind: 'basic', id: 'ana.popescu', password: 'pw' });
  });

  it('PL-7/SSO: Bearer from authToken (preferred unless told otherwise), refreshed through the given function after the first', async () => {
    const sso = fromGadgetConfig({ ...CONFIG, authorization: '', authToken: 'tok-1' });
    expect(sso.credentials).toEqual({ kind: 'bearer', id: '1001001', token: 'tok-1' });
    expect(fromGadgetConfig({ ...CONFIG, authToken: 'tok-1' }).credentials.kind).toBe('bearer');
    expect(fromGadgetConfig({ ...CONFIG, authToken: 'tok-1' }, { prefer: 'basic' }).credentials.kind).toBe('basic');

    const refreshed = fromGadgetConfig({ ...CONFIG, authorization: '', authToken: 'tok-1' }, { refreshToken: async () => 'tok-2' });
    const credentials = refreshed.credentials;
    if (credentials.kind !== 'bearer' || typeof credentials.token !== 'function') throw new Error('expected a token source');
    expect(await credentials.token()).toBe('tok-1');
    expect(await credentials.token()).toBe('tok-2');
  });

  it('PL-7/SE-4: the WebSocket URL is configurable (UNVERIFIED); http gives ws; an alternate node makes two nodes', () => {
    const options = fromGadgetConfig(
      { ...CONFIG, scheme: 'http', host: '127.0.0.1', hostPort: 5173, xmppDomain: '', pubsubDomain: '' },
      {
        xmppUrl: '{wsScheme}://{host}:7443/ws/',
        alternate: { restUrl: 'http://127.0.0.1:41000/', xmppUrl: 'ws://127.0.0.1:41001/xmpp-websocket' },
        wrapUpTimeoutSec: 30,
      },
    );
    expect(options.nodes).toEqual([
      { restUrl: 'http://127.0.0.1:5173', xmppUrl: 'ws://127.0.0.1:7443/ws/' },
      { restUrl: 'http://127.0.0.1:41000', xmppUrl: 'ws://127.0.0.1:41001/xmpp-websocket' },
    ]);
    expect(options.wrapUpTimeoutSec).toBe(30);
    // The alternate takes the template when it has no URL of its own; a missing port is 8445.
    const two = fromGadgetConfig({ ...CONFIG, hostPort: '' }, { alternate: { restUrl: 'https://finesse-b.example.com:8445' } });
    expect(two.nodes.map((n) => n.xmppUrl)).toEqual(['wss://finesse-a.example.com:8445/ws/', 'wss://finesse-b.example.com:8445/ws/']);
    expect(fromGadgetConfig({ ...CONFIG, host: '::1' }).nodes[0].restUrl).toBe('https://[::1]:8445');
  });

  it('PL-7: a mobile agent sign-in in Config becomes the mobileAgent option (SL-2)', () => {
    const options = fromGadgetConfig({
      ...CONFIG,
      extension: '3001',
      mobileAgentMode: 'NAILED_CONNECTION',
      mobileAgentDialNumber: '5551234',
    });
    expect(options.mobileAgent).toEqual({ extension: '3001', mode: 'NAILED_CONNECTION' });
    expect(fromGadgetConfig({ ...CONFIG, extension: '3001' }).mobileAgent).toBeUndefined();
  });

  it('PL-7: what cannot be used is a typed, readable error naming the Config field', () => {
    expect(errorOf(() => fromGadgetConfig({ ...CONFIG, authorization: '', authToken: '' }))).toMatchObject({
      code: 'session.required',
      message: expect.stringMatching(/neither an authorization nor an authToken/),
    });
    const cases: [Partial<FinesseGadgetConfig>, RegExp][] = [
      [{ host: '' }, /Config host is empty/],
      [{ host: 'evil.example.com/path?x' }, /Config host is "evil/],
      [{ scheme: 'ftp' }, /Config scheme is "ftp"/],
      [{ hostPort: '84a5' }, /Config hostPort is "84a5"/],
      [{ hostPort: '70000' }, /hostPort/],
      [{ authorization: '***' }, /authorization is not base64/],
      [{ authorization: btoa('no-colon') }, /authorization does not hold "id:password"/],
      [{ authorization: btoa('\xff\xfe:x') }, /authorization is not base64 of UTF-8/],
      [{ authorization: '', authToken: 'tok', id: '' }, /Config id is empty/],
    ];
    for (const [change, message] of cases) {
      const error = errorOf(() => fromGadgetConfig({ ...CONFIG, ...change }));
      expect(error.code, JSON.stringify(change)).toBe('payload.malformed');
      expect(error.message).toMatch(message);
    }
    expect(errorOf(() => fromGadgetConfig(CONFIG, { xmppUrl: 'https://{host}/ws/' })).message).toMatch(/xmppUrl gives .* ws: or wss:/);
    expect(errorOf(() => fromGadgetConfig(CONFIG, { alternate: { restUrl: 'finesse-b' } })).message).toMatch(/alternate.restUrl/);
  });
});
