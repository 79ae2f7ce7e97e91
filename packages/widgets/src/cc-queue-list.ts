import { define } from './internal/define.js';
import { CcQueueList } from './queue-list/queue-list.js';

define('cc-queue-list', CcQueueList);

declare global {
  interface HTMLElementTagNameMap {
    'cc-queue-list': CcQueueList;
  }
}
