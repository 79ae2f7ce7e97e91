// A minimal Finesse-style desktop (PL-7): the agent signs in to the desktop, which then loads the
// gadgets of its layout the way a gadget host (Shindig in Finesse) does — fetch the gadget XML,
// take its UserPrefs (defaults, then what the desktop sets: scheme/host/hostPort, then query
// parameters on the gadget's URL in the layout), substitute `__UP_name__` in its html Content,
// and render that in an iframe, with the gadget API (gadget-api.js: gadgets.Prefs holding the
// finesse.gadget.Config values, gadgets.HubSettings, dynamic height) in front of it. Once the
// iframe has loaded, the desktop "connects the hub", which calls the gadget's onConnect.
//
// This desktop is the primary Finesse node's front door: its origin serves the desktop, the
// gadget files (/3rdpartygadget/files/…) and the REST API (/finesse/api, proxied to the primary
// emulator node by scripts/demo-finesse.mjs), as one Finesse node does.

import { loadEmulatorEnv, pickUser, showNotStarted, type EmulatorEnv, type EmulatorUser } from '../finesse/env.js';
import { mountEmulatorPanel } from '../finesse/emulator-panel.js';

/** The gadget of this desktop's layout (on a Finesse server: /3rdpartygadget/files/cc-elements/cc-elements.xml). */
const GADGET_SPEC = '/gadget/cc-elements.xml';

/** What the desktop reads from a gadget's XML. */
interface GadgetSpec {
  readonly title: string;
  readonly features: readonly string[];
  readonly userPrefs: readonly { readonly name: string; readonly defaultValue: string }[];
  /** The html Content, placeholders not yet substituted. */
  readonly content: string;
}

/** Reads a gadget XML (OpenSocial Module); throws with a readable message when it is not one. */
export function parseGadgetSpec(xml: string): GadgetSpec {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.localName !== 'Module')
    throw new Error('The gadget XML is not a <Module>.');
  const modulePrefs = root.querySelector(':scope > ModulePrefs');
  const content = [...root.querySelectorAll(':scope > Content')].find((c) => (c.getAttribute('type') ?? 'html') === 'html');
  if (!content || content.hasAttribute('href')) throw new Error('The gadget has no html Content (type="url" is not hosted here).');
  return {
    title: modulePrefs?.getAttribute('title') ?? '',
    features: [...(modulePrefs?.querySelectorAll(':scope > Require, :scope > Optional') ?? [])].map((r) => r.getAttribute('feature') ?? ''),
    userPrefs: [...root.querySelectorAll(':scope > UserPref')].map((p) => ({
      name: p.getAttribute('name') ?? '',
      defaultValue: p.getAttribute('default_value') ?? '',
    })),
    content: content.textContent ?? '',
  };
}

/** The UserPrefs' values: defaults, then what the desktop sets, then the gadget URL's query parameters. */
function userPrefValues(spec: GadgetSpec, gadgetUrl: URL, desktop: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, defaultValue } of spec.userPrefs) {
    values[name] = gadgetUrl.searchParams.get(name) ?? desktop[name] ?? defaultValue;
  }
  return values;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The Content with `__UP_name__` and `__MODULE_ID__` replaced (values HTML-escaped, as Shindig does). */
function substitute(content: string, prefs: Readonly<Record<string, string>>, moduleId: string): string {
  return content
    .replace(/__UP_([A-Za-z0-9_.-]+)__/g, (_, name: string) => escapeHtml(prefs[name] ?? ''))
    .replaceAll('__MODULE_ID__', escapeHtml(moduleId));
}

/** Base64 of the UTF-8 bytes of `id:password`, as Finesse's `authorization` value. */
function basicValue(user: EmulatorUser): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(`${user.id}:${user.password}`)));
}

/** What the desktop knows about the signed-in agent: the values finesse.gadget.Config is read from (brief §11.2). */
function desktopPrefs(env: EmulatorEnv, user: EmulatorUser): Record<string, string> {
  const sso = env.systemAuthMode === 'SSO';
  const primary = env.nodes[0]!;
  return {
    id: user.id,
    authorization: sso ? '' : basicValue(user),
    authToken: sso ? user.token : '',
    scheme: location.protocol.replace(':', ''),
    host: location.hostname,
    hostPort: location.port || (location.protocol === 'https:' ? '443' : '80'),
    restHost: 'localhost',
    extension: '',
    mobileAgentMode: '',
    mobileAgentDialNumber: '',
    xmppDomain: primary.domain,
    pubsubDomain: primary.pubsubDomain,
    locale: 'en_US',
    language: 'en',
    country: 'US',
    localhostFQDN: location.hostname,
    localhostPort: location.port,
    clientDriftInMillis: '0',
  };
}

