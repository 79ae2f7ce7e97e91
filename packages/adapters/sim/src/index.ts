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
  type SimQueue,
  type SimQueueMember,
  type SimQueueSupervisor,
  type SimScenario,
  type SimVirtualAgents,
} from './scenarios.js';
