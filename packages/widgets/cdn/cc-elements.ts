// cc-elements.js, the one-file CDN bundle (PL-1): every widget, the core's client and the
// simulator adapter in one minified ES module, with the parts the packages load lazily
// (libphonenumber-js, DOMPurify, ProseMirror) inside — a page needs this file and nothing else:
//
//   <script type="module" src="https://…/cc-elements.js"></script>
//
// Importing it defines every tag at once. Built by scripts/cdn.mjs into dist/cdn/.

// First, so that widgets already in the page find the page's client as their tags are defined.
export { provideClient } from './page-client.js';

import '@cc-elements/widgets/cc-provider.js';
import '@cc-elements/widgets/cc-station-login.js';
import '@cc-elements/widgets/cc-agent-state.js';
import '@cc-elements/widgets/cc-call-banner.js';
import '@cc-elements/widgets/cc-wrapup-picker.js';
import '@cc-elements/widgets/cc-queue-list.js';
import '@cc-elements/widgets/cc-task-pane.js';
import '@cc-elements/widgets/cc-email-composer.js';
import '@cc-elements/widgets/cc-supervisor-grid.js';
import { define } from '@cc-elements/widgets';
import { CcSimulator } from './simulator.js';

define('cc-simulator', CcSimulator);

declare global {
  interface HTMLElementTagNameMap {
    'cc-simulator': CcSimulator;
  }
}

export { CcSimulator };
export { createClient, webStorage, memoryStorage, CcError, type CcClient, type StoragePort } from '@cc-elements/core';
export { createSimAdapter, SCENARIOS, SCENARIO_NAMES, isScenarioName, type SimAdapter, type ScenarioName } from '@cc-elements/adapter-sim';
export {
  CcProvider,
  CcStationLogin,
  CcAgentState,
  CcCallBanner,
  CcWrapupPicker,
  CcQueueList,
  CcTaskPane,
  CcEmailComposer,
  CcSupervisorGrid,
  VERSION,
} from '@cc-elements/widgets';
