// Registers every widget. What an agent sees first (the provider, the station login and the agent
// state) is defined at once; the others are defined now too but their code loads the first time
// one is on the page (see internal/lazy.ts), so a page pays only for the widgets it shows.
import './cc-provider.js';
import './cc-station-login.js';
import './cc-agent-state.js';
import { lazyDefine } from './internal/lazy.js';

lazyDefine('cc-wrapup-picker', () => import('./cc-wrapup-picker.js'));
lazyDefine('cc-queue-list', () => import('./cc-queue-list.js'));
lazyDefine('cc-call-banner', () => import('./cc-call-banner.js'));
lazyDefine('cc-email-composer', () => import('./cc-email-composer.js'));
lazyDefine('cc-task-pane', () => import('./cc-task-pane.js'));
lazyDefine('cc-supervisor-grid', () => import('./cc-supervisor-grid.js'));

export { defineWidgetsIn } from './internal/lazy.js';
