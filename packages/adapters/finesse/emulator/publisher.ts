// The emulator's own XMPP client on one node's Prosody, as Finesse's `finesse` user: signs in as
// admin over WebSocket with @xmpp/client, creates the pubsub nodes, subscribes users' bare JIDs
// to the nodes Finesse subscribes by itself (brief §9.2), and publishes each `Update` as the
// escaped text of a `<notification>` item (brief §9.3), in order. It also accepts every presence
// subscription, so clients can watch the `finesse` user's availability (brief §10).

import type { Element as LtxElement } from 'ltx';
import { client, xml, type Client } from '@xmpp/client';
import { WebSocket as NodeWebSocket } from 'ws';

// @xmpp/websocket uses the global WebSocket, which Node 20 lacks without a flag.
globalThis.WebSocket ??= NodeWebSocket as unknown as typeof globalThis.WebSocket;

const PUBSUB = 'http://jabber.org/protocol/pubsub';
const PUBSUB_OWNER = 'http://jabber.org/protocol/pubsub#owner';

export interface PublisherOptions {
  /** XMPP over WebSocket, e.g. `ws://127.0.0.1:40123/xmpp-websocket`. */
  readonly websocketUrl: string;
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly username: string;
  readonly password: string;
  /** `<notification>`'s namespace; `null` sets `xmlns=""` (it would inherit pubsub's otherwise). */
  readonly notificationNamespace: string | null;
}

export class Publisher {
  readonly #options: PublisherOptions;
  readonly #xmpp: Client;
  /** Every publish waits for the one before: notifications leave in the order they were made. */
  #queue: Promise<unknown> = Promise.resolve();
  #online = false;
  #items = 0;
  /** The last failure of a publish (kept for diagnostics; a failed publish does not stop the next). */
  lastError: Error | undefined;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#xmpp = client({
      service: options.websocketUrl,
      domain: options.domain,
      username: options.username,
      password: options.password,
      resource: 'emulator',
    });
    // The node runtime decides when to connect again (after the node is back in service).
    this.#xmpp.reconnect.stop();
    this.#xmpp.on('error', (error: Error) => {
      this.lastError = error;
    });
    // Brief §10: a client checks that the `finesse` user is AVAILABLE; whoever asks may see its presence.
    this.#xmpp.on('stanza', (stanza: LtxElement) => {
      if (stanza.is('presence') && stanza.attrs.type === 'subscribe' && typeof stanza.attrs.from === 'string') {
        const to = stanza.attrs.from.split('/')[0]!;
        this.#xmpp.send(xml('presence', { to, type: 'subscribed' })).catch(() => undefined);
        this.#xmpp.send(xml('presence', { to, type: 'subscribe' })).catch(() => undefined);
      } else if (stanza.is('presence') && stanza.attrs.type === 'subscribed') {
        this.#xmpp.send(xml('presence', { to: stanza.attrs.from, type: 'subscribed' })).catch(() => undefined);
      }
    });
    this.#xmpp.on('offline', () => {
      this.#online = false;
    });
    this.#xmpp.on('disconnect', () => {
      this.#online = false;
    });
  }

  get online(): boolean {
    return this.#online;
  }

  /** Connects and says it is available (brief §10: the `finesse` user's presence). */
  async start(): Promise<void> {
    await this.#xmpp.start();
    await this.#xmpp.send(xml('presence', {}, xml('priority', {}, '0')));
    this.#online = true;
  }

  /** Creates nodes that do not exist yet (open access, nothing stored, nothing replayed). */
  async createNodes(nodes: readonly string[]): Promise<void> {
    await Promise.all(
      nodes.map(async (node) => {
        try {
          await this.#request(
            xml(
              'pubsub',
              { xmlns: PUBSUB },
              xml('create', { node }),
              xml(
                'configure',
                {},
                xml(
                  'x',
                  { xmlns: 'jabber:x:data', type: 'submit' },
                  field('FORM_TYPE', 'http://jabber.org/protocol/pubsub#node_config'),
                  field('pubsub#access_model', 'open'),
                  field('pubsub#persist_items', '0'),
                  field('pubsub#send_last_published_item', 'never'),
                ),
              ),
            ),
          );
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }),
    );
  }

  /** Subscribes a JID (a user's bare JID) to nodes, as the node's owner. */
  async subscribe(jid: string, nodes: readonly string[]): Promise<void> {
    await Promise.all(nodes.map((node) => this.#request(xml('pubsub', { xmlns: PUBSUB }, xml('subscribe', { node, jid })))));
  }

  /** The subscriptions of a node (owner view), for tests and diagnostics. */
  async subscriptions(node: string): Promise<string[]> {
    const result = await this.#request(xml('pubsub', { xmlns: PUBSUB_OWNER }, xml('subscriptions', { node })), 'get');
    const list = result.getChild('pubsub', PUBSUB_OWNER)?.getChild('subscriptions')?.getChildren('subscription') ?? [];
    return list.map((s) => String(s.attrs.jid));
  }

  /** Publishes one Update on a node; failures are kept in `lastError`, never thrown. */
  publish(node: string, update: LtxElement): void {
    if (!this.#online) return;
    const namespace = this.#options.notificationNamespace;
    const notification = xml('notification', { xmlns: namespace ?? '' }, update.toString());
    const item = xml('item', { id: `n${++this.#items}` }, notification);
    const stanza = xml('pubsub', { xmlns: PUBSUB }, xml('publish', { node }, item));
    this.#queue = this.#queue
      .then(() => (this.#online ? this.#request(stanza) : undefined))
      .catch((error: unknown) => {
        this.lastError = error instanceof Error ? error : new Error(String(error));
      });
  }

  /** Resolves once every publish so far has been answered. */
  async drain(): Promise<void> {
    await this.#queue;
  }

  async stop(): Promise<void> {
    this.#online = false;
    this.#xmpp.reconnect.stop();
    try {
      await this.#xmpp.stop();
    } catch {
      // The server may already be gone: nothing left to close.
    }
  }

  #request(payload: ReturnType<typeof xml>, type: 'set' | 'get' = 'set'): Promise<ReturnType<typeof xml>> {
    return this.#xmpp.iqCaller.request(xml('iq', { type, to: this.#options.pubsubDomain }, payload), 5_000);
  }
}

function field(name: string, value: string): ReturnType<typeof xml> {
  return xml('field', { var: name, ...(name === 'FORM_TYPE' ? { type: 'hidden' } : {}) }, xml('value', {}, value));
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { condition?: string }).condition === 'conflict';
}
