import { define } from './internal/define.js';
import { CcWrapupPicker } from './wrapup-picker/wrapup-picker.js';

define('cc-wrapup-picker', CcWrapupPicker);

declare global {
  interface HTMLElementTagNameMap {
    'cc-wrapup-picker': CcWrapupPicker;
  }
}
