// The standalone server: the engine over node:http, with CORS and the `/__mock/` control API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMiniMaxMock, engineOf, type MiniMaxMock } from '../mock.js';
import type { MiniMaxMockOptions } from '../engine/options.js';
import type { IncomingRequest, MockReply } from '../engine/reply.js';

/** Options of `startMockServer`: where to listen, plus every mock option (or an existing mock). */
export interface MockServerOptions extends MiniMaxMockOptions {
  /** Port (default 4010; 0 picks a free one). */
  port?: number;
  /** Interface (default `127.0.0.1`). */
  host?: string;
  /** Serve this mock instead of creating one. */
  mock?: MiniMaxMock;
  /** Answer CORS preflights and add `Access-Control-Allow-*` headers (default true). */
  cors?: boolean;
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

function collect(req: IncomingMessage): Promise<Uint8Array> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toIncoming(req: IncomingMessage, res: ServerResponse, origin: string): IncomingRequest {
  const url = `${origin}${req.url ?? '/'}`;
  let bytes: Promise<Uint8Array> | undefined;
  let controller: AbortController | undefined;
  const readBytes = () => (bytes ??= collect(req));
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    bytes: readBytes,
    formData: async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const body = await readBytes();
      return new Request(url, { method: 'POST', headers, body: body as unknown as BodyInit }).formData();
    },
    get signal() {
      if (!controller) {
        const c = new AbortController();
        controller = c;
        res.once('close', () => {
          if (!res.writableFinished) c.abort();
        });
      }
      return controller.signal;
    },
  };
}

async function write(req: IncomingMessage, res: ServerResponse, reply: MockReply, cors: boolean): Promise<void> {
  if (reply.networkError) {
    req.socket.destroy();
    return;
  }
  const headers = cors ? { ...CORS, ...reply.headers } : reply.headers;
  const body = reply.body;
  if (STATUS_TEXT[reply.status]) res.statusMessage = STATUS_TEXT[reply.status] as string;
  if (body === null || reply.status === 204) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  if (typeof body === 'string' || body instanceof Uint8Array) {
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    res.writeHead(reply.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(reply.status, headers);
  res.flushHeaders();
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
  const { port = 4010, host = '127.0.0.1', mock: given, cors = true, ...mockOptions } = options;
  const mock = given ?? createMiniMaxMock({ clock: 'real', deliverWebhooks: true, ...mockOptions });
  const engine = engineOf(mock);
  let origin = `http://${host}:${port}`;

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (req.method === 'OPTIONS' && cors) {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const incoming = toIncoming(req, res, origin);
    const fail = (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[useapi-minimax-mock] ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) {
        const body = JSON.stringify({ error: message, code: 500 });
        res.writeHead(500, { ...(cors ? CORS : {}), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
      } else {
        res.destroy();
      }
    };
    try {
      // Answered in the same turn when the engine needs nothing asynchronous (most GETs).
      const reply = (req.url ?? '').startsWith('/__mock') ? engine.control(incoming) : engine.dispatch(incoming);
      if (reply instanceof Promise) reply.then((r) => write(req, res, r, cors)).catch(fail);
      else write(req, res, reply, cors).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  origin = `http://${shownHost}:${actual}`;
  const basePath = new URL(mock.baseUrl).pathname.replace(/\/+$/, '');
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
