// The standalone server: the engine over node:http, with CORS on the API routes and the `/__mock/` control API
// behind its access checks (control-access.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMiniMaxMock, engineOf, type MiniMaxMock } from '../mock.js';
import type { MiniMaxMockOptions } from '../engine/options.js';
import { BodyTooLargeError, JSON_HEADERS, type IncomingRequest, type MockReply } from '../engine/reply.js';
import { MOCK_TOKEN } from '../token.js';
import { MEDIA_PREFIX } from '../engine/media.js';
import { isControlPath } from '../engine/control.js';
import { controlRefusal, type ControlAccess } from './control-access.js';

/** Options of `startMockServer`: where to listen, plus every mock option (or an existing mock). */
export interface MockServerOptions extends MiniMaxMockOptions {
  /** Port (default 4010; 0 picks a free one). */
  port?: number;
  /** Interface (default `127.0.0.1`). */
  host?: string;
  /** Serve this mock instead of creating one. */
  mock?: MiniMaxMock;
  /** Answer CORS preflights and add `Access-Control-Allow-*` headers on the API routes (default true; never on `/__mock`). */
  cors?: boolean;
  /**
   * The credential of the control API `/__mock/*`: requests must send `Authorization: Bearer <controlToken>`.
   * Default `MOCK_TOKEN`.
   */
  controlToken?: string;
  /**
   * Host names (besides loopback and `host`) under which the control API answers, checked against the `Host` and
   * `Origin` headers, e.g. `['mock.test']` behind a proxy. Default none.
   */
  allowedHosts?: readonly string[];
}

/** A running standalone mock server. */
export interface MockServer {
  /** `http://<host>:<port>` */
  readonly url: string;
  /** `http://<host>:<port>/v1/minimax`: the client's base URL. */
  readonly baseUrl: string;
  readonly port: number;
  readonly mock: MiniMaxMock;
  readonly server: Server;
  /** Stops listening, drops open connections (stalled bodies included) and stops the webhook tick. */
  close(): Promise<void>;
}

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, prefer',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-expose-headers': 'retry-after',
  'access-control-max-age': '600',
};

const STATUS_TEXT: Record<number, string> = { 596: 'Account On Hold' };
const EMPTY = new Uint8Array(0);

/**
 * Reads a body into one buffer and calls `done` once: with the bytes, or with the error (a `BodyTooLargeError` for
 * one longer than `limit` bytes, whose rest is drained unbuffered; the stream's own error when the client leaves).
 */
