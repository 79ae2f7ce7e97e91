// P1: what an agent desktop inside Finesse loads up front, used the way the gadget uses it — the
// core's client, every widget (cc-all) and the Finesse adapter built from the gadget's config.
// bench/run.mjs measures it with scripts/size.mjs.
import { createClient, webStorage } from '@cc-elements/core';
import { createFinesseAdapter, fromGadgetConfig, type FinesseGadgetConfig } from '@cc-elements/adapter-finesse';
import '@cc-elements/widgets/cc-all.js';

declare const finesse: { gadget: { Config: FinesseGadgetConfig } };

const adapter = createFinesseAdapter(fromGadgetConfig(finesse.gadget.Config));
const client = createClient({ adapter, storage: webStorage(localStorage) });
for (const provider of document.querySelectorAll('cc-provider')) provider.client = client;
