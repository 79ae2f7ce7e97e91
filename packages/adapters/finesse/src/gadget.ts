// Inside a Finesse desktop (PL-7): turns what the container gives a gadget — `finesse.gadget.Config`
// (protocol brief §11.2) — into the adapter's options. Basic credentials come from `authorization`
// (base64 of `id:password`), Bearer from `authToken` (SSO); the REST URL from scheme, host and
// hostPort. What Config does not say (the XMPP WebSocket URL, UNVERIFIED per version, and the
// alternate node) is given beside it.

import { CcError } from '@cc-elements/core';
import type { FinesseAdapterOptions, FinesseCredentials, FinesseNode } from './options.js';

/**
 * `finesse.gadget.Config` as finesse.js gadgets build it from `gadgets.Prefs` (every value a string
 * there; an empty string means "not given").
 */
export interface FinesseGadgetConfig {
  /** The agent's login id. */
  readonly id?: string;
  /** Non-SSO: base64 of the UTF-8 bytes of `loginId:password` (or `loginName:password`). */
  readonly authorization?: string;
  /** SSO: the access token. */
  readonly authToken?: string;
  /** The Finesse node the desktop is on, e.g. `finesse-a.example.com`. */
  readonly host?: string;
  /** Its HTTPS port (`8445` on 12.x). */
  readonly hostPort?: string | number;
  /** `https` (or `http` on old builds and in the demo). */
  readonly scheme?: string;
  /** The host the container's server-side proxy calls (often `localhost`); not used for browser requests. */
  readonly restHost?: string;
  readonly extension?: string;
  /** `CALL_BY_CALL` or `NAILED_CONNECTION` when the agent signed in as a mobile agent. */
  readonly mobileAgentMode?: string;
  readonly mobileAgentDialNumber?: string;
  readonly xmppDomain?: string;
  readonly pubsubDomain?: string;
  readonly locale?: string;
  readonly language?: string;
  readonly country?: string;
  readonly localhostFQDN?: string;
  readonly localhostPort?: string;
  /** Server-client clock skew (ms). */
  readonly clientDriftInMillis?: number | string;
}

/** What the adapter needs beyond Config; every other adapter option may be given here too. */
export interface FinesseGadgetExtra extends Partial<Omit<FinesseAdapterOptions, 'nodes' | 'credentials'>> {
  /**
   * The node's XMPP-over-WebSocket URL, or a template of it with `{wsScheme}` (`wss` for https,
   * `ws` for http), `{host}` and `{port}` taken from the node's REST URL. Default
   * `{wsScheme}://{host}:{port}/ws/` (brief §9.1: the path is `/ws/`, the port per version is UNVERIFIED).
   */
  readonly xmppUrl?: string;
  /** The alternate node for failover (SE-4). Config names only the node the desktop is on. */
  readonly alternate?: {
    /** Its REST base URL, e.g. `https://finesse-b.example.com:8445`. */
    readonly restUrl: string;
    /** Its WebSocket URL or a template as `xmppUrl`; `xmppUrl`'s template when omitted. */
    readonly xmppUrl?: string;
    readonly xmppDomain?: string;
    readonly pubsubDomain?: string;
  };
  /** Which credentials to use when Config holds both. Default `bearer` (a token is only there in SSO mode). */
  readonly prefer?: 'bearer' | 'basic';
  /** SSO: a fresh access token after a 401 (e.g. the container's current `authToken`). */
  readonly refreshToken?: () => Promise<string>;
}

/** The default XMPP URL template (brief §9.1, UNVERIFIED per version). */
export const DEFAULT_GADGET_XMPP_URL = '{wsScheme}://{host}:{port}/ws/';

/** Finesse 12.x serves REST (and, by default here, its WebSocket) on 8445 (brief, notation). */
const DEFAULT_PORT = '8445';

/**
 * The adapter options for a gadget, from `finesse.gadget.Config` and what Config does not hold.
 * Throws a `CcError` (`session.required` without credentials, `payload.malformed` for values that
 * cannot be read) naming the Config field.
 */
export function fromGadgetConfig(config: FinesseGadgetConfig, extra: FinesseGadgetExtra = {}): FinesseAdapterOptions {
  const { xmppUrl, alternate, prefer, refreshToken, ...adapterOptions } = extra;
  const restUrl = restUrlOf(config);
  const template = xmppUrl ?? DEFAULT_GADGET_XMPP_URL;
  const primary: FinesseNode = {
    restUrl,
    xmppUrl: expandXmppUrl(template, restUrl, 'xmppUrl'),
    ...(given(config.xmppDomain) ? { xmppDomain: given(config.xmppDomain)! } : {}),
    ...(given(config.pubsubDomain) ? { pubsubDomain: given(config.pubsubDomain)! } : {}),
  };
  const nodes: FinesseAdapterOptions['nodes'] = alternate ? [primary, alternateNode(alternate, template)] : [primary];
  const mode = given(config.mobileAgentMode);
  const extension = given(config.extension);
  const mobileAgent: Pick<FinesseAdapterOptions, 'mobileAgent'> =
    (mode === 'CALL_BY_CALL' || mode === 'NAILED_CONNECTION') && extension !== undefined ? { mobileAgent: { extension, mode } } : {};
  return {
    ...mobileAgent,
    ...adapterOptions,
    nodes,
    credentials: credentialsOf(config, prefer ?? 'bearer', refreshToken),
  };
}

