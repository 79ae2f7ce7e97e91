// @cc-elements/adapter-finesse: the Finesse-style backend (REST with XML bodies, XMPP pubsub
// notifications, two-node failover) behind the core's adapter port.
export { createFinesseAdapter, FINESSE_COMMANDS, type FinesseAdapter } from './adapter.js';
export type { FinesseAdapterOptions, FinesseCredentials, FinesseNode } from './options.js';
export { fromGadgetConfig, DEFAULT_GADGET_XMPP_URL, type FinesseGadgetConfig, type FinesseGadgetExtra } from './gadget.js';
export * from './xml/index.js';
export * from './rest.js';