function readChunks(req: IncomingMessage, limit: number, done: (error: unknown, bytes?: Uint8Array) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (error: unknown, bytes?: Uint8Array) => {
    if (settled) return;
    settled = true;
    done(error, bytes);
  };
  const onData = (c: Buffer) => {
    size += c.length;
    if (size <= limit) {
      chunks.push(c);
      return;
    }
    // Drop what was read and drain the rest unbuffered.
    chunks.length = 0;
    req.off('data', onData);
    req.resume();
    settle(new BodyTooLargeError(limit));
  };
  // `on`, not `once`: `settle` already acts once, and `once` wraps each listener in two more objects per request.
  req.on('data', onData);
  req.on('end', () => settle(undefined, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
  req.on('error', (error) => settle(error));
}

/** Reads a body, refusing (without buffering the rest) one longer than `limit` bytes. */
function collect(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
  if (Number(req.headers['content-length']) > limit) {
    req.resume();
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => readChunks(req, limit, (error, bytes) => (error === undefined ? resolve(bytes as Uint8Array) : reject(error))));
}

/** What answering a request needs of its server (one object per server, shared by its requests). */
interface ServerHost {
  readonly engine: ReturnType<typeof engineOf>;
  readonly access: ControlAccess;
  readonly cors: boolean;
  /** `http://<host>:<port>` (set once listening) and the API's base path. */
  origin: string;
  readonly basePath: string;
}

/**
 * A node:http request as the engine reads it, and its answer (methods on the prototype: nothing is closed over per
 * request; the server's listener made two closures per request before).
 */
class NodeIncoming implements IncomingRequest {
  readonly method: string;
  readonly url: string;
  /** The body, when `receive` read it before dispatch. */
  received: Uint8Array | undefined;
  /** Why reading it before dispatch failed (the client went away): `bytes()` rejects with it. */
  receiveError: unknown;
  private body: Promise<Uint8Array> | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly req: IncomingMessage, private readonly res: ServerResponse, private readonly host: ServerHost, private readonly control: boolean) {
    this.method = (req.method ?? 'GET').toUpperCase();
    this.url = `${host.origin}${req.url ?? '/'}`;
  }

  /** Dispatches the request and writes the answer (in the same turn when the engine needs nothing asynchronous). */
  answer(): void {
    const { host, req, res } = this;
    try {
      const reply = this.control
        ? controlRefusal((name) => this.header(name), host.access) ?? host.engine.control(this, { baseUrl: `${host.origin}${host.basePath}` })
        : host.engine.dispatch(this);
      // No CORS headers on the control API: a page of another origin gets no answer it can read.
      const withCors = host.cors && !this.control;
      if (reply instanceof Promise) reply.then((r) => write(req, res, r, withCors)).catch((error: unknown) => this.fail(error));
      else write(req, res, reply, withCors)?.catch((error: unknown) => this.fail(error));
    } catch (error) {
      this.fail(error);
    }
  }

  /** A request the mock failed on: a 500 naming the error (logged), or a dropped connection once headers went out. */
  fail(error: unknown): void {
    const { req, res } = this;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`[useapi-minimax-mock] ${req.method} ${req.url}: ${message}`);
    if (!res.headersSent) {
      const body = JSON.stringify({ error: message, code: 500 });
      res.writeHead(500, { ...(this.host.cors && !this.control ? CORS : {}), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    } else {
      res.destroy();
    }
  }

  header(name: string): string | null {
    const v = this.req.headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }

  bytes(limit = Infinity): Promise<Uint8Array> {
    const received = this.received;
    if (received !== undefined) return received.length > limit ? Promise.reject(new BodyTooLargeError(limit)) : Promise.resolve(received);
    if (this.receiveError !== undefined) return Promise.reject(this.receiveError);
    return (this.body ??= collect(this.req, limit));
  }

  async formData(limit?: number): Promise<FormData> {
    const headers = new Headers();
    for (const [k, v] of Object.entries(this.req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const body = await this.bytes(limit);
    return new Request(this.url, { method: 'POST', headers, body: body as unknown as BodyInit }).formData();
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      const c = new AbortController();
      this.controller = c;
      const res = this.res;
      res.once('close', () => {
        if (!res.writableFinished) c.abort();
      });
    }
    return this.controller.signal;
  }
}

/**
 * Reads a body of declared length (`Content-Length`, at most `limit` bytes: framing keeps it from being longer)
 * into `incoming.received`, then answers it: the engine does in the same turn, with no promise. `false`
 * (nothing read) for anything else: no or a chunked body, one over the limit, which the engine reads lazily.
 */
function receive(req: IncomingMessage, incoming: NodeIncoming, limit: number): boolean {
  const declared = req.headers['content-length'];
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return false;
  const length = Number(declared);
  if (!(length > 0 && length <= limit)) return false;
  // A client that goes away mid-body: the engine sees the read fail, as without this.
  readChunks(req, limit, (error, bytes) => {
    if (error === undefined) incoming.received = bytes;
    else incoming.receiveError = error;
    incoming.answer();
  });
  return true;
}

/** The CORS headers as a flat `[name, value, …]` list (`writeHead` takes one without copying into an object). */
const CORS_LIST: readonly string[] = Object.entries(CORS).flat();
/** The header lists of a reply with the shared `JSON_HEADERS` (most answers), with and without CORS, built once. */
const JSON_LIST: readonly string[] = Object.entries(JSON_HEADERS).flat();
const JSON_CORS_LIST: readonly string[] = [...CORS_LIST, ...JSON_LIST];

/** A reply's header list (the CORS headers first), without its Content-Length when the body's is counted. */
function headerList(reply: MockReply, cors: boolean, counted: boolean): string[] {
  const headers = reply.headers;
  if (headers === JSON_HEADERS) return (cors ? JSON_CORS_LIST : JSON_LIST).slice();
  const list: string[] = cors ? CORS_LIST.slice() : [];
  for (const name in headers) if (!counted || name !== 'content-length') list.push(name, headers[name] as string);
  return list;
}

/**
 * Writes a reply. A complete body (text or bytes, all the API's JSON answers) goes out synchronously in one
 * `res.end(body)` with its Content-Length and the headers as one flat list: no header object is copied, no promise
 * is made. Only a stream (SSE, the stalled-body fault) takes the asynchronous path.
 */
function write(req: IncomingMessage, res: ServerResponse, reply: MockReply, cors: boolean): void | Promise<void> {
  if (reply.networkError) {
    req.socket.destroy();
    return;
  }
  const body = reply.body;
  const status = reply.status;
  const text = STATUS_TEXT[status];
  if (text) res.statusMessage = text;
  // A complete body's length is counted here; a reply's own Content-Length stands only without one (HEAD).
  const list = headerList(reply, cors, typeof body === 'string' || body instanceof Uint8Array);
  if (body === null || status === 204) {
    res.writeHead(status, list);
    res.end();
    return;
  }
  if (typeof body === 'string') {
    list.push('content-length', String(Buffer.byteLength(body)));
    res.writeHead(status, list);
    res.end(body);
    return;
  }
  if (body instanceof Uint8Array) {
    list.push('content-length', String(body.length));
    res.writeHead(status, list);
    res.end(body);
    return;
  }
  res.writeHead(status, list);
  res.flushHeaders();
  return pipeStream(res, body);
}

/** Streams a body (SSE, the stalled-body fault), honouring back-pressure; a client that leaves cancels it. */
async function pipeStream(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  res.once('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** Starts the standalone mock server (real clock and webhook delivery by default). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', mock: given, cors = true, controlToken = MOCK_TOKEN, allowedHosts = [], ...mockOptions } = options;
  if (typeof controlToken !== 'string' || controlToken.length < 8 || /\s/.test(controlToken)) throw new TypeError('controlToken must be a string of at least 8 characters without spaces');
  const bound = host.replace(/^\[|\]$/g, '').toLowerCase();
  const access: ControlAccess = {
    token: controlToken,
    hosts: [...allowedHosts.map((h) => h.toLowerCase()), ...(bound === '0.0.0.0' || bound === '::' ? [] : [bound])],
  };
  const mock = given ?? createMiniMaxMock({ clock: 'real', deliverWebhooks: true, ...mockOptions });
  const engine = engineOf(mock);
  let origin = `http://${host}:${port}`;
  const basePath = new URL(mock.baseUrl).pathname.replace(/\/+$/, '');
  // Bodies within both caps are read before dispatch; a larger one is left to the engine, which refuses it (413).
  const prefetchLimit = Math.min(engine.options.maxBodyBytes, engine.options.maxUploadBytes);
  const serving: ServerHost = { engine, access, cors, origin, basePath };

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const control = isControlPath(req.url ?? '');
    if (req.method === 'OPTIONS' && cors && !control) {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const incoming = new NodeIncoming(req, res, serving, control);
    if ((req.url ?? '').startsWith(MEDIA_PREFIX)) {
      const media = engine.media(incoming);
      if (media) {
        try {
          void write(req, res, media, cors)?.catch(() => res.destroy());
        } catch {
          res.destroy();
        }
        return;
      }
    }
    // An API request's body (within the JSON cap) is read first, so the engine need not wait for it.
    if (control || !receive(req, incoming, prefetchLimit)) incoming.answer();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  engine.selfPorts.add(actual);
  engine.selfHosts.add(bound === '0.0.0.0' || bound === '::' ? '*' : bound);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  origin = `http://${shownHost}:${actual}`;
  serving.origin = origin;
  // Result URLs point here (`/__media/<cdn host>/<path>`), so downloads work against the server.
  if (!given || engine.mediaOrigin === undefined) engine.mediaOrigin = origin;
  return {
    url: origin,
    baseUrl: `${origin}${basePath}`,
    port: actual,
    mock,
    server,
    close: async () => {
      engine.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export type { MiniMaxMock } from '../mock.js';
export type { MiniMaxMockOptions } from '../engine/options.js';
