// @cc-elements/adapter-finesse: the Finesse-style backend (REST with XML bodies, XMPP pubsub
// notifications, two-node failover) behind the core's adapter port.
export { createFinesseAdapter, FINESSE_COMMANDS, type FinesseAdapter } from './adapter.js';
export type { FinesseAdapterOptions, FinesseCredentials, FinesseNode } from './options.js';
export * from './xml/index.js';
export * from './rest.js';
