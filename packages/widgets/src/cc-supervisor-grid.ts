import { define } from './internal/define.js';
import { CcSupervisorGrid } from './supervisor-grid/supervisor-grid.js';

define('cc-supervisor-grid', CcSupervisorGrid);

declare global {
  interface HTMLElementTagNameMap {
    'cc-supervisor-grid': CcSupervisorGrid;
  }
}
