// @cc-elements/core: state, rules and the adapter port. No DOM, no Lit, no adapter inside.

export * from './model/index.js';
export * from './errors.js';
export * from './adapter.js';
export * from './client/commands.js';
export * from './client/client.js';
export * from './store/events.js';
export * from './store/state.js';
export { reduce } from './store/reducer.js';
export { Store, select, sameItems } from './store/store.js';
export * from './rules/channels.js';
export * from './rules/sign-out.js';
export * from './rules/station.js';
export * from './rules/time-in-state.js';
export * from './rules/retry.js';
export * from './session/storage.js';
export * from './session/remembered-station.js';
export * from './validate/dial-number.js';
export * from './validate/extension.js';
export * from './rules/queues.js';
export * from './rules/countdown.js';
export * from './rules/offers.js';
export * from './rules/auto-return.js';
export * from './rules/wrap-up.js';
export * from './session/wrap-up-choices.js';
export * from './rules/presence.js';
export * from './session/drafts.js';
export * from './rules/composer.js';