/** The gadget iframe's document: the prefs, the gadget API, then the gadget's Content. */
function gadgetDocument(spec: GadgetSpec, prefs: Readonly<Record<string, string>>, moduleId: string): string {
  // `<` escaped so no value can close the script element.
  const data = JSON.stringify({ prefs, containerOrigin: location.origin, gadgetId: moduleId }).replace(/</g, '\\u003c');
  const content = substitute(spec.content, prefs, moduleId).replace(/^\s*<!DOCTYPE html>/i, '');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title>
<script type="application/json" id="gadget-prefs">${data}</script>
<script src="/gadget/gadget-api.js"></script>
</head><body>${content}</body></html>`;
}

let nextModuleId = 1;

/** Loads one gadget of the layout into `host` and connects it once its iframe has loaded. */
async function renderGadget(host: HTMLElement, gadgetUrl: URL, desktop: Readonly<Record<string, string>>): Promise<() => void> {
  const response = await fetch(new URL(gadgetUrl.pathname, location.href), { cache: 'no-store' });
  if (!response.ok) throw new Error(`The gadget XML could not be loaded (${response.status}).`);
  const spec = parseGadgetSpec(await response.text());
  const moduleId = String(nextModuleId++);
  const prefs = { ...desktop, ...userPrefValues(spec, gadgetUrl, desktop) };

  const frame = document.createElement('section');
  frame.className = 'gadget-frame';
  const title = document.createElement('h2');
  title.textContent = spec.title;
  const iframe = document.createElement('iframe');
  iframe.id = `finesse_gadget_${moduleId}`;
  iframe.title = spec.title;
  iframe.srcdoc = gadgetDocument(spec, prefs, moduleId);
  frame.append(title, iframe);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== location.origin) return;
    const message = event.data as { gadgetId?: string; type?: string; payload?: { height?: number; title?: string } };
    if (message.gadgetId !== moduleId) return;
    if (message.type === 'resize_iframe' && typeof message.payload?.height === 'number')
      iframe.style.height = `${Math.max(120, Math.min(message.payload.height, 5_000))}px`;
    if (message.type === 'set_title' && typeof message.payload?.title === 'string') title.textContent = message.payload.title;
  };
  window.addEventListener('message', onMessage);
  iframe.addEventListener('load', () => iframe.contentWindow?.postMessage({ type: 'hub_connect' }, location.origin), { once: true });
  host.append(frame);
  return () => {
    window.removeEventListener('message', onMessage);
    frame.remove();
  };
}

/** The desktop checks the credentials as the Finesse desktop does: by reading the user. */
async function checkCredentials(env: EmulatorEnv, user: EmulatorUser, password: string): Promise<string | undefined> {
  const authorization = env.systemAuthMode === 'SSO' ? `Bearer ${user.token}` : `Basic ${basicValue({ ...user, password })}`;
  try {
    const response = await fetch(`/finesse/api/User/${encodeURIComponent(user.id)}`, { headers: { authorization } });
    if (response.ok) return undefined;
    return response.status === 401 ? 'The ID or the password is wrong.' : `The Finesse server answered ${response.status}.`;
  } catch {
    return 'The Finesse server could not be reached.';
  }
}

async function main(): Promise<void> {
  const env = await loadEmulatorEnv();
  if (!env) {
    showNotStarted(document.querySelector('main')!);
    return;
  }
  mountEmulatorPanel(document.querySelector('#emulator-panel')!, env);

  // The desktop layout: one gadget, its UserPrefs overridden for the emulator's nodes (brief §11.1).
  const gadgetUrl = new URL(GADGET_SPEC, location.href);
  const [primary, secondary] = env.nodes;
  gadgetUrl.searchParams.set('xmppUrl', primary!.xmppUrl);
  if (secondary) {
    gadgetUrl.searchParams.set('alternateRestUrl', secondary.restUrl);
    gadgetUrl.searchParams.set('alternateXmppUrl', secondary.xmppUrl);
    gadgetUrl.searchParams.set('alternateAfterSec', '3');
  }

  const form = document.querySelector<HTMLFormElement>('#desktop-sign-in')!;
  const idSelect = document.querySelector<HTMLSelectElement>('#desktop-id')!;
  const password = document.querySelector<HTMLInputElement>('#desktop-password')!;
  const error = document.querySelector('#desktop-error')!;
  const who = document.querySelector('#desktop-user')!;
  const signOut = document.querySelector<HTMLButtonElement>('#desktop-sign-out')!;
  const gadgets = document.querySelector<HTMLElement>('#gadgets')!;
  const chosen = pickUser(env, new URLSearchParams(location.search).get('agent'));
  for (const u of env.users) idSelect.add(new Option(`${u.name} (${u.id})`, u.id, false, u.id === chosen.id));
  // A demo desktop: the emulator's password is filled in.
  const fillPassword = () => (password.value = env.users.find((u) => u.id === idSelect.value)?.password ?? '');
  fillPassword();
  idSelect.addEventListener('change', fillPassword);
  form.hidden = false;

  let unload: (() => void) | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const user = env.users.find((u) => u.id === idSelect.value)!;
    error.textContent = '';
    void checkCredentials(env, user, password.value).then(async (problem) => {
      if (problem) {
        error.textContent = problem;
        return;
      }
      const signedIn = { ...user, password: password.value };
      try {
        unload = await renderGadget(gadgets, gadgetUrl, desktopPrefs(env, signedIn));
      } catch (failure) {
        error.textContent = failure instanceof Error ? failure.message : String(failure);
        return;
      }
      form.hidden = true;
      who.textContent = `Signed in to the desktop as ${user.name} (${user.id})`;
      signOut.hidden = false;
    });
  });
  signOut.addEventListener('click', () => {
    unload?.();
    unload = undefined;
    who.textContent = '';
    signOut.hidden = true;
    form.hidden = false;
  });
}

void main();
