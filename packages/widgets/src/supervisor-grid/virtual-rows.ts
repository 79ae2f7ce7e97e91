// SV-5: the virtualizer, loaded the first time a grid has agents to draw — a lazy chunk, so a
// page that never shows the supervisor grid does not pay for it up front.

export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
export { fixedRows } from './fixed-rows-layout.js';
