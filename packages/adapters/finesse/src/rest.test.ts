// The REST client against a real HTTP server on 127.0.0.1 (a free port): auth headers, requestId,
// 202, ApiErrors → error codes, 503 out of service, a server that hangs, bodies that are not XML.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import type { FinesseCredentials } from './options.js';
import { apiErrorsToCcError, createFinesseRest, isOutOfService, updateToCcError, type FinesseRestOptions } from './rest.js';
import { decodeUser } from './xml/decode.js';
import { encodeUserState } from './xml/encode.js';
import { API_ERRORS, USER, update } from './xml/examples.test-support.js';
import { decodeUpdate } from './xml/notification.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (request: Received, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handle: Handler;
let received: Received[];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      handle(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // the hanging replies too
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  handle = (_request, response) => reply(response, 200, USER);
});

function reply(response: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/xml', ...headers });
  response.end(body);
}

const basic: FinesseCredentials = { kind: 'basic', id: '1001001', password: 'secret' };

function client(options: Partial<FinesseRestOptions> = {}) {
  return createFinesseRest({ baseUrl, credentials: basic, ...options });
}

async function failure(promise: Promise<unknown>): Promise<CcError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CcError);
    return error as CcError;
  }
  throw new Error('expected the request to fail');
}

function apiErrors(type: string, message: string): string {
  return `<ApiErrors><ApiError><ErrorType>${type}</ErrorType><ErrorMessage>${message}</ErrorMessage><ErrorData>x</ErrorData></ApiError></ApiErrors>`;
}

describe('reads', () => {
  it('GETs with Basic auth of the UTF-8 id:password and returns the parsed reply', async () => {
    const rest = client({ credentials: { kind: 'basic', id: 'jdoé', password: 'pä:ss €' } });
    const user = decodeUser(await rest.get('/finesse/api/User/1001001', { root: 'User' }));
    expect(user.state).toBe('NOT_READY');
    const [request] = received;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/finesse/api/User/1001001');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('jdoé:pä:ss €', 'utf8').toString('base64')}`);
    expect(request?.headers.accept).toBe('application/xml');
    expect(request?.headers.requestid).toBeUndefined();
  });

  it('keeps a path prefix of the base URL and drops a trailing slash', async () => {
    handle = (_request, response) => reply(response, 200, '<SystemInfo/>');
    await createFinesseRest({ baseUrl: `${baseUrl}/proxy/`, credentials: basic }).get('/finesse/api/SystemInfo');
    expect(received[0]?.url).toBe('/proxy/finesse/api/SystemInfo');
  });

  it('refuses a reply that is not XML, is empty, or has another root, naming the resource (payload.malformed)', async () => {
    handle = (_request, response) => reply(response, 200, '<html><body><p>Welcome</body></html>', { 'Content-Type': 'text/html' });
    const html = await failure(client().get('/finesse/api/User/1001001'));
    expect([html.code, html.message]).toEqual([
      'payload.malformed',
      "The server's User reply is not well-formed XML (</body> where </p> was expected)",
    ]);

    handle = (_request, response) => reply(response, 200, '{"state":"READY"}', { 'Content-Type': 'application/json' });
    expect((await failure(client().get('/finesse/api/User/1001001/Dialogs'))).message).toContain(
      "The server's Dialogs reply is not well-formed XML",
    );

    handle = (_request, response) => reply(response, 200, '');
    expect((await failure(client().get('/finesse/api/Queue/5001'))).message).toBe("The server's Queue reply is empty");

    handle = (_request, response) => reply(response, 200, '<Dialog/>');
    expect((await failure(client().get('/finesse/api/User/1001001', { root: 'User' }))).message).toBe(
      "The server's User reply has the root <Dialog> where <User> was expected",
    );
  });

  it('refuses a reply larger than the limit while reading it (payload.malformed)', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/xml' }); // no Content-Length: chunked
      response.write(`<Dialogs>${'<Dialog/>'.repeat(1_000)}`);
      response.end('</Dialogs>');
    };
    const error = await failure(client({ limits: { maxBytes: 4_000 } }).get('/finesse/api/User/1/Dialogs'));
    expect([error.code, error.message]).toEqual(['payload.malformed', "The server's Dialogs reply is too large (more than 4,000 bytes)"]);
  });
});

