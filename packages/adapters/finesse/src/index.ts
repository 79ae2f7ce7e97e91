// @cc-elements/adapter-finesse: the Finesse-style backend (REST with XML bodies, XMPP pubsub
// notifications, two-node failover) behind the core's adapter port.
export type { FinesseAdapterOptions, FinesseCredentials, FinesseNode } from './options.js';
