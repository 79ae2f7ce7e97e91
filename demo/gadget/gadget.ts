// The gadget's script (PL-7), loaded by cc-elements.xml inside the Finesse desktop's iframe. As
// finesse.js gadgets do, it builds `finesse.gadget.Config` from `gadgets.Prefs` (the values the
// container gives the gadget), and on `gadgets.HubSettings.onConnect` (ccElementsGadget.init)
// mounts the widgets on the Finesse-style adapter made from that Config and the gadget's
// UserPrefs (WebSocket URL, alternate node, failover delay).

import { createClient, webStorage, type CcClient } from '@cc-elements/core';
import { createFinesseAdapter, fromGadgetConfig, type FinesseGadgetConfig } from '@cc-elements/adapter-finesse';
// Every widget: the first view's at once, the rest on first use.
import '@cc-elements/widgets/cc-all.js';

/** The part of the gadget API (Shindig's `gadgets.*`) this gadget uses. */
interface GadgetsApi {
  Prefs: new () => { getString(name: string): string; getInt(name: string): number };
  HubSettings: { onConnect?: () => void };
  window: { adjustHeight(height?: number): void; setTitle(title: string): void };
}

declare global {
  interface Window {
    gadgets: GadgetsApi;
    finesse?: { gadget?: { Config?: FinesseGadgetConfig } };
    ccElementsGadget: { init(): void };
    ccClient?: CcClient;
  }
}

// finesse.gadget.Config, read from the container's prefs the way finesse.js gadgets read it.
const finesse = (window.finesse ??= {});
finesse.gadget ??= {};
finesse.gadget.Config = (() => {
  const prefs = new window.gadgets.Prefs();
  const text = (name: string) => prefs.getString(name);
  return {
    id: text('id'),
    authorization: text('authorization'),
    authToken: text('authToken'),
    country: text('country'),
    language: text('language'),
    locale: text('locale'),
    host: text('host'),
    hostPort: text('hostPort'),
    extension: text('extension'),
    mobileAgentMode: text('mobileAgentMode'),
    mobileAgentDialNumber: text('mobileAgentDialNumber'),
    xmppDomain: text('xmppDomain'),
    pubsubDomain: text('pubsubDomain'),
    restHost: text('restHost'),
    scheme: text('scheme'),
    localhostFQDN: text('localhostFQDN'),
    localhostPort: text('localhostPort'),
    clientDriftInMillis: prefs.getInt('clientDriftInMillis'),
  } satisfies FinesseGadgetConfig;
})();

const STYLE = `
  :root { font-family: system-ui, sans-serif; color-scheme: light dark; }
  body { margin: 0; padding: 0.75rem; }
  .gadget { display: grid; gap: 1rem; grid-template-columns: minmax(0, 28rem) minmax(0, 1fr); align-items: start; }
  .gadget > .column { display: grid; gap: 1rem; align-content: start; }
  .gadget > .wide { grid-column: 1 / -1; }
  .status { font-size: 0.85rem; color: #5a606b; margin: 0; }
  .problem { color: #b3261e; }
  @media (max-width: 50rem) { .gadget { grid-template-columns: 1fr; } }
`;

function element(tag: string, className = ''): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** The widgets, in one provider, inside #root. */
function mountWidgets(root: HTMLElement, client: CcClient): HTMLElement {
  const provider = element('cc-provider', 'gadget') as HTMLElement & { client: CcClient };
  const left = element('div', 'column');
  left.append(element('cc-agent-state'), element('cc-station-login'), element('cc-call-banner'), element('cc-wrapup-picker'));
  const right = element('div', 'column');
  right.append(element('cc-queue-list'));
  const tasks = element('div', 'wide');
  tasks.append(element('cc-task-pane'));
  provider.append(left, right, tasks);
  provider.client = client;
  const status = element('p', 'status');
  status.id = 'gadget-status';
  status.setAttribute('role', 'status');
  root.replaceChildren(provider, status);
  return status;
}

let started = false;

/** The gadget's entry point, called from `gadgets.HubSettings.onConnect` in cc-elements.xml. */
function init(): void {
  if (started) return;
  started = true;
  const root = document.querySelector<HTMLElement>('#root') ?? document.body;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const config = finesse.gadget!.Config!;
  if (config.locale) document.documentElement.lang = config.locale.replace('_', '-');
  const prefs = new window.gadgets.Prefs();
  const alternateRestUrl = prefs.getString('alternateRestUrl');
  const alternateXmppUrl = prefs.getString('alternateXmppUrl');
  const alternateAfterSec = prefs.getInt('alternateAfterSec');
  try {
    const adapter = createFinesseAdapter(
      fromGadgetConfig(config, {
        ...(prefs.getString('xmppUrl') ? { xmppUrl: prefs.getString('xmppUrl') } : {}),
        ...(alternateRestUrl
          ? { alternate: { restUrl: alternateRestUrl, ...(alternateXmppUrl ? { xmppUrl: alternateXmppUrl } : {}) } }
          : {}),
        failover: {
          ...(alternateAfterSec > 0 ? { alternateAfterMs: alternateAfterSec * 1000 } : {}),
          // A short failover delay is a demo's: retry quicker too.
          ...(alternateAfterSec > 0 && alternateAfterSec < 10 ? { backoffMs: 300, maxBackoffMs: 2_000 } : {}),
        },
      }),
    );
    const client = createClient({ adapter, storage: webStorage(localStorage) });
    const status = mountWidgets(root, client);
    // SE-4: which node the widgets speak to — the desktop's own, or the alternate after a failover.
    adapter.node$.subscribe((index) => {
      status.dataset.node = String(index);
      status.textContent = index === 0 ? "The widgets speak to the desktop's Finesse node." : 'The widgets speak to the alternate node.';
    });
    window.ccClient = client;
  } catch (error) {
    const problem = element('p', 'problem');
    problem.setAttribute('role', 'alert');
    problem.textContent = `The gadget could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(problem);
  }
  window.gadgets.window.setTitle('cc-elements');
  // dynamic-height: the desktop sizes the iframe to the gadget's content as it changes.
  new ResizeObserver(() => window.gadgets.window.adjustHeight()).observe(document.body);
}

window.ccElementsGadget = { init };