describe('writes', () => {
  it('PUTs an XML body with Content-Type, a fresh requestId each time, and resolves on 202 with that id', async () => {
    handle = (_request, response) => reply(response, 202);
    const rest = client();
    const body = encodeUserState({ state: 'NOT_READY', reasonCodeId: '12' });
    const first = await rest.put('/finesse/api/User/1001001', body);
    const second = await rest.post('/finesse/api/User/1001001/Dialogs', '<Dialog/>');
    expect(received.map((request) => [request.method, request.headers['content-type'], request.body])).toEqual([
      ['PUT', 'application/xml', body],
      ['POST', 'application/xml', '<Dialog/>'],
    ]);
    expect(first).toEqual({ requestId: received[0]?.headers.requestid, status: 202 });
    expect(second.requestId).toBe(received[1]?.headers.requestid);
    expect(first.requestId).not.toBe(second.requestId);
    expect(first.requestId).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('uses the requestId maker it is given', async () => {
    handle = (_request, response) => reply(response, 202);
    const accepted = await client({ newRequestId: () => 'req-42' }).put('/finesse/api/User/1', '<User/>');
    expect(accepted.requestId).toBe('req-42');
    expect(received[0]?.headers.requestid).toBe('req-42');
  });
});

describe('refusals (SL-10: typed, readable, with the trace id)', () => {
  const table: [status: number, type: string, code: CcError['code']][] = [
    [400, 'Invalid Device', 'extension.notRegistered'],
    [400, 'Device Busy', 'dialNumber.notUnique'],
    [400, 'Mode Not Allowed', 'profile.forbidden'],
    [400, 'Invalid State', 'command.notAllowed'],
    [400, 'INVALID_STATE', 'command.notAllowed'],
    [400, 'Invalid Input', 'api'],
    [400, 'Parameter Missing', 'api'],
    [401, 'Unauthorized', 'session.required'],
    [403, 'Unauthorized', 'profile.forbidden'],
    [404, 'Not Found', 'api'],
    [500, 'Something New', 'api'],
  ];

  it('maps each ApiErrors ErrorType to a core code, with the server’s message and the requestId as trace id', async () => {
    for (const [status, type, code] of table) {
      handle = (_request, response) => reply(response, status, apiErrors(type, `Refused: ${type}`));
      const error = await failure(client({ newRequestId: () => `id-${type}` }).put('/finesse/api/User/1001001', '<User/>'));
      expect([status, type, error.code, error.message, error.traceId]).toEqual([status, type, code, `Refused: ${type}`, `id-${type}`]);
      expect(isOutOfService(error)).toBe(false);
    }
  });

  it('maps the status when there is no ApiErrors body (or one that is not XML)', async () => {
    const cases: [status: number, path: string, body: string, code: CcError['code']][] = [
      [401, '/finesse/api/User/1', '', 'session.required'],
      [403, '/finesse/api/Team/5000', '', 'profile.forbidden'],
      [404, '/finesse/api/Dialog/16817084', '', 'task.unknown'],
      [404, '/finesse/api/Queue/5001', '', 'api'],
      [500, '/finesse/api/User/1', '<html>Internal error</html', 'api'],
      [502, '/finesse/api/User/1', 'Bad gateway', 'network'],
    ];
    for (const [status, path, body, code] of cases) {
      handle = (_request, response) => reply(response, status, body, { 'Content-Type': 'text/html' });
      const error = await failure(client().get(path));
      expect([status, path, error.code]).toEqual([status, path, code]);
      expect(error.message).toContain(String(status));
    }
  });

  it('tells a 503 apart as out of service (SE-4): network, retryable, isOutOfService', async () => {
    handle = (_request, response) => reply(response, 503, apiErrors('Service Unavailable', 'Finesse is not IN_SERVICE'));
    const error = await failure(client({ newRequestId: () => 'r-503' }).put('/finesse/api/User/1', '<User/>'));
    expect(isOutOfService(error)).toBe(true);
    expect([error.code, error.retryable, error.traceId]).toEqual(['network', true, 'r-503']);
    expect(error.message).toContain('out of service');
    expect(error.message).toContain('Finesse is not IN_SERVICE');

    handle = (_request, response) => reply(response, 503, '');
    expect(isOutOfService(await failure(client().get('/finesse/api/SystemInfo')))).toBe(true);
  });

  it('answers network when the server hangs past the timeout, before or during the body', async () => {
    handle = () => undefined; // never answers
    const silent = await failure(client({ timeoutMs: 150 }).get('/finesse/api/User/1'));
    expect([silent.code, silent.message]).toEqual(['network', 'The Finesse server did not answer GET /finesse/api/User/1 within 150 ms.']);

    handle = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/xml' });
      response.write('<User><state>'); // and nothing more
    };
    const stalled = await failure(client({ timeoutMs: 150, newRequestId: () => 'r-slow' }).put('/finesse/api/User/1', '<User/>'));
    expect([stalled.code, stalled.traceId, isOutOfService(stalled)]).toEqual(['network', 'r-slow', false]);
  });

  it('answers network when nothing listens, and when the caller cancels', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(
      createFinesseRest({ baseUrl: `http://127.0.0.1:${port}`, credentials: basic }).get('/finesse/api/SystemInfo'),
    );
    expect([refused.code, refused.message]).toEqual(['network', `The Finesse server at http://127.0.0.1:${port} could not be reached.`]);

    handle = () => undefined;
    const controller = new AbortController();
    const pending = client().get('/finesse/api/User/1', { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).message).toBe('GET /finesse/api/User/1 was cancelled.');
  });
});

