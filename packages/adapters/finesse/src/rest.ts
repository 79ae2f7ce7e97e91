// The Finesse REST client (protocol brief §1): XML over `fetch` with Basic or Bearer auth, a fresh
// `requestId` on every write, and every failure turned into a typed, readable CcError (an
// `<ApiErrors>` body by its ErrorType, a 503 as "out of service" for the failover logic, no answer
// as `network`, an unreadable body as `payload.malformed`). Uses only what browsers and Node share.

import type { Element } from 'ltx';
import { CcError, type ErrorCode } from '@cc-elements/core';
import type { FinesseCredentials } from './options.js';
import { decodeApiErrors } from './xml/decode.js';
import { DEFAULT_XML_LIMITS, parseXml, type XmlLimits } from './xml/parse.js';
import type { ApiError, Update } from './xml/records.js';

export interface FinesseRestOptions {
  /** Origin (and any path prefix) of one node, e.g. `https://finesse-a.example.com:8445`. */
  readonly baseUrl: string;
  readonly credentials: FinesseCredentials;
  /** Defaults to the global `fetch` (a gadget may pass one that goes through its container). */
  readonly fetch?: typeof fetch;
  /** How long a request may take, reply body included (default 10 s). */
  readonly timeoutMs?: number;
  /** Limits on reply bodies (see `parseXml`). */
  readonly limits?: XmlLimits;
  /** Makes the `requestId` of a write (default: a random UUID). */
  readonly newRequestId?: () => string;
}

export interface RequestOptions {
  /** Cancels the request (it then fails with `network`). */
  readonly signal?: AbortSignal;
}

export interface GetOptions extends RequestOptions {
  /** Root element(s) the reply must have, any case (e.g. `User`); any root when omitted. */
  readonly root?: string | readonly string[];
}

/** A write the server accepted; its outcome arrives later as a notification echoing `requestId`. */
export interface Accepted {
  readonly requestId: string;
  /** 202 normally; some resources answer 200. */
  readonly status: number;
}

export interface FinesseRest {
  readonly baseUrl: string;
  /** GET `path` (e.g. `/finesse/api/User/1001001`) → the reply's root element. */
  get(path: string, options?: GetOptions): Promise<Element>;
  /** PUT an XML body (see `xml/encode.ts`). */
  put(path: string, body: string, options?: RequestOptions): Promise<Accepted>;
  /** POST an XML body. */
  post(path: string, body: string, options?: RequestOptions): Promise<Accepted>;
}

/** A 503 from a node that is OUT_OF_SERVICE (§10): `network`, and told apart by `isOutOfService`. */
export class OutOfServiceError extends CcError {
  constructor(message: string, options?: { traceId?: string }) {
    super('network', message, options);
  }
}

