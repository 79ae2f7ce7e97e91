// SV-5: the virtualizer, loaded the first time a grid has agents to draw — a lazy chunk, so a
// page that never shows the supervisor grid does not pay for it up front.

export { virtualize } from '@lit-labs/virtualizer/virtualize.js';
export { flow } from '@lit-labs/virtualizer/layouts/flow.js';