describe('Bearer tokens', () => {
  it('sends a fixed token and does not retry a 401', async () => {
    handle = (_request, response) => reply(response, 401);
    const error = await failure(client({ credentials: { kind: 'bearer', id: '1', token: 'abc' } }).get('/finesse/api/User/1'));
    expect(error.code).toBe('session.required');
    expect(received.map((request) => request.headers.authorization)).toEqual(['Bearer abc']);
  });

  it('asks the token function again once after a 401, resends the same write, then keeps the new token', async () => {
    const tokens = ['expired', 'fresh'];
    let asked = 0;
    const token = (): Promise<string> => Promise.resolve(tokens[asked++] ?? 'none');
    handle = (request, response) => (request.headers.authorization === 'Bearer fresh' ? reply(response, 202) : reply(response, 401));
    const rest = client({ credentials: { kind: 'bearer', id: '1', token } });
    const accepted = await rest.put('/finesse/api/User/1', '<User><state>READY</state></User>');
    await rest.put('/finesse/api/User/1', '<User><state>NOT_READY</state></User>');
    expect(asked).toBe(2);
    expect(received.map((request) => request.headers.authorization)).toEqual(['Bearer expired', 'Bearer fresh', 'Bearer fresh']);
    expect(received[1]?.headers.requestid).toBe(accepted.requestId);
    expect(received[1]?.body).toBe('<User><state>READY</state></User>');
  });

  it('asks only once when several requests meet the same stale token', async () => {
    let asked = 0;
    const token = (): Promise<string> => Promise.resolve(`t${++asked}`);
    handle = (request, response) => (request.headers.authorization === 'Bearer t2' ? reply(response, 200, USER) : reply(response, 401));
    const rest = client({ credentials: { kind: 'bearer', id: '1', token } });
    await Promise.all([rest.get('/finesse/api/User/1'), rest.get('/finesse/api/User/1'), rest.get('/finesse/api/User/1')]);
    expect(asked).toBe(2);
  });

  it('gives session.required when the fresh token is refused too, or when no token can be had', async () => {
    let asked = 0;
    handle = (_request, response) => reply(response, 401, apiErrors('Unauthorized', 'Token expired'));
    const error = await failure(
      client({ credentials: { kind: 'bearer', id: '1', token: () => Promise.resolve(`t${++asked}`) } }).get('/finesse/api/User/1'),
    );
    expect([error.code, error.message, asked, received.length]).toEqual(['session.required', 'Token expired', 2, 2]);

    const noToken = await failure(
      client({ credentials: { kind: 'bearer', id: '1', token: () => Promise.reject(new Error('IdS down')) } }).get('/finesse/api/User/1'),
    );
    expect(noToken.code).toBe('session.required');
    expect(received).toHaveLength(2); // nothing was sent without a token
  });
});

describe('async errors in notifications', () => {
  it('maps an apiErrors Update to a CcError the way REST refusals are mapped, trace id = requestId', () => {
    const cti = decodeUpdate(
      update(
        'PUT',
        '/finesse/api/Dialog/16817084',
        '<apiErrors><apiError><errorData>1</errorData><errorMessage>The hold request failed</errorMessage><errorType>Call Operation Failure</errorType></apiError></apiErrors>',
        'req-7',
      ),
    );
    const error = updateToCcError(cti);
    expect(error?.toInfo()).toEqual({ code: 'api', message: 'The hold request failed', traceId: 'req-7' });

    const invalid = updateToCcError(decodeUpdate(update('PUT', '/finesse/api/User/1', API_ERRORS.replace(/ApiError/g, 'apiError'))));
    expect(invalid?.toInfo()).toEqual({ code: 'command.notAllowed', message: 'Cannot change state to LOGOUT from READY' });

    expect(updateToCcError(decodeUpdate(update('PUT', '/finesse/api/User/1', USER)))).toBeUndefined();
  });

  it('joins the messages of several errors and falls back to the type when there is no message', () => {
    const both = apiErrorsToCcError([
      { type: 'Invalid Input', message: 'Extension too long.' },
      { type: 'Invalid Input', message: 'Extension has letters.' },
    ]);
    expect(both.toInfo()).toEqual({ code: 'api', message: 'Extension too long. Extension has letters.' });
    expect(apiErrorsToCcError([{ type: 'Weird', message: '' }]).message).toBe('The Finesse server refused the request (Weird).');
    expect(apiErrorsToCcError([]).toInfo()).toEqual({ code: 'api', message: 'The server refused the request.' });
  });
});
