// The page's own client for widgets that no <cc-provider> encloses (PL-2 in hosts): a desktop
// layout places each widget in its own area and shadow root, where no provider can wrap them all.

import { ContextProvider } from '@lit/context';
import type { CcClient } from '@cc-elements/core';
import { clientContext } from '@cc-elements/widgets';

/*
 * Attached to the document element when the bundle loads, before any tag is defined: every widget
 * asks for the client as it connects (a bubbling, composed `context-request`), and a widget whose
 * request no nearer <cc-provider> answered stays subscribed here — so the client given later, by
 * `provideClient`, reaches the widgets already on the page too.
 */
const pageProvider =
  typeof document === 'undefined' ? undefined : new ContextProvider(document.documentElement, { context: clientContext });

/**
 * Gives `client` to every widget on the page that is not inside a `<cc-provider>` (at any depth,
 * through shadow roots); `undefined` takes it back. A widget's own `client` property and the
 * nearest `<cc-provider>` still come first.
 */
export function provideClient(client: CcClient | undefined): void {
  pageProvider?.setValue(client);
}
