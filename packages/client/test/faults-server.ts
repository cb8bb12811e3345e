// A real node:http server on loopback that answers each request with the next scripted fault. The last entry
// of a script repeats. It counts requests (method + path), tracks its sockets, and records requests whose
// client went away before the answer was complete (a timeout that really closed the connection).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Answers one request. */
export type Fault = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = { 'content-type': 'application/json' };

/** The faults of the matrix. */
export const faults = {
  /** A JSON answer with this status (and headers). */
  status: (status: number, body: unknown = { error: `status ${status}`, code: status }, headers: Record<string, string> = {}): Fault => (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...JSON_TYPE, 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  },
  /** 200 with a JSON body. */
  json: (body: unknown): Fault => faults.status(200, body),
  /** The socket is destroyed before any byte of the answer. */
  resetBeforeHeaders: (): Fault => (req) => req.socket.destroy(),
  /** Headers and half of the announced body, then the socket is destroyed. */
  resetMidBody: (): Fault => (req, res) => {
    res.writeHead(200, { ...JSON_TYPE, 'content-length': '64' });
    res.write('{"musicId":"user:1-minimax:2-mu');
    setTimeout(() => req.socket.destroy(), 20);
  },
  /** An event stream: one whole event, then half of the next, then the socket is destroyed (undici: `TypeError: terminated`). */
  cutEventStream: (): Fault => (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"status":1,"percent":10}\n\n');
    res.write('data: {"status":1,"perc');
    setTimeout(() => req.socket.destroy(), 20);
  },
  /** Nothing is ever answered (the request stays open until the client gives up). */
  neverHeaders: (): Fault => () => {},
  /** Headers and the start of the body come at once; the rest never does. */
  stallBody: (): Fault => (_req, res) => {
    res.writeHead(200, { ...JSON_TYPE, 'content-length': '64' });
    res.write('{"musicId":');
  },
  /** 200, `application/json`, a body that is not JSON. */
  malformedJson: (): Fault => (_req, res) => {
    const text = '{"musicId": "user:1-minimax:2-music:3", "status": 2,';
    res.writeHead(200, { ...JSON_TYPE, 'content-length': String(text.length) });
    res.end(text);
  },
  /** 200 with an empty body. */
  empty200: (): Fault => (_req, res) => {
    res.writeHead(200, { ...JSON_TYPE, 'content-length': '0' });
    res.end();
  },
};

/** One request the server received. */
export interface Received {
  method: string;
  path: string;
  /** The client went away before the answer was complete. */
  abandoned: boolean;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>/v1/minimax`. */
  baseUrl: string;
  /** Every request received, in order. */
  received: Received[];
  /** Requests received for `method path` (path without the /v1/minimax prefix or query). */
  count(method: string, path: string): number;
  /** The answers of the next requests; the last one repeats. */
  script(...answers: Fault[]): void;
  /** Sockets currently open. */
  openSockets(): number;
  close(): Promise<void>;
}

/** Starts the fault server on an ephemeral loopback port. */
export async function startFaultServer(): Promise<FaultServer> {
  let answers: Fault[] = [faults.json({})];
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const entry: Received = { method: req.method ?? 'GET', path: (req.url ?? '/').replace(/^\/v1\/minimax/, '').split('?')[0]!, abandoned: false };
    received.push(entry);
    res.once('close', () => {
      if (!res.writableFinished) entry.abandoned = true;
    });
    // Read the request body fully before answering, like a real server.
    req.resume();
    req.once('end', () => {
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      answer(req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1/minimax`,
    received,
    count: (method, path) => received.filter((r) => r.method === method && r.path === path).length,
    script: (...next) => {
      answers = next;
    },
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL where nothing listens: connections are refused. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1/minimax`;
}
