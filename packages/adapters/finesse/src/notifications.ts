// The notification side of a Finesse node (protocol brief §9): an XMPP-over-WebSocket session
// (xmpp.js, see xmpp-client.ts) — sign in with the REST credentials, initial presence with
// priority 0, the explicit pubsub subscriptions, a ping every few seconds — whose pubsub items
// become Updates. A dropped session is reported once, through `closed`; reconnecting is the
// failover's job, not the library's.

import type { Element } from 'ltx';
import { Subject, type Observable } from 'rxjs';
import { CcError } from '@cc-elements/core';
import { decodeUpdate, readPubsubNotifications, type Update } from './xml/index.js';

export interface NotificationOptions {
  /** `ws://…/xmpp-websocket` or `wss://…/ws/`. */
  readonly url: string;
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly username: string;
  readonly password: string;
  /** A resource of our own: `desktop` belongs to the Finesse desktop (§9.1). */
  readonly resource: string;
  /** Nodes to subscribe to explicitly (Team, Queue, …; and the auto nodes where the server does not). */
  readonly nodes: readonly string[];
  /** How often to ping the server; two missed answers drop the session (§9.1: the desktop pings every 10 s). */
  readonly pingIntervalMs: number;
  /** How long sign-in may take. */
  readonly timeoutMs: number;
}

/** An Update with the pubsub node it came on (a team member's change comes on the team's node). */
export type NodeUpdate = Update & { readonly node: string };

export interface NotificationChannel {
  /** Every Update, in arrival order; malformed ones arrive as `CcError`s (payload.malformed). */
  readonly updates$: Observable<NodeUpdate | CcError>;
  /** Settles once, when the session is gone (the server dropped it, pings failed, or `close`). */
  readonly closed: Promise<CcError>;
  /** Subscribe to one more node (e.g. a queue's statistics); refusals are typed errors. */
  subscribe(node: string): Promise<void>;
  close(): Promise<void>;
}

const PUBSUB = 'http://jabber.org/protocol/pubsub';

/**
 * The XMPP library, loaded when first needed: a page's first paint needs REST only, and the
 * download overlaps the adapter's first requests (`connect` asks for it before them).
 */
export const loadXmpp = (): Promise<typeof import('./xmpp-client.js')> => import('./xmpp-client.js');

/** Opens a session and resolves once it is online, presence sent and every node subscribed. */
export async function openNotifications(options: NotificationOptions): Promise<NotificationChannel> {
  const { createXmppSession, xml } = await loadXmpp();
  // No reconnect module: failover decides when and where to reconnect.
  const xmpp = createXmppSession({
    service: options.url,
    domain: options.domain,
    resource: options.resource,
    username: options.username,
    password: options.password,
  });
  const updates = new Subject<NodeUpdate | CcError>();
  let settle!: (error: CcError) => void;
  const closed = new Promise<CcError>((resolve) => (settle = resolve));
  let over = false;
  const timers: { ping?: ReturnType<typeof setInterval> } = {};
  const finish = (error: CcError) => {
    if (over) return;
    over = true;
    if (timers.ping) clearInterval(timers.ping);
    updates.complete();
    settle(error);
  };

  xmpp.on('error', () => {
    // The library reports socket and stream errors here and then goes offline or disconnects.
  });
  xmpp.on('disconnect', () => finish(new CcError('network', 'The notification connection to the Finesse node dropped.')));
  xmpp.on('offline', () => finish(new CcError('network', 'The notification connection to the Finesse node closed.')));
  xmpp.on('stanza', (stanza: Element) => {
    if (!stanza.is('message')) return;
    for (const item of readPubsubNotifications(stanza)) {
      try {
        updates.next({ ...decodeUpdate(item.text), node: item.node });
      } catch (error) {
        updates.next(CcError.from(error));
      }
    }
  });

  const subscribe = async (node: string) => {
    try {
      await xmpp.iqCaller.request(
        xml(
          'iq',
          { type: 'set', to: options.pubsubDomain },
          xml('pubsub', { xmlns: PUBSUB }, xml('subscribe', { node, jid: xmpp.jid!.bare().toString() })),
        ),
        options.timeoutMs,
      );
    } catch (error) {
      throw new CcError('api', `The notification service refused the subscription to ${node}.`, { cause: error });
    }
  };

  try {
    await withTimeout(xmpp.start(), options.timeoutMs, 'The Finesse notification service did not answer in time.');
    // §9.1: without initial presence (priority ≥ 0) pubsub messages may not be delivered.
    await xmpp.send(xml('presence', {}, xml('priority', {}, '0')));
    for (const node of options.nodes) await subscribe(node);
  } catch (error) {
    finish(CcError.from(error));
    await xmpp.stop().catch(() => {});
    const cause = error instanceof CcError ? error : undefined;
    throw cause ?? new CcError('network', 'The notification connection to the Finesse node could not be opened.', { cause: error });
  }

  let missed = 0;
  timers.ping = setInterval(() => {
    xmpp.iqCaller
      .request(xml('iq', { type: 'get', to: options.domain }, xml('ping', { xmlns: 'urn:xmpp:ping' })), options.pingIntervalMs)
      .then(() => (missed = 0))
      .catch(() => {
        missed += 1;
        if (missed >= 2) {
          finish(new CcError('network', 'The Finesse notification service stopped answering.'));
          void xmpp.stop().catch(() => {});
        }
      });
  }, options.pingIntervalMs);

  return {
    updates$: updates.asObservable(),
    closed,
    subscribe,
    async close() {
      finish(new CcError('network', 'Closed.'));
      await xmpp.stop().catch(() => {});
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CcError('network', message)), ms))),
  ]).finally(() => clearTimeout(timer));
}
