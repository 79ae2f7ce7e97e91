import { define } from './internal/define.js';
import { CcAgentState } from './agent-state/agent-state.js';

define('cc-agent-state', CcAgentState);

declare global {
  interface HTMLElementTagNameMap {
    'cc-agent-state': CcAgentState;
  }
}
