// Test helpers for the emulator's tests: REST calls with fetch, and a real XMPP subscriber
// (@xmpp/client over WebSocket to a node's Prosody) that collects Finesse Update notifications.
// Test-side reading uses plain ltx, not the adapter's codec.

import { client, xml, type Client } from '@xmpp/client';
import { parse, type Element } from 'ltx';
import { WebSocket as NodeWebSocket } from 'ws';
import type { FinesseEmulatorNode } from './server.js';

globalThis.WebSocket ??= NodeWebSocket as unknown as typeof globalThis.WebSocket;

export interface Credentials {
  readonly id: string;
  readonly password: string;
}

export interface ApiReply {
  readonly status: number;
  readonly text: string;
  readonly requestId: string | null;
  readonly headers: Headers;
  /** The body as XML, when it is XML. */
  readonly xml: Element | undefined;
}

export function basic(user: Credentials): string {
  return `Basic ${Buffer.from(`${user.id}:${user.password}`).toString('base64')}`;
}

/** One REST call to a node; `body` is sent as application/xml. */
export async function api(
  node: FinesseEmulatorNode,
  user: Credentials | undefined,
  method: string,
  path: string,
  options: { body?: string | Uint8Array<ArrayBuffer>; requestId?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (user) headers.Authorization = basic(user);
  if (options.requestId !== undefined) headers.requestId = options.requestId;
  if (options.body !== undefined) headers['Content-Type'] = 'application/xml';
  const response = await fetch(`${node.restUrl}/finesse/api${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.text();
  let element: Element | undefined;
  if (text.includes('<')) element = parse(text);
  return { status: response.status, text, requestId: response.headers.get('requestId'), headers: response.headers, xml: element };
}

/** The ErrorType of an `ApiErrors` reply. */
export function errorType(reply: ApiReply): string | undefined {
  return reply.xml?.getChild('ApiError')?.getChildText('ErrorType') ?? undefined;
}

/** One Finesse notification as received. */
export interface Update {
  /** The pubsub node it came on. */
  readonly node: string;
  readonly event: string;
  readonly requestId: string;
  readonly source: string;
  /** The element under `<data>`. */
  readonly data: Element;
}

interface Waiter {
  readonly predicate: (update: Update) => boolean;
  readonly resolve: (update: Update) => void;
}

/** A real XMPP client signed in as a user, collecting Update notifications. */
export class Subscriber {
  readonly xmpp: Client;
  readonly updates: Update[] = [];
  /** Resolves when the server closes the session. */
  readonly disconnected: Promise<void>;
  readonly #waiters = new Set<Waiter>();
  /** Presence stanzas received (e.g. of the `finesse` user). */
  readonly presences: Element[] = [];
  readonly #presenceWaiters = new Set<(presence: Element) => void>();

  private constructor(xmpp: Client) {
    this.xmpp = xmpp;
    this.disconnected = new Promise((resolve) => xmpp.on('disconnect', () => resolve()));
    xmpp.on('stanza', (stanza: Element) => {
      if (stanza.is('presence')) {
        this.presences.push(stanza);
        for (const waiter of [...this.#presenceWaiters]) waiter(stanza);
        return;
      }
      if (!stanza.is('message')) return;
      const items = stanza.getChild('event', 'http://jabber.org/protocol/pubsub#event')?.getChild('items');
      for (const item of items?.getChildren('item') ?? []) {
        const text = item.getChild('notification')?.getText();
        if (!text) continue;
        const root = parse(text);
        const update: Update = {
          node: String(items!.attrs.node),
          event: root.getChildText('event') ?? '',
          requestId: root.getChildText('requestId') ?? '',
          source: root.getChildText('source') ?? '',
          data: root.getChild('data')!.getChildElements()[0]!,
        };
        const waiter = [...this.#waiters].find((w) => w.predicate(update));
        if (waiter) {
          this.#waiters.delete(waiter);
          waiter.resolve(update);
        } else this.updates.push(update);
      }
    });
  }

  static async connect(node: FinesseEmulatorNode, user: Credentials, resource = 'test'): Promise<Subscriber> {
    const xmpp = client({ service: node.xmppUrl, domain: node.domain, username: user.id, password: user.password, resource });
    xmpp.reconnect.stop();
    xmpp.on('error', () => undefined);
    const subscriber = new Subscriber(xmpp);
    await xmpp.start();
    await xmpp.send(xml('presence'));
    // A round trip: the server has seen the presence before anything is published.
    await xmpp.iqCaller.request(xml('iq', { type: 'get' }, xml('ping', { xmlns: 'urn:xmpp:ping' })));
    return subscriber;
  }

  /** Subscribes this full JID to a node (Team, Queue: nodes Finesse does not subscribe by itself). */
  async subscribe(node: FinesseEmulatorNode, pubsubNode: string): Promise<void> {
    await this.xmpp.iqCaller.request(
      xml(
        'iq',
        { type: 'set', to: node.pubsubDomain },
        xml(
          'pubsub',
          { xmlns: 'http://jabber.org/protocol/pubsub' },
          xml('subscribe', { node: pubsubNode, jid: this.xmpp.jid!.toString() }),
        ),
      ),
    );
  }

  /** The first update (received or to come) that matches; it is taken out of the buffer. */
  take(predicate: (update: Update) => boolean, timeoutMs = 4_000): Promise<Update> {
    const index = this.updates.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.updates.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (update) => {
          clearTimeout(timer);
          resolve(update);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.updates.map((u) => `${u.event} ${u.source} [${u.requestId}] ${u.data.getChildText('state') ?? ''}`);
        reject(new Error(`No matching notification in ${timeoutMs} ms; unmatched so far:\n${seen.join('\n')}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Asks to see a JID's presence and resolves once it is seen available. */
  watchPresence(jid: string, timeoutMs = 4_000): Promise<Element> {
    return new Promise((resolve, reject) => {
      const waiter = (presence: Element) => {
        if (String(presence.attrs.from ?? '').split('/')[0] !== jid || presence.attrs.type !== undefined) return;
        clearTimeout(timer);
        this.#presenceWaiters.delete(waiter);
        resolve(presence);
      };
      const timer = setTimeout(() => {
        this.#presenceWaiters.delete(waiter);
        reject(new Error(`No presence from ${jid} in ${timeoutMs} ms.`));
      }, timeoutMs);
      this.#presenceWaiters.add(waiter);
      this.xmpp.send(xml('presence', { to: jid, type: 'subscribe' })).catch(reject);
    });
  }

  async stop(): Promise<void> {
    try {
      await this.xmpp.stop();
    } catch {
      // already disconnected
    }
  }
}

/** A predicate for an Update by its parts. */
export function update(match: {
  event?: string;
  source?: string;
  requestId?: string;
  node?: string;
  state?: string;
}): (u: Update) => boolean {
  return (u) =>
    (match.event === undefined || u.event === match.event) &&
    (match.source === undefined || u.source === match.source) &&
    (match.requestId === undefined || u.requestId === match.requestId) &&
    (match.node === undefined || u.node === match.node) &&
    (match.state === undefined || stateOf(u) === match.state);
}

/** The `state` of an update's resource (a Dialog inside `dialogs` included). */
export function stateOf(u: Update): string | undefined {
  const resource = u.data.name.toLowerCase() === 'dialogs' ? u.data.getChildElements()[0] : u.data;
  return resource?.getChildText('state') ?? undefined;
}

/** The agent participant's actions and state in a Dialog element (the first participant). */
export function agentParticipant(dialog: Element): { state: string; actions: string[] } {
  const participant = dialog.getChild('participants')!.getChildElements()[0]!;
  return {
    state: participant.getChildText('state') ?? '',
    actions: participant
      .getChild('actions')!
      .getChildElements()
      .map((a) => a.getText()),
  };
}

/** The Dialog inside an update (`dialogs` holds one, `dialog` is one). */
export function dialogOf(u: Update): Element {
  return u.data.name.toLowerCase() === 'dialogs' ? u.data.getChildElements()[0]! : u.data;
}