/** Config's value, or undefined when it is missing or blank (what `gadgets.Prefs.getString` gives for "not set"). */
function given(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function restUrlOf(config: FinesseGadgetConfig): string {
  const host = given(config.host);
  if (host === undefined) throw malformed('host', 'is empty: the gadget does not know which Finesse node it is on.');
  const scheme = (given(config.scheme) ?? 'https').toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') throw malformed('scheme', `is "${scheme}"; it must be https or http.`);
  const port = given(config.hostPort) ?? DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw malformed('hostPort', `is "${port}", not a port number.`);
  // An IPv6 literal needs brackets in a URL.
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let url: URL;
  try {
    url = new URL(`${scheme}://${hostPart}:${port}`);
  } catch {
    throw malformed('host', `is "${host}", not a host name.`);
  }
  if (url.pathname !== '/' || url.username !== '' || url.search !== '' || url.hash !== '' || url.hostname === '')
    throw malformed('host', `is "${host}", not a host name.`);
  return url.origin;
}

function alternateNode(alternate: NonNullable<FinesseGadgetExtra['alternate']>, template: string): FinesseNode {
  let url: URL;
  try {
    url = new URL(alternate.restUrl);
  } catch {
    throw malformed('alternate.restUrl', `is "${alternate.restUrl}", not a URL.`, 'The gadget option');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw malformed('alternate.restUrl', `is "${alternate.restUrl}"; it must be an https or http URL.`, 'The gadget option');
  const restUrl = url.origin;
  return {
    restUrl,
    xmppUrl: expandXmppUrl(alternate.xmppUrl ?? template, restUrl, 'alternate.xmppUrl'),
    ...(alternate.xmppDomain ? { xmppDomain: alternate.xmppDomain } : {}),
    ...(alternate.pubsubDomain ? { pubsubDomain: alternate.pubsubDomain } : {}),
  };
}

/** A WebSocket URL from a template and the node's REST URL; checked to be ws: or wss:. */
function expandXmppUrl(template: string, restUrl: string, field: string): string {
  const rest = new URL(restUrl);
  const port = rest.port === '' ? (rest.protocol === 'https:' ? '443' : '80') : rest.port;
  const text = template
    .replaceAll('{wsScheme}', rest.protocol === 'https:' ? 'wss' : 'ws')
    .replaceAll('{host}', rest.hostname)
    .replaceAll('{port}', port);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw malformed(field, `gives "${text}", not a URL.`, 'The gadget option');
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw malformed(field, `gives "${text}"; it must be a ws: or wss: URL.`, 'The gadget option');
  return url.href;
}

function credentialsOf(
  config: FinesseGadgetConfig,
  prefer: 'bearer' | 'basic',
  refreshToken: (() => Promise<string>) | undefined,
): FinesseCredentials {
  const token = given(config.authToken);
  const authorization = given(config.authorization);
  const id = given(config.id);
  const useBearer = token !== undefined && (prefer === 'bearer' || authorization === undefined);
  if (useBearer) {
    if (id === undefined) throw malformed('id', 'is empty: an SSO token alone does not say whose state to read.');
    return { kind: 'bearer', id, token: refreshToken ? refreshOnce(token, refreshToken) : token };
  }
  if (authorization === undefined)
    throw new CcError(
      'session.required',
      'finesse.gadget.Config holds neither an authorization nor an authToken. Sign in to the desktop again.',
    );
  const { name, password } = decodeBasic(authorization);
  return { kind: 'basic', id: id ?? name, password };
}

/** The Config token first, then whatever `refreshToken` gives (the adapter asks again after a 401). */
function refreshOnce(first: string, refreshToken: () => Promise<string>): () => Promise<string> {
  let used = false;
  return () => {
    if (used) return refreshToken();
    used = true;
    return Promise.resolve(first);
  };
}

/** `id:password` from the base64 of its UTF-8 bytes (a leading `Basic ` is tolerated). */
function decodeBasic(authorization: string): { name: string; password: string } {
  const encoded = authorization.replace(/^Basic\s+/i, '');
  let text: string;
  try {
    const binary = atob(encoded);
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw malformed('authorization', 'is not base64 of UTF-8 text.');
  }
  const colon = text.indexOf(':');
  if (colon <= 0) throw malformed('authorization', 'does not hold "id:password".');
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

function malformed(field: string, problem: string, where = 'finesse.gadget.Config'): CcError {
  return new CcError('payload.malformed', `${where} ${field} ${problem}`);
}
