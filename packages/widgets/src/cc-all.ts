// Registers every widget at once.
import './cc-provider.js';
import './cc-station-login.js';
import './cc-agent-state.js';
import './cc-wrapup-picker.js';
import './cc-queue-list.js';
import './cc-call-banner.js';
import './cc-email-composer.js';
import './cc-task-pane.js';
import './cc-supervisor-grid.js';
