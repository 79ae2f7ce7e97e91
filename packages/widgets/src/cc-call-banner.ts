import { define } from './internal/define.js';
import { CcCallBanner } from './call-banner/call-banner.js';

define('cc-call-banner', CcCallBanner);

declare global {
  interface HTMLElementTagNameMap {
    'cc-call-banner': CcCallBanner;
  }
}
