// @cc-elements/adapter-sim: a deterministic contact-center simulator behind the core's adapter
// port, for the demo, the stories and the tests. Runs in browsers and in Node.

export { createSimAdapter, type SimAdapter, type SimAdapterOptions } from './adapter.js';
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
  SCENARIOS,
  SCENARIO_NAMES,
  isScenarioName,
  resolveScenario,
  type MediaSignInFault,
  type ScenarioName,
  type SimScenario,
} from './scenarios.js';
