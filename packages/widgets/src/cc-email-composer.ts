import { define } from './internal/define.js';
import { CcEmailComposer } from './email-composer/email-composer.js';

define('cc-email-composer', CcEmailComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cc-email-composer': CcEmailComposer;
  }
}
