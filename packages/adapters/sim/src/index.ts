// @cc-elements/adapter-sim: a deterministic contact-center simulator behind the core's adapter
// port, for the demo, the stories and the tests. Runs in browsers and in Node.

export { createSimAdapter, SIM_COMMANDS, type SimAdapter, type SimAdapterOptions } from './adapter.js';
export {
  DEFAULT_CONSULT_DELAY_MS,
  DEFAULT_WRAP_UP_GRACE_MS,
  type CallClosing,
  type ConsultFailure,
  type InjectedCall,
  type SimCall,
  type SimCallStatus,
} from './acd.js';
export { drawCaller, type Caller, type SimRange } from './callers.js';
export {
  BOT_NAME,
  DEFAULT_CUSTOMER_REPLY_MS,
  DEFAULT_MAILBOX,
  HOSTILE_EMAIL_HTML,
  type CustomerMessage,
  type DigitalCustomer,
  type InboundAttachment,
} from './customers.js';
export {
  DEFAULT_THREAD_LOAD_MS,
  RECEIPT_DELAYS,
  type ContactEnding,
  type DigitalMedia,
  type InjectedContact,
  type SimContact,
  type SimContactStatus,
} from './digital.js';
export { CARD_NUMBER_PATTERN, DEFAULT_DIGITAL_OFFER_TIMEOUT_MS, DIGITAL } from './digital-settings.js';
export { DEFAULT_FLOOR_ANSWER_AFTER_MS, DEFAULT_FLOOR_WRAP_UP_MS } from './floor.js';
export { DEFAULT_ROSTER_TICK_MS } from './supervision.js';
export {
  SimContactCenter,
  DEFAULT_JITTER,
  DEFAULT_LATENCY_MS,
  DEFAULT_SEED,
  type FailNextOptions,
  type ServerMediaState,
  type SimChange,
  type SimContactCenterOptions,
} from './engine.js';
export {
  DEFAULT_CALLER_PATIENCE_MS,
  DEFAULT_OFFER_TIMEOUT_MS,
  DEFAULT_SERVICE_LEVEL_TARGET_MS,
  DEFAULT_TALK_TIME_MS,
  SCENARIOS,
  SCENARIO_NAMES,
  isScenarioName,
  isValidWrapUpTimeout,
  resolveScenario,
  validateScenario,
  type ConsultOutcome,
  type MediaSignInFault,
  type ScenarioName,
  type SimFloor,
  type SimFloorTeam,
  type SimQueue,
  type SimQueueMember,
  type SimQueueSupervisor,
  type SimScenario,
  type SimVirtualAgents,
} from './scenarios.js';
