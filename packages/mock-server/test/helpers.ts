// Test harness: the same calls through MSW (setupServer + global fetch), the standalone server (real HTTP)
// and `mock.handle` (no transport), plus an independent spec validator.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { loadSpec } from '@useapi-minimax/spec';
import { MOCK_TOKEN, createMiniMaxMock, type MiniMaxMock, type MiniMaxMockOptions } from '@useapi-minimax/mock-server';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';
import { startMockServer } from '@useapi-minimax/mock-server/server';

export const AUTH = { authorization: `Bearer ${MOCK_TOKEN}` };
/** The standalone server's control credential by default (the MSW control routes need none). */
export const CONTROL = { authorization: `Bearer ${MOCK_TOKEN}` };

/** How a request is sent. */
export type TransportName = 'msw' | 'http' | 'handle' | 'fetch';

/** A request of a test. */
export interface Call {
  method?: string;
  /** Path below the base URL, with query. */
  path: string;
  json?: unknown;
  form?: Record<string, string | Blob | (string | Blob)[]>;
  raw?: { type: string; bytes: Uint8Array };
  headers?: Record<string, string>;
  /** Leave out the Authorization header. */
  noAuth?: boolean;
  signal?: AbortSignal;
}

/** A parsed answer. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
  response: Response;
}

/** A mock reachable through one transport. */
export interface Harness {
  name: TransportName;
  mock: MiniMaxMock;
  baseUrl: string;
  /** Origin of the control API. */
  origin: string;
  call(call: Call): Promise<Answer>;
  /** The raw `Response` (body unread). */
  send(call: Call): Promise<Response>;
  /** A `fetch` that reaches this mock (control API included): `mock.fetch` in process, else the global one. */
  fetch(input: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** What `fetch(url, init)` is called with for a call: the `fetch` transport sends these as they are. */
function buildArgs(baseUrl: string, c: Call): [string, RequestInit] {
  const headers: Record<string, string> = { ...(c.noAuth ? {} : AUTH), ...c.headers };
  let body: BodyInit | undefined;
  if (c.json !== undefined) {
    body = typeof c.json === 'string' ? c.json : JSON.stringify(c.json);
    headers['content-type'] ??= 'application/json';
  } else if (c.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(c.form)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    body = form;
  } else if (c.raw) {
    body = c.raw.bytes as unknown as BodyInit;
    headers['content-type'] = c.raw.type;
  }
  const method = c.method ?? (body !== undefined ? 'POST' : 'GET');
  return [`${baseUrl}${c.path}`, { method, headers, ...(body !== undefined ? { body } : {}), ...(c.signal ? { signal: c.signal } : {}) }];
}

function buildRequest(baseUrl: string, c: Call): Request {
  return new Request(...buildArgs(baseUrl, c));
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, response };
}

/** Opens a mock behind a transport (manual clock unless the options say otherwise). */
export async function openHarness(name: TransportName, options: MiniMaxMockOptions = {}): Promise<Harness> {
  const opts: MiniMaxMockOptions = { clock: 'manual', ...options };
  if (name === 'handle') {
    const mock = createMiniMaxMock(opts);
    const send = (c: Call) => mock.handle(buildRequest(mock.baseUrl, c));
    return { name, mock, baseUrl: mock.baseUrl, origin: new URL(mock.baseUrl).origin, send, fetch: mock.fetch, call: async (c) => answer(await send(c)), close: async () => mock.dispose() };
  }
  if (name === 'fetch') {
    const mock = createMiniMaxMock(opts);
    const send = (c: Call) => mock.fetch(...buildArgs(mock.baseUrl, c));
    return { name, mock, baseUrl: mock.baseUrl, origin: new URL(mock.baseUrl).origin, send, fetch: mock.fetch, call: async (c) => answer(await send(c)), close: async () => mock.dispose() };
  }
  if (name === 'msw') {
    const server = setupMiniMaxServer(opts);
    server.listen({ onUnhandledRequest: 'error' });
    const { mock } = server;
    const send = (c: Call) => fetch(buildRequest(mock.baseUrl, c));
    return { name, mock, baseUrl: mock.baseUrl, origin: new URL(mock.baseUrl).origin, send, fetch, call: async (c) => answer(await send(c)), close: async () => { server.close(); mock.dispose(); } };
  }
  const server = await startMockServer({ port: 0, deliverWebhooks: false, ...opts });
  const send = (c: Call) => fetch(buildRequest(server.baseUrl, c));
  return { name, mock: server.mock, baseUrl: server.baseUrl, origin: server.url, send, fetch, call: async (c) => answer(await send(c)), close: () => server.close() };
}

/** The transports every behaviour test runs through. */
export const TRANSPORTS: TransportName[] = ['msw', 'http', 'fetch'];

const SPEC_ID = 'https://useapi-minimax.test/openapi.json';
let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

/** Validates a value against the schema at a pointer of the spec (independently of the mock's own Ajv). */
export function specErrors(pointer: string, value: unknown): string[] {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormatsImport as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(loadSpec(), SPEC_ID);
  }
  let fn = cache.get(pointer);
  if (!fn) {
    fn = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    cache.set(pointer, fn);
  }
  return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Escapes a JSON-pointer segment. */
export const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** The `data:` events of an SSE body, parsed as JSON. */
export function sseEvents(text: string): any[] {
  return text.split(/\n\n/).map((block) => block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n')).filter(Boolean).map((d) => JSON.parse(d));
}

/** A tiny PNG-ish payload. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
/** A tiny MP3-ish payload. */
export const MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 9]);

/** Runs `fn` against a fresh mock behind `transport`, closing it afterwards. */
export async function withHarness(transport: TransportName, options: MiniMaxMockOptions, fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await openHarness(transport, options);
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}