/** True for the error of a request refused with 503 because the node is out of service. */
export function isOutOfService(error: unknown): error is OutOfServiceError {
  return error instanceof OutOfServiceError;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const XML = 'application/xml';

/** Resource names of the Desktop API; the last one in a path names a reply in messages. */
const RESOURCES = new Set([
  'SystemInfo',
  'User',
  'Users',
  'Dialog',
  'Dialogs',
  'Queue',
  'Queues',
  'ReasonCode',
  'ReasonCodes',
  'WrapUpReason',
  'WrapUpReasons',
  'Media',
  'Team',
  'Teams',
  'MediaPropertiesLayout',
  'PhoneBooks',
  'WorkflowActions',
]);

/** Creates a client for one Finesse node. */
export function createFinesseRest(options: FinesseRestOptions): FinesseRest {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.limits?.maxBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  const newRequestId = options.newRequestId ?? randomRequestId;
  const auth = authorizer(options.credentials);

  async function request(method: string, path: string, body: string | undefined, signal: AbortSignal | undefined) {
    const requestId = body === undefined ? undefined : newRequestId();
    const resource = resourceOf(path);
    const authorization = await auth.header();
    let reply = await exchange({ method, path, body, requestId, resource, signal, authorization });
    if (reply.status === 401 && auth.canRefresh) {
      reply = await exchange({ method, path, body, requestId, resource, signal, authorization: await auth.header(authorization) });
    }
    return { ...reply, requestId, resource };
  }

  async function exchange(call: {
    method: string;
    path: string;
    body: string | undefined;
    requestId: string | undefined;
    resource: string;
    signal: AbortSignal | undefined;
    authorization: string;
  }): Promise<{ status: number; statusText: string; text: string | undefined }> {
    // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a method of `options`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: XML, Authorization: call.authorization };
    if (call.body !== undefined) headers['Content-Type'] = XML;
    if (call.requestId !== undefined) headers.requestId = call.requestId;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = (): void => controller.abort();
    call.signal?.addEventListener('abort', cancel);
    const traceOptions = call.requestId === undefined ? {} : { traceId: call.requestId };
    const failed = (cause: unknown): CcError => {
      if (timedOut) {
        return new CcError('network', `The Finesse server did not answer ${call.method} ${call.path} within ${seconds(timeoutMs)}.`, {
          ...traceOptions,
          cause,
        });
      }
      if (call.signal?.aborted) return new CcError('network', `${call.method} ${call.path} was cancelled.`, { ...traceOptions, cause });
      return new CcError('network', `The Finesse server at ${baseUrl} could not be reached.`, { ...traceOptions, cause });
    };

    try {
      if (call.signal?.aborted) throw call.signal.reason;
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}${call.path}`, {
          method: call.method,
          headers,
          ...(call.body === undefined ? {} : { body: call.body }),
          signal: controller.signal,
        });
      } catch (error) {
        throw failed(error);
      }
      let text: string | undefined;
      try {
        text = await readText(response, maxBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw failed(error);
        // A reply too large to read is malformed when it was to be read; for a refusal the status says enough.
        if (response.ok && call.method === 'GET') {
          throw new CcError(
            'payload.malformed',
            `The server's ${call.resource} reply is too large (more than ${maxBytes.toLocaleString('en')} bytes)`,
          );
        }
        text = undefined;
      }
      return { status: response.status, statusText: response.statusText, text };
    } catch (error) {
      throw error instanceof CcError ? error : failed(error);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', cancel);
    }
  }

  async function write(method: 'PUT' | 'POST', path: string, body: string, requestOptions?: RequestOptions): Promise<Accepted> {
    const reply = await request(method, path, body, requestOptions?.signal);
    if (reply.status >= 200 && reply.status < 300) return { requestId: reply.requestId ?? '', status: reply.status };
    throw refusal(reply, path, method, options.limits);
  }

  return {
    baseUrl,
    async get(path, getOptions = {}) {
      const reply = await request('GET', path, undefined, getOptions.signal);
      if (reply.status < 200 || reply.status >= 300) throw refusal(reply, path, 'GET', options.limits);
      const what = `${reply.resource} reply`;
      if (reply.text === undefined || reply.text.trim() === '') {
        throw new CcError('payload.malformed', `The server's ${what} is empty`);
      }
      return parseXml(reply.text, {
        what,
        ...(getOptions.root === undefined ? {} : { root: getOptions.root }),
        ...(options.limits === undefined ? {} : { limits: options.limits }),
      });
    },
    put: (path, body, requestOptions) => write('PUT', path, body, requestOptions),
    post: (path, body, requestOptions) => write('POST', path, body, requestOptions),
  };
}

/** The error for a non-2xx reply: from its `<ApiErrors>` when it has one, else from the status. */
function refusal(
  reply: { status: number; statusText: string; text: string | undefined; requestId: string | undefined; resource: string },
  path: string,
  method: string,
  limits: XmlLimits | undefined,
): CcError {
  const errors = apiErrorsIn(reply.text, limits);
  const context = {
    status: reply.status,
    resource: reply.resource,
    ...(reply.requestId === undefined ? {} : { requestId: reply.requestId }),
  };
  const traceOptions = reply.requestId === undefined ? {} : { traceId: reply.requestId };
  const serverWords = errors.map((error) => error.message).find((message) => message !== '');

  if (reply.status === 503) {
    const detail = serverWords === undefined ? '' : ` (${serverWords})`;
    return new OutOfServiceError(
      `The Finesse node is out of service${detail}; it takes requests again when it is back in service, or the other node can be used.`,
      traceOptions,
    );
  }
  if (errors.length > 0) return apiErrorsToCcError(errors, context);
  const status = `${reply.status}${reply.statusText ? ` ${reply.statusText}` : ''}`;
  switch (reply.status) {
    case 401:
      return new CcError('session.required', `The Finesse server did not accept the credentials (${status}). Sign in again.`, traceOptions);
    case 403:
      return new CcError(
        'profile.forbidden',
        `The Finesse server does not allow ${method} ${path} for this user (${status}).`,
        traceOptions,
      );
    case 404:
      return reply.resource === 'Dialog'
        ? new CcError('task.unknown', `The call is no longer on the Finesse server (${status}).`, traceOptions)
        : new CcError('api', `The Finesse server has no ${path} (${status}).`, traceOptions);
    case 502:
    case 504:
      return new CcError('network', `The Finesse server could not be reached through its gateway (${status}).`, traceOptions);
    default:
      return new CcError('api', `The Finesse server refused ${method} ${path} (${status}).`, traceOptions);
  }
}

/** The `<ApiErrors>` of an error reply; none when the body is empty, not XML or something else. */
function apiErrorsIn(text: string | undefined, limits: XmlLimits | undefined): readonly ApiError[] {
  if (text === undefined || text.trim() === '') return [];
  try {
    const root = parseXml(text, { what: 'error reply', root: 'ApiErrors', ...(limits === undefined ? {} : { limits }) });
    return decodeApiErrors(root, 'error reply');
  } catch {
    return [];
  }
}

