// The whole client's low-level calls (`client.GET('/music/{musicId}', { params })` → `{ data, error, response }`),
// with openapi-fetch's options and semantics but without openapi-fetch: the URL (its query serializer, styles and
// `allowReserved` included), headers (`null` removes, arrays append), the body serializer, `parseAs`, per-call
// middleware, through the client's transport with the operation's retry policy.
import type { Env } from './core.js';
import type { OperationDescriptor } from './operation-descriptor.js';
import { serializePath } from './path-serializer.js';
import { dispatch, type RequestResult } from './request.js';
import { startCall } from './transport.js';

type Style = { style?: string; explode?: boolean };
type QueryOption = ((query: Record<string, unknown>) => string) | { allowReserved?: boolean; array?: Style; object?: Style } | undefined;

/** openapi-fetch's query serializer for an option (a function is used as it is). */
function querySerializer(option: QueryOption): (query: Record<string, unknown>) => string {
  if (typeof option === 'function') return option;
  const reserved = option?.allowReserved === true;
  const e = (v: unknown) => (reserved ? String(v) : encodeURIComponent(v as string));
  const prim = (name: string, v: unknown): string => {
    if (v == null) return '';
    if (typeof v === 'object') throw new Error('Deeply-nested arrays/objects aren’t supported. Provide your own `querySerializer()` to handle these.');
    return `${name}=${e(v)}`;
  };
  const array = { style: 'form', explode: true, ...option?.array };
  const object = { style: 'deepObject', explode: true, ...option?.object };
  const around = (style: string, name: string, final: string) =>
    style === 'simple' ? final : style === 'label' ? `.${final}` : style === 'matrix' ? `;${name}=${final}` : `${name}=${final}`;
  return (query) => {
    const out: string[] = [];
    for (const name in query) {
      const value = query[name];
      if (value == null) continue;
      if (Array.isArray(value)) {
        if (!value.length) continue;
        const { style } = array;
        if (array.explode === false) {
          out.push(around(style, name, value.map(e).join({ form: ',', spaceDelimited: '%20', pipeDelimited: '|' }[style] || ',')));
          continue;
        }
        const joiner = { simple: ',', label: '.', matrix: ';' }[style] || '&';
        const values = value.map((v) => (style === 'simple' || style === 'label' ? e(v) : prim(name, v)));
        out.push(style === 'label' || style === 'matrix' ? `${joiner}${values.join(joiner)}` : values.join(joiner));
      } else if (typeof value === 'object') {
        const { style } = object;
        const entries = value as Record<string, unknown>;
        if (style !== 'deepObject' && object.explode === false) {
          const flat: unknown[] = [];
          for (const k in entries) flat.push(k, e(entries[k]));
          out.push(style === 'form' || style === 'label' || style === 'matrix' ? around(style, name, flat.join(',')) : flat.join(','));
          continue;
        }
        const joiner = { simple: ',', label: '.', matrix: ';' }[style] || '&';
        const values: string[] = [];
        for (const k in entries) values.push(prim(style === 'deepObject' ? `${name}[${k}]` : k, entries[k]));
        out.push(style === 'label' || style === 'matrix' ? `${joiner}${values.join(joiner)}` : values.join(joiner));
      } else out.push(prim(name, value));
    }
    return out.join('&');
  };
}

/** openapi-fetch's header merge: later wins, `null` removes, an array appends each value. */
function mergeHeaders(...all: unknown[]): Headers {
  const headers = new Headers();
  for (const h of all) {
    if (!h || typeof h !== 'object') continue;
    for (const [k, v] of h instanceof Headers ? h.entries() : Object.entries(h)) {
      if (v === null) headers.delete(k);
      else if (Array.isArray(v)) for (const one of v) headers.append(k, one);
      else if (v !== undefined) headers.set(k, v as string);
    }
  }
  return headers;
}

function defaultBodySerializer(body: unknown, headers: Headers): BodyInit {
  if (body instanceof FormData) return body;
  if (headers.get('Content-Type') === 'application/x-www-form-urlencoded') return new URLSearchParams(body as Record<string, string>).toString();
  return JSON.stringify(body);
}

/** The low-level call of `method` on an env: `(path, init?) => { data, error, response }`. */
export function lowLevel(env: Env, method: 'GET' | 'POST' | 'DELETE', routeOf: (method: string, path: string) => [string, OperationDescriptor] | []) {
  return async (path: string, init: Record<string, any> = {}): Promise<RequestResult> => {
    const [id, op] = routeOf(method, path);
    const {
      baseUrl: ownBase,
      fetch: _fetch,
      Request: _request,
      headers: callHeaders,
      params = {},
      parseAs = 'json',
      querySerializer: query,
      bodySerializer = defaultBodySerializer,
      pathSerializer = serializePath,
      body,
      middleware: callMiddleware = [],
      maxRetries,
      timeoutMs,
      signal: callSignal,
      ...rest
    } = init;
    const baseUrl = ownBase ? String(ownBase).replace(/\/$/, '') : env.baseUrl;
    const base = { Authorization: env.auth };
    const viewHeaders = env.headers;
    const serialized = body === undefined ? undefined : bodySerializer(body, mergeHeaders(base, viewHeaders, callHeaders, params.header));
    const headers = mergeHeaders(serialized === undefined || serialized instanceof FormData ? {} : { 'Content-Type': 'application/json' }, base, viewHeaders, callHeaders, params.header);
    const search = querySerializer(query)(params.query ?? {}).replace(/^\?/, '');
    const url = `${pathSerializer(`${baseUrl}${path}`, params.path ?? {})}${search ? `?${search}` : ''}`;
    const middleware = [...env.middleware, ...callMiddleware];
    const answer = await startCall(
      env,
      {
        operation: id,
        method,
        path,
        idempotent: op ? op.idempotent : method !== 'POST',
        oneShot: typeof ReadableStream !== 'undefined' && body instanceof ReadableStream,
        maxRetries: maxRetries ?? env.maxRetries,
        timeoutMs: timeoutMs ?? env.timeoutMs,
        signal: callSignal ?? undefined,
      },
      async (signal, fetch) => {
        const result = await dispatch(middleware, url, { redirect: 'follow', ...rest, method, body: serialized, headers, signal }, { schemaPath: path, params, baseUrl }, fetch, parseAs);
        const { response } = result;
        // A 2xx body, read as `parseAs` says (openapi-fetch: `json` with no Content-Length may be empty).
        if (!('data' in result) || parseAs === 'stream') return result;
        if (parseAs === 'json' && !response.headers.get('Content-Length')) {
          const raw = await response.text();
          return { data: raw ? JSON.parse(raw) : undefined, response };
        }
        return { data: await (response as unknown as Record<string, () => Promise<unknown>>)[parseAs]!(), response };
      },
    );
    // The body was read within the call's budget: nothing left to cover.
    answer.release();
    return answer.result;
  };
}
