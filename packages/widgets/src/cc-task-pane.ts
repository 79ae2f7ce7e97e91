import { define } from './internal/define.js';
import { CcTaskPane } from './task-pane/task-pane.js';

define('cc-task-pane', CcTaskPane);

declare global {
  interface HTMLElementTagNameMap {
    'cc-task-pane': CcTaskPane;
  }
}
