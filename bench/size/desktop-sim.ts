// P1: what an agent desktop on the simulator loads up front, used the way a page uses it — the
// core's client, every widget (cc-all) and the adapter. bench/run.mjs measures it with scripts/size.mjs.
import { createClient, webStorage } from '@cc-elements/core';
import { createSimAdapter } from '@cc-elements/adapter-sim';
import '@cc-elements/widgets/cc-all.js';

const client = createClient({ adapter: createSimAdapter({ scenario: 'default' }), storage: webStorage(localStorage) });
for (const provider of document.querySelectorAll('cc-provider')) provider.client = client;
