// One node's HTTP side: the Finesse REST API with XML bodies (brief §1–§8), CORS for a demo page
// on another loopback port, 503 while the node is out of service, and the emulator's own JSON
// control endpoints under /emulator. Every write answers 202 at once; its outcome follows as
// notifications.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Element } from 'ltx';
import type { Authenticator } from './auth.js';
import type { SystemInfoModel } from './models.js';
import type { Notifier } from './notifier.js';
import type { EmulatorSettings } from './options.js';
import { ApiFailure, putDialog, putMedia, putUser, type WriteOutcome } from './requests.js';
import {
  API,
  apiErrorsXml,
  dialogsXml,
  dialogXml,
  mediaListXml,
  mediaXml,
  queuesXml,
  queueXml,
  reasonCodesXml,
  reasonCodeXml,
  systemInfoXml,
  teamXml,
  userXml,
  wrapUpReasonsXml,
  wrapUpReasonXml,
  type ApiErrorInfo,
} from './resources.js';
import type { FinesseWorld } from './world.js';
import { el, parseXmlBody, XmlBodyError } from './xml.js';

/** What a node's HTTP side needs from the emulator. */
export interface NodeHost {
  readonly index: number;
  readonly world: FinesseWorld;
  readonly notifier: Notifier;
  readonly settings: EmulatorSettings;
  readonly auth: Authenticator;
  systemInfo(): SystemInfoModel;
  /** The emulator's control hooks (JSON in, JSON out), under /emulator. */
  control(action: string, body: Record<string, unknown>, nodeIndex: number): Promise<unknown>;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
const MAX_REQUEST_ID = 256;
/** A body this many times the limit is not even drained: the connection is dropped. */
const DRAIN_FACTOR = 64;

type Handler = (call: Call, params: string[]) => Promise<void> | void;

interface Call {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly host: NodeHost;
  readonly query: URLSearchParams;
  readonly requestId: string;
  /** The signed-in user (set before API handlers run). */
  userId: string;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

const SEGMENT = '([^/]+)';

function route(method: string, path: string, handler: Handler): Route {
  return { method, pattern: new RegExp(`^${API}${path.replaceAll('{}', SEGMENT)}$`), handler };
}

/** Creates the HTTP server of one node (not yet listening). */
export function createNodeServer(host: NodeHost): Server {
  const server = createServer((req, res) => {
    handle(req, res, host).catch((error: unknown) => {
      // A bug must not take the node down: the caller hears 500 and the node keeps serving.
      if (!res.headersSent) sendErrors(res, 500, [{ type: 'Internal Error', message: String(error), data: '' }]);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, host: NodeHost): Promise<void> {
  cors(req, res, host.settings);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Max-Age': '600' }).end();
    return;
  }
  const requestId = headerValue(req, 'requestid');
  if (requestId.length > MAX_REQUEST_ID) {
    sendErrors(res, 400, [{ type: 'Invalid Input', message: `requestId is longer than ${MAX_REQUEST_ID} characters.`, data: 'requestId' }]);
    return;
  }
  if (requestId) res.setHeader('requestId', requestId);

  if (url.pathname === '/emulator' || url.pathname.startsWith('/emulator/')) {
    await controlRequest(req, res, host, url.pathname.slice('/emulator'.length).replace(/^\//, ''));
    return;
  }
  if (!url.pathname.startsWith(`${API}/`)) {
    sendErrors(res, 404, [{ type: 'Not Found', message: `Nothing at ${url.pathname}.`, data: url.pathname }]);
    return;
  }
  const call: Call = { req, res, host, query: url.searchParams, requestId, userId: '' };
  const isSystemInfo = url.pathname === `${API}/SystemInfo`;
  if (!isSystemInfo && host.systemInfo().status !== 'IN_SERVICE') {
    sendErrors(res, 503, [{ type: 'Service Unavailable', message: 'This Finesse node is out of service.', data: 'OUT_OF_SERVICE' }]);
    return;
  }
  if (!isSystemInfo || host.settings.systemInfoRequiresAuth) {
    const result = host.auth.check(req.headers.authorization, Date.now());
    if (!result.ok) {
      sendErrors(res, 401, [{ type: 'Unauthorized', message: result.message, data: '' }]);
      return;
    }
    call.userId = result.userId;
  }
  const path = decodePath(url.pathname);
  if (path === undefined) {
    sendErrors(res, 400, [{ type: 'Invalid Input', message: 'The path is not valid UTF-8.', data: '' }]);
    return;
  }
  const matching = ROUTES.filter((r) => r.pattern.test(path));
  const found = matching.find((r) => r.method === req.method);
  if (!found) {
    if (matching.length > 0)
      sendErrors(res, 405, [{ type: 'Method Not Allowed', message: `${req.method} is not allowed here.`, data: req.method ?? '' }]);
    else sendErrors(res, 404, [{ type: 'Not Found', message: `Nothing at ${path}.`, data: path }]);
    return;
  }
  try {
    await found.handler(call, found.pattern.exec(path)!.slice(1));
  } catch (error) {
    if (error instanceof ApiFailure) sendErrors(res, error.status, [{ type: error.type, message: error.message, data: error.data }]);
    else if (error instanceof XmlBodyError) sendErrors(res, 400, [{ type: 'Invalid Input', message: error.message, data: '' }]);
    else throw error;
  }
}

function decodePath(pathname: string): string | undefined {
  try {
    return pathname
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return undefined;
  }
}

function headerValue(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function cors(req: IncomingMessage, res: ServerResponse, settings: EmulatorSettings): void {
  const origin = headerValue(req, 'origin');
  if (!origin) return;
  const allowed =
    settings.corsOrigins === '*' ||
    (settings.corsOrigins === 'loopback' ? LOOPBACK_ORIGIN.test(origin) : settings.corsOrigins.includes(origin));
  if (!allowed) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, requestId');
  res.setHeader('Access-Control-Expose-Headers', 'requestId');
}

// ——— responses ———

function sendXml(res: ServerResponse, status: number, element: Element): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>${element.toString()}`;
  res.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

function sendErrors(res: ServerResponse, status: number, errors: readonly ApiErrorInfo[]): void {
  sendXml(res, status, apiErrorsXml(errors, 'response'));
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

/** 202, then the notifications of what the write changed, echoing the requestId. */
function accepted(call: Call, outcome: WriteOutcome): void {
  call.res.writeHead(202, { 'Content-Length': 0 }).end();
  const { notifier } = call.host;
  for (const id of outcome.touched) notifier.touch(id);
  notifier.flush(call.requestId, outcome.scope);
  if (outcome.refusal) notifier.publishRefusal(outcome.refusal, call.requestId);
}

// ——— request bodies ———

/** The body as text, at most `limit` bytes of valid UTF-8; anything else is a 400. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit * DRAIN_FACTOR) {
      req.destroy();
      throw new ApiFailure(400, 'Invalid Input', `The body is larger than ${limit} bytes.`, 'body');
    }
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge) throw new ApiFailure(400, 'Invalid Input', `The body is larger than ${limit} bytes.`, 'body');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiFailure(400, 'Invalid Input', 'The body is not valid UTF-8.', 'body');
  }
}

async function readXml(call: Call): Promise<Element> {
  const text = await readBody(call.req, call.host.settings.maxBodyBytes);
  if (text.trim() === '') throw new ApiFailure(400, 'Parameter Missing', 'The request needs an XML body.', 'body');
  return parseXmlBody(text, { maxLength: call.host.settings.maxBodyBytes, maxDepth: 16, maxElements: 2_000 });
}

// ——— access ———

function knownUser(call: Call, id: string): void {
  if (!call.host.world.hasUser(id)) throw new ApiFailure(404, 'Not Found', `There is no user ${id}.`, id);
}

/** The user themself, or (for reads and state changes) a supervisor of one of their teams. */
function mayActFor(call: Call, id: string, supervisorAllowed = true): void {
  knownUser(call, id);
  if (call.userId === id) return;
  if (supervisorAllowed && call.host.world.supervises(call.userId, id)) return;
  throw new ApiFailure(403, 'Unauthorized', `You may not act for user ${id}.`, id);
}

function mrdOf(call: Call, id: string) {
  const mrd = call.host.world.directory.mrdById(id);
  if (!mrd) throw new ApiFailure(404, 'Not Found', `There is no media routing domain ${id}.`, id);
  return mrd;
}

function category(call: Call): 'NOT_READY' | 'LOGOUT' | undefined {
  const value = call.query.get('category');
  if (value === null) return undefined;
  if (value !== 'NOT_READY' && value !== 'LOGOUT') throw new ApiFailure(400, 'Invalid Input', 'category is NOT_READY or LOGOUT.', value);
  return value;
}

function reasonCodes(call: Call) {
  const wanted = category(call);
  const list = call.host.world.directory.reasonCodes.filter((r) => wanted === undefined || r.category === wanted);
  return reasonCodesXml(wanted, list);
}

function supervisedTeam(call: Call, teamId: string): void {
  const { world } = call.host;
  if (!world.teams().some((t) => t.id === teamId)) throw new ApiFailure(404, 'Not Found', `There is no team ${teamId}.`, teamId);
  const profile = world.profile(call.userId);
  const member = profile.teams.some((t) => t.id === teamId);
  if (!member) throw new ApiFailure(403, 'Unauthorized', `You do not belong to team ${teamId}.`, teamId);
}

// ——— routes (brief §2–§8) ———

const ROUTES: readonly Route[] = [
  route('GET', '/SystemInfo', (call) => sendXml(call.res, 200, systemInfoXml(call.host.systemInfo()))),

  route('GET', '/User/{}', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, userXml(call.host.world.user(id!)));
  }),
  route('PUT', '/User/{}', async (call, [id]) => {
    mayActFor(call, id!);
    const body = await readXml(call);
    accepted(call, putUser(call.host.world, call.userId, id!, body));
  }),

  route('GET', '/User/{}/Dialogs', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, dialogsXml(call.host.world.dialogs(id!)));
  }),
  route('POST', '/User/{}/Dialogs', async (call, [id]) => {
    mayActFor(call, id!, false);
    const body = await readXml(call);
    const action = body.getChildText('requestedAction')?.trim();
    if (!action) throw new ApiFailure(400, 'Parameter Missing', 'The request needs <requestedAction>.', 'requestedAction');
    // The simulator has no outbound dialling, silent monitoring or barge-in.
    throw new ApiFailure(400, 'Invalid Input', `${action} is not supported by this system.`, action);
  }),
  route('GET', '/User/{}/Dialogs/Media', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, dialogsXml(call.host.world.mediaDialogs(id!)));
  }),

  route('GET', '/Dialog/{}', (call, [dialogId]) => {
    const { world } = call.host;
    const ref = world.directory.dialogRef(dialogId!);
    const dialog =
      ref && (ref.kind === 'media' ? world.mediaDialogs(ref.agentId) : world.dialogs(ref.agentId)).find((d) => d.id === dialogId);
    if (!ref || !dialog) throw new ApiFailure(404, 'Not Found', `There is no dialog ${dialogId}.`, dialogId!);
    mayActFor(call, ref.agentId);
    sendXml(call.res, 200, dialogXml(dialog));
  }),
  route('PUT', '/Dialog/{}', async (call, [dialogId]) => {
    const body = await readXml(call);
    accepted(call, putDialog(call.host.world, call.userId, dialogId!, body));
  }),

  route('GET', '/User/{}/Queues', (call, [id]) => {
    mayActFor(call, id!);
    const { world } = call.host;
    sendXml(call.res, 200, queuesXml(world.queuesOf(id!).map((q) => world.queue(q.id)!)));
  }),
  route('GET', '/Queue/{}', (call, [queueId]) => {
    const { world } = call.host;
    const model = world.queue(queueId!);
    if (!model) throw new ApiFailure(404, 'Not Found', `There is no queue ${queueId}.`, queueId!);
    const def = world.scenario.queues.find((q) => q.id === queueId)!;
    const mine = [...def.members, ...def.supervisors].some((person) => person.agentId === call.userId);
    if (!mine) throw new ApiFailure(403, 'Unauthorized', `Queue ${queueId} is not one of yours.`, queueId!);
    sendXml(call.res, 200, queueXml(model));
  }),

  route('GET', '/User/{}/ReasonCodes', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, reasonCodes(call));
  }),
  route('GET', '/User/{}/ReasonCode/{}', (call, [id, reasonId]) => {
    mayActFor(call, id!);
    sendReasonCode(call, reasonId!);
  }),
  route('GET', '/ReasonCode/{}', (call, [reasonId]) => sendReasonCode(call, reasonId!)),
  route('GET', '/Team/{}/ReasonCodes', (call, [teamId]) => {
    supervisedTeam(call, teamId!);
    sendXml(call.res, 200, reasonCodes(call));
  }),

  route('GET', '/User/{}/WrapUpReasons', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, wrapUpReasonsXml(call.host.world.directory.wrapUpReasons));
  }),
  route('GET', '/User/{}/WrapUpReason/{}', (call, [id, reasonId]) => {
    mayActFor(call, id!);
    sendWrapUpReason(call, reasonId!);
  }),
  route('GET', '/WrapUpReason/{}', (call, [reasonId]) => sendWrapUpReason(call, reasonId!)),
  route('GET', '/Team/{}/WrapUpReasons', (call, [teamId]) => {
    supervisedTeam(call, teamId!);
    sendXml(call.res, 200, wrapUpReasonsXml(call.host.world.directory.wrapUpReasons));
  }),

  route('GET', '/Team/{}', (call, [teamId]) => {
    const { world } = call.host;
    supervisedTeam(call, teamId!);
    if (!world.isSupervisor(world.profile(call.userId)))
      throw new ApiFailure(403, 'Unauthorized', 'Only supervisors read a team.', teamId!);
    sendXml(call.res, 200, teamXml(world.team(teamId!)!));
  }),

  route('GET', '/User/{}/Media', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, mediaListXml(id!, call.host.world.mediaList(id!)));
  }),
  route('GET', '/User/{}/Media/{}', (call, [id, mrdId]) => {
    mayActFor(call, id!);
    sendXml(call.res, 200, mediaXml(id!, call.host.world.media(id!, mrdOf(call, mrdId!))));
  }),
  route('PUT', '/User/{}/Media/{}', async (call, [id, mrdId]) => {
    mayActFor(call, id!, false);
    const mrd = mrdOf(call, mrdId!);
    const body = await readXml(call);
    accepted(call, putMedia(call.host.world, id!, mrd, body));
  }),
  route('GET', '/User/{}/Media/{}/Dialogs', (call, [id, mrdId]) => {
    mayActFor(call, id!);
    const { world } = call.host;
    sendXml(call.res, 200, dialogsXml(world.mediaDialogs(id!, world.snapshot(id!), mrdOf(call, mrdId!))));
  }),

  // Not detailed in the brief: the directory of transfer targets as a global phone book.
  route('GET', '/User/{}/PhoneBooks', (call, [id]) => {
    mayActFor(call, id!);
    sendXml(
      call.res,
      200,
      el(
        'PhoneBooks',
        el(
          'PhoneBook',
          el('uri', `${API}/PhoneBook/1`),
          el('id', 1),
          el('name', 'Transfer targets'),
          el('type', 'GLOBAL'),
          el('contacts', `${API}/PhoneBook/1/Contacts`),
        ),
      ),
    );
  }),
  route('GET', '/PhoneBook/{}/Contacts', (call, [bookId]) => {
    if (bookId !== '1') throw new ApiFailure(404, 'Not Found', `There is no phone book ${bookId}.`, bookId!);
    const targets = call.host.world.directory.targets;
    sendXml(
      call.res,
      200,
      el(
        'Contacts',
        targets.map((t) =>
          el(
            'Contact',
            el('uri', `${API}/PhoneBook/1/Contact/${t.address}`),
            el('firstName', t.name),
            el('lastName'),
            el('phoneNumber', t.address),
            el('description', [t.kind, ...(t.media ?? ['voice'])].join(' ')),
          ),
        ),
      ),
    );
  }),
];

function sendReasonCode(call: Call, reasonId: string): void {
  const { directory } = call.host.world;
  const reason = /^\d{1,9}$/.test(reasonId)
    ? (directory.reasonCode(Number(reasonId)) ?? directory.systemReasonCodes.find((r) => r.id === Number(reasonId)))
    : undefined;
  if (!reason) throw new ApiFailure(404, 'Not Found', `There is no reason code ${reasonId}.`, reasonId);
  sendXml(call.res, 200, reasonCodeXml(reason));
}

function sendWrapUpReason(call: Call, reasonId: string): void {
  const reason = call.host.world.directory.wrapUpReasons.find((r) => String(r.id) === reasonId);
  if (!reason) throw new ApiFailure(404, 'Not Found', `There is no wrap-up reason ${reasonId}.`, reasonId);
  sendXml(call.res, 200, wrapUpReasonXml(reason));
}

// ——— the emulator's control endpoints (JSON) ———

async function controlRequest(req: IncomingMessage, res: ServerResponse, host: NodeHost, action: string): Promise<void> {
  if (!host.settings.control) {
    sendJson(res, 404, { error: 'The control endpoints are off.' });
    return;
  }
  let body: Record<string, unknown> = {};
  if (req.method === 'POST') {
    try {
      const text = await readBody(req, 16 * 1024);
      const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('The body must be a JSON object.');
      body = parsed as Record<string, unknown>;
    } catch (error) {
      sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      return;
    }
  } else if (req.method !== 'GET') {
    sendJson(res, 405, { error: `${req.method} is not allowed here.` });
    return;
  }
  try {
    sendJson(res, 200, await host.control(req.method === 'GET' ? (action === '' ? 'info' : action) : action, body, host.index));
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
