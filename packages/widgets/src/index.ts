// @cc-elements/widgets: the classes, with no side effects. Import `@cc-elements/widgets/cc-<name>.js`
// (or `all.js`) to register tags.

export { CcProvider } from './provider/provider.js';
export { CcStationLogin, type SignInRequestDetail } from './station-login/station-login.js';
export { CcAgentState, type StateChangeDetail } from './agent-state/agent-state.js';
export {
  CcWrapupPicker,
  type WrapUpReasonChosenDetail,
  type WrapUpClosedDetail,
  type WrapUpErrorDetail,
} from './wrapup-picker/wrapup-picker.js';
export { CcQueueList, type QueuesConfirmedDetail, type QueueListModeSetting } from './queue-list/queue-list.js';
export { CcCallBanner, type CallDetail, type CallEndedDetail, type CallErrorDetail, type CallAction } from './call-banner/call-banner.js';
export {
  CcEmailComposer,
  type EmailSentDetail,
  type EmailErrorDetail,
  type DraftSavedDetail,
  type EmailAction,
  type ComposeMode,
  type ComposeSize,
} from './email-composer/email-composer.js';
export { CcTaskPane, type UnreadDetail, type TaskDetail, type TaskErrorDetail, type TaskAction } from './task-pane/task-pane.js';
export {
  CcSupervisorGrid,
  SUPERVISOR_VIEWS,
  SUPERVISOR_ACTIONS,
  type SupervisorView,
  type SupervisorAction,
  type SupervisorActionDetail,
  type SupervisorErrorDetail,
  type AgentSelectedDetail,
  type FavouriteToggledDetail,
  type SupervisorQueryDetail,
  type SupervisorViewDetail,
} from './supervisor-grid/supervisor-grid.js';
export { CcElement } from './internal/cc-element.js';
export { StoreController, type Bindings, type ClientHost } from './internal/store-controller.js';
export { clientContext, shortcutContext, type ShortcutSettings } from './internal/context.js';
export { DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS, type Shortcuts, type ShortcutAction } from './internal/shortcuts.js';
export { define, VERSION } from './internal/define.js';
export { LOCALES, type CcLocale, resolveLocale, setActiveLocale, activeLocale } from './internal/locale.js';
export { TOKENS } from './internal/tokens.js';