/**
 * ErrorType (compared without regard to case, `_` or spacing) → the core's error code. Types not
 * listed become `api`, with the server's message. The list of ErrorTypes is UNVERIFIED (§1.2).
 */
export const ERROR_TYPE_CODES: Readonly<Record<string, ErrorCode>> = {
  'invalid device': 'extension.notRegistered',
  // Another agent holds the extension or dial number: not worth retrying (as `station.unavailable`
  // would be), the agent must use another one; `dialNumber.notUnique` says exactly that.
  'device busy': 'dialNumber.notUnique',
  'mode not allowed': 'profile.forbidden',
  'invalid state': 'command.notAllowed',
  'invalid input': 'api',
  'parameter missing': 'api',
  'call operation failure': 'api',
  unauthorized: 'session.required',
};

export interface ApiErrorContext {
  /** HTTP status of a REST reply (absent for a notification). */
  readonly status?: number;
  /** The request's id, kept as the error's trace id. */
  readonly requestId?: string;
  /** The resource involved (`Dialog`, `User`, …), for the codes that depend on it. */
  readonly resource?: string;
}

/**
 * The CcError for `<ApiErrors>` from a REST reply or an `<apiErrors>` notification: its code from
 * the first error's ErrorType (`ERROR_TYPE_CODES`), its message the server's ErrorMessage(s), its
 * trace id the request id.
 */
export function apiErrorsToCcError(errors: readonly ApiError[], context: ApiErrorContext = {}): CcError {
  const first = errors[0];
  const traceOptions = context.requestId === undefined ? {} : { traceId: context.requestId };
  const messages = [...new Set(errors.map((error) => error.message).filter((message) => message !== ''))];
  const type = first?.type ?? '';
  let code = ERROR_TYPE_CODES[normalizeType(type)] ?? 'api';
  // `Unauthorized` on a 403 means "not allowed for this user", on a 401 (or async) "sign in again".
  if (code === 'session.required' && context.status === 403) code = 'profile.forbidden';
  if (code === 'api' && context.status === 404 && context.resource === 'Dialog') code = 'task.unknown';
  const message = messages.length > 0 ? messages.join(' ') : type === '' ? undefined : `The Finesse server refused the request (${type}).`;
  return new CcError(code, message, traceOptions);
}

/** The CcError an Update carries when its data is `<apiErrors>` (an async refusal), else undefined. */
export function updateToCcError(update: Update): CcError | undefined {
  if (update.data.kind !== 'apiErrors') return undefined;
  const resource = resourceOf(update.source);
  return apiErrorsToCcError(update.data.errors, {
    resource,
    ...(update.requestId === undefined ? {} : { requestId: update.requestId }),
  });
}

function normalizeType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** The resource a path is about (`/finesse/api/User/1001/Dialogs` → `Dialogs`), for messages. */
function resourceOf(path: string): string {
  const segments = (path.split('?')[0] ?? '').split('/');
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index] ?? '';
    if (RESOURCES.has(segment)) return segment;
  }
  return 'Finesse';
}

interface Authorizer {
  /** Whether a 401 is worth one more try with a fresh token. */
  readonly canRefresh: boolean;
  /** The Authorization header; given the one a 401 answered, a fresh one (asked for once, however many requests met it). */
  header(refused?: string): Promise<string>;
}

function authorizer(credentials: FinesseCredentials): Authorizer {
  if (credentials.kind === 'basic') {
    const header = `Basic ${base64Utf8(`${credentials.id}:${credentials.password}`)}`;
    return { canRefresh: false, header: () => Promise.resolve(header) };
  }
  const source = credentials.token;
  if (typeof source === 'string') return { canRefresh: false, header: () => Promise.resolve(`Bearer ${source}`) };
  let current: Promise<string> | undefined;
  let settled: string | undefined;
  return {
    canRefresh: true,
    header(refused) {
      if (current === undefined || (refused !== undefined && refused === settled)) {
        settled = undefined;
        const next: Promise<string> = Promise.resolve()
          .then(source)
          .then(
            (token) => {
              if (current === next) settled = `Bearer ${token}`;
              return `Bearer ${token}`;
            },
            (error: unknown) => {
              if (current === next) current = undefined;
              throw new CcError('session.required', 'No access token could be had for the Finesse server. Sign in again.', {
                cause: error,
              });
            },
          );
        current = next;
      }
      return current;
    },
  };
}

/** Base64 of the UTF-8 bytes of `text` (`btoa` alone takes only Latin-1). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function randomRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside secure contexts browsers have getRandomValues but not randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

class BodyTooLarge extends Error {}

/** The reply body as text, refused (BodyTooLarge) as soon as it passes `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
