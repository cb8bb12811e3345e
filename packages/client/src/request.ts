// The request of an operation call, built without openapi-fetch (which only the low-level `client.GET`/`POST`/
// `DELETE` use): the URL (path ids kept readable, query `form`/explode like openapi-fetch's default), the headers,
// the body, then the middleware's onRequest/onError/onResponse, with the same semantics and the same bytes on the
// wire as an openapi-fetch call (tested per operation). Without middleware the request is a `Draft`: `fetch(url, init)`.
import type { Middleware } from 'openapi-fetch';
import type { Env } from './core.js';
import { serializePath } from './path-serializer.js';
import { Draft } from './transport.js';

/** What a call resolved with, as openapi-fetch's `parseAs: 'stream'` does: a 2xx body stays unread. */
export interface RequestResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What to send: the path template and its values, the query, the headers and the serialized body. */
export interface RequestParts {
  method: string;
  path: string;
  pathValues: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /** The body as fetch sends it (a JSON string, FormData, Blob, stream…). */
  body?: BodyInit | undefined;
  /** The body is JSON (`Content-Type: application/json` unless the headers say otherwise). */
  json?: boolean;
  /** A streamed request body. */
  duplex?: 'half' | undefined;
}

const enc = encodeURIComponent;

/** openapi-fetch's default query string: `name=value`, arrays exploded, objects as `name[key]=value`. */
export function queryString(query: Record<string, unknown>): string {
  const out: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value == null) continue;
    if (Array.isArray(value)) for (const v of value) out.push(`${name}=${enc(v)}`);
    else if (typeof value === 'object') for (const k in value) out.push(`${name}[${k}]=${enc((value as Record<string, string>)[k]!)}`);
    else out.push(`${name}=${enc(value as string)}`);
  }
  return out.join('&');
}

/** Sends one call's request with `fetch` (the transport's attempt loop), middleware around it when there is any. */
export function sendRequest(env: Env, parts: RequestParts, signal: AbortSignal, fetch: (input: Request | Draft) => Promise<Response>): Promise<RequestResult> {
  const search = queryString(parts.query);
  const url = `${env.baseUrl}${serializePath(parts.path, parts.pathValues)}${search ? `?${search}` : ''}`;
  const headers = new Headers(parts.json ? { 'Content-Type': 'application/json' } : undefined);
  if (env.auth) headers.set('Authorization', env.auth);
  for (const name in parts.headers) headers.set(name, parts.headers[name]!);
  const init: RequestInit & { duplex?: 'half' } = { redirect: 'follow', method: parts.method, headers, body: parts.body, signal };
  if (parts.duplex) init.duplex = parts.duplex;
  return dispatch(env.middleware, url, init, { schemaPath: parts.path, params: { path: parts.pathValues, query: parts.query }, baseUrl: env.baseUrl }, fetch);
}

/** What middleware is told about a call besides the request. */
export interface CallContext {
  schemaPath: string;
  params: Record<string, unknown>;
  baseUrl: string;
}

/**
 * Sends `url` + `init` through `middleware` (openapi-fetch's semantics: onRequest in order, may replace the request
 * or answer it; onError and onResponse in reverse order) and `fetch`, then reads the answer as openapi-fetch does
 * with `parseAs: 'stream'`: `{ data }` on a 2xx (the unread body), `{ error }` (parsed JSON, else the text) otherwise,
 * nothing for a 204, a HEAD or an empty body.
 */
export async function dispatch(
  middleware: readonly Middleware[],
  url: string,
  init: RequestInit,
  call: CallContext,
  fetch: (input: Request | Draft) => Promise<Response>,
  parseAs = 'stream',
): Promise<RequestResult> {
  let response: Response | undefined;
  let request: Request | Draft;
  if (!middleware.length) response = await fetch((request = new Draft(url, init)));
  else {
    request = new Request(url, init);
    const { schemaPath, params, baseUrl } = call;
    const context = { schemaPath, params, options: Object.freeze({ baseUrl, fetch, parseAs }), id: Math.random().toString(36).slice(2, 11) };
    const list = [...middleware];
    for (const m of list) {
      const result: unknown = await m.onRequest?.({ request, ...context } as never);
      if (result instanceof Request) request = result;
      else if (result instanceof Response) {
        response = result;
        break;
      } else if (result) throw new Error('onRequest: must return new Request() or Response() when modifying the request');
    }
    if (!response) {
      try {
        response = await fetch(request);
      } catch (error) {
        let after: unknown = error;
        for (let i = list.length - 1; i >= 0; i--) {
          const result: unknown = await list[i]!.onError?.({ request, error: after, ...context } as never);
          if (result instanceof Response) {
            after = undefined;
            response = result;
            break;
          }
          if (result instanceof Error) after = result;
          else if (result) throw new Error('onError: must return new Response() or instance of Error');
        }
        if (after) throw after;
      }
      for (let i = list.length - 1; i >= 0; i--) {
        const result: unknown = await list[i]!.onResponse?.({ request, response: response!, ...context } as never);
        if (result instanceof Response) response = result;
        else if (result) throw new Error('onResponse: must return new Response() when modifying the response');
      }
    }
  }
  const res = response!;
  const { ok, status, headers } = res;
  const length = headers.get('Content-Length');
  if (status === 204 || request.method === 'HEAD' || (length === '0' && !headers.get('Transfer-Encoding')?.includes('chunked'))) return { response: res };
  if (ok) return { data: res.body, response: res };
  let error: unknown = await res.text();
  try {
    error = JSON.parse(error as string);
  } catch {}
  return { error, response: res };
}
