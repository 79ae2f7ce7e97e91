// A lean XMPP-over-WebSocket client assembled from xmpp.js's own modules (client-core, websocket,
// stream features, SASL PLAIN, resource binding, iq): what Finesse notifications need (§9.1 —
// pubsub only, no stream management) and nothing that pulls Node's DNS, TCP or TLS into a page.

import { Client, xml } from '@xmpp/client-core';
import websocket from '@xmpp/websocket';
import middleware from '@xmpp/middleware';
import streamFeatures from '@xmpp/stream-features';
import iqCaller from '@xmpp/iq/caller.js';
import iqCallee from '@xmpp/iq/callee.js';
import sasl from '@xmpp/sasl';
import saslPlain from '@xmpp/sasl-plain';
import resourceBinding from '@xmpp/resource-binding';
import SASLFactory from 'saslmechanisms';
import type { Element } from 'ltx';

export { xml };

export interface XmppOptions {
  readonly service: string;
  readonly domain: string;
  readonly resource: string;
  readonly username: string;
  readonly password: string;
}

/** The parts of the session the notification channel uses. */
export interface XmppSession {
  readonly jid: { bare(): { toString(): string } } | null;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  send(element: Element): Promise<unknown>;
  on(event: 'stanza', listener: (stanza: Element) => void): void;
  on(event: 'error' | 'disconnect' | 'offline', listener: (...args: unknown[]) => void): void;
  readonly iqCaller: { request(element: Element, timeoutMs?: number): Promise<Element> };
}

export function createXmppSession(options: XmppOptions): XmppSession {
  const entity = new Client({ service: options.service, domain: options.domain });
  websocket({ entity });
  const mw = middleware({ entity });
  const features = streamFeatures({ middleware: mw });
  const caller = iqCaller({ middleware: mw, entity });
  const callee = iqCallee({ middleware: mw, entity });
  // Answer the server's pings (XEP-0199) as the full client does.
  callee.get('urn:xmpp:ping', 'ping', () => ({}));
  const factory = new SASLFactory();
  saslPlain(factory);
  // Finesse authenticates with the REST credentials over SASL PLAIN (§9.1; use wss:// outside loopback).
  const onAuthenticate = async (authenticate: (credentials: object, mechanism: string) => Promise<void>) => {
    await authenticate({ username: options.username, password: options.password }, 'PLAIN');
  };
  (sasl as unknown as (deps: object, onAuthenticate: unknown) => void)({ streamFeatures: features, saslFactory: factory }, onAuthenticate);
  resourceBinding({ iqCaller: caller, streamFeatures: features }, options.resource);
  return Object.assign(entity, { iqCaller: caller }) as unknown as XmppSession;
}
