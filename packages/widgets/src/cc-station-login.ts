import { define } from './internal/define.js';
import { CcStationLogin } from './station-login/station-login.js';

define('cc-station-login', CcStationLogin);

declare global {
  interface HTMLElementTagNameMap {
    'cc-station-login': CcStationLogin;
  }
}
