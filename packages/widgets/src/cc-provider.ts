import { define } from './internal/define.js';
import { CcProvider } from './provider/provider.js';

define('cc-provider', CcProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
}
