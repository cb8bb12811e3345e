// Reads a request into validated parameters: query and path (coerced), JSON or multipart bodies (multipart
// strings coerced, file parts kept as Blobs) and raw bodies checked against the documented content types.
import { operations, type OperationId } from '../generated/operations.js';
import { BodyTooLargeError, errorReply, type IncomingRequest, type MockReply } from './reply.js';
import { bodyShape, inputValidator } from './validation.js';
import { isReply } from '../families/types.js';
import type { RequestTarget } from './target.js';

/** A summary of a request body for the journal: long strings cut, files by name/size/type. */
export type BodySummary =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: Record<string, unknown> }
  | { kind: 'raw'; contentType: string; size: number };

/** A parsed request. */
export interface ParsedInput {
  params: Record<string, unknown>;
  raw?: { contentType: string; bytes: Uint8Array };
  summary?: BodySummary;
  /** The string values of the body (for `[mock:…]` markers). */
  strings: string[];
}

/** JSON is UTF-8 (RFC 8259); a leading BOM is ignored, invalid bytes are a 400. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function bad(message: string): MockReply {
  return errorReply(400, message);
}

const MAX_SUMMARY = 200;
/** Deepest JSON nesting a request body may have (deeper: 400). */
export const MAX_JSON_DEPTH = 64;
/** How deep, how many keys and how long a key the journal's summary keeps. */
const SUMMARY_DEPTH = 8;
const SUMMARY_KEYS = 50;
const SUMMARY_KEY_CHARS = 64;

function summarize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_SUMMARY ? `${value.slice(0, MAX_SUMMARY)}… (+${value.length - MAX_SUMMARY} chars)` : value;
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const name = (value as File).name ?? 'blob';
    return { name: name.length > SUMMARY_KEY_CHARS ? `${name.slice(0, SUMMARY_KEY_CHARS)}…` : name, size: value.size, type: value.type.slice(0, SUMMARY_KEY_CHARS) };
  }
  if (value && typeof value === 'object' && depth >= SUMMARY_DEPTH) return '(nested deeper, left out)';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => summarize(v, depth + 1));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const kept = entries.slice(0, SUMMARY_KEYS).map(([k, v]) => [k.length > SUMMARY_KEY_CHARS ? `${k.slice(0, SUMMARY_KEY_CHARS)}…` : k, summarize(v, depth + 1)]);
    if (entries.length > SUMMARY_KEYS) kept.push(['…', `(+${entries.length - SUMMARY_KEYS} keys)`]);
    return Object.fromEntries(kept);
  }
  return value;
}

/** Whether a parsed JSON value nests deeper than `max` (iterative: no stack to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

/** The 413 of a body over the cap. */
export function tooLarge(limit: number): MockReply {
  return errorReply(413, `Request body is larger than the mock's limit of ${limit} bytes (options maxBodyBytes / maxUploadBytes)`, { headers: { connection: 'close' } });
}

// Callers tell a refusal from the bytes by `isReply`, never by `instanceof Uint8Array`/`FormData`: under jsdom (MSW in a
// browser-like test) the body's classes come from another realm than the globals.
/** A body read that failed: the 413 of one over the cap; anything else is rethrown. */
function refused(error: unknown): MockReply {
  if (error instanceof BodyTooLargeError) return tooLarge(error.limit);
  throw error;
}

async function capped<T>(read: () => Promise<T>): Promise<T | MockReply> {
  try {
    return await read();
  } catch (error) {
    return refused(error);
  }
}

/** The body's bytes: at once when the adapter has them already (`received`), else when read. */
function bodyBytes(incoming: IncomingRequest, limit: number): Uint8Array | MockReply | Promise<Uint8Array | MockReply> {
  const received = incoming.received;
  if (received !== undefined) return received.length > limit ? tooLarge(limit) : received;
  return incoming.bytes(limit).then(undefined, refused);
}

/** A parsed body (or the refusal of one). */
export type ParsedBody = Omit<ParsedInput, 'params'> & { body: Record<string, unknown> };

/** The body caps `readBody` applies. */
export interface BodyLimits {
  json: number;
  upload: number;
}

/** Reads and validates the query and path parameters. */
export function readParams(operationId: OperationId, url: RequestTarget, pathParams: Record<string, string>, validate: boolean): Record<string, unknown> | MockReply {
  const query: Record<string, unknown> = {};
  let queried = false;
  if (url.search !== '') {
    for (const [key, value] of url.searchParams) {
      if (key === '__scenario' || key in query) continue;
      query[key] = value;
      queried = true;
    }
  }
  if (validate) {
    const q = inputValidator(operationId, 'query');
    const qError = q?.(query);
    if (qError) return bad(qError);
    const p = inputValidator(operationId, 'path');
    const path: Record<string, unknown> = { ...pathParams };
    const pError = p?.(path);
    if (pError) return bad(pError);
    return queried ? { ...query, ...path } : path;
  }
  return queried ? { ...query, ...pathParams } : { ...pathParams };
}

/**
 * Reads and validates the body: synchronously when the adapter has received it already (the standalone server
 * reads a body of declared length before it dispatches), else when it has been read.
 */
export function readBody(operationId: OperationId, incoming: IncomingRequest, validate: boolean, limits: BodyLimits): ParsedBody | MockReply | Promise<ParsedBody | MockReply> {
  const op = operations[operationId] as (typeof operations)[OperationId] & { contentTypes?: readonly string[] };
  if (op.body === 'none') return { body: {}, strings: [] };
  const type = mediaType(incoming.header('content-type'));

  if (op.body === 'raw') {
    const allowed = op.contentTypes ?? [];
    if (!allowed.includes(type)) return bad(`Content-Type must be one of: ${allowed.join(', ')} (got ${type || 'none'})`);
    const bytes = bodyBytes(incoming, limits.upload);
    return bytes instanceof Promise ? bytes.then((b) => rawBody(type, b)) : rawBody(type, bytes);
  }
  if (type === 'multipart/form-data') return multipartBody(operationId, incoming, validate, limits);
  if (op.body !== 'json') return bad(`Content-Type must be multipart/form-data (got ${type || 'none'})`);
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    return bad(`Content-Type must be application/json or multipart/form-data (got ${type})`);
  }
  const bytes = bodyBytes(incoming, limits.json);
  return bytes instanceof Promise ? bytes.then((b) => jsonBody(operationId, b, validate)) : jsonBody(operationId, bytes, validate);
}

/** A raw upload (the file bytes of a documented content type). */
function rawBody(type: string, bytes: Uint8Array | MockReply): ParsedBody | MockReply {
  if (isReply(bytes)) return bytes;
  if (bytes.length === 0) return bad('Request body (the file bytes) is required');
  return { body: {}, strings: [], raw: { contentType: type, bytes }, summary: { kind: 'raw', contentType: type, size: bytes.length } };
}

/** A multipart/form-data body (strings coerced, file parts kept as Blobs). */
async function multipartBody(operationId: OperationId, incoming: IncomingRequest, validate: boolean, limits: BodyLimits): Promise<ParsedBody | MockReply> {
  let form: FormData;
  try {
    const read = await capped(() => incoming.formData(limits.upload));
    if (isReply(read)) return read;
    form = read;
  } catch {
    return bad('Request body is not valid multipart/form-data');
  }
  const shape = bodyShape(operationId, 'multipart/form-data') ?? { arrays: new Set<string>(), binary: new Set<string>() };
  const body: Record<string, unknown> = {};
  const strings: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') strings.push(value);
    if (shape.arrays.has(name)) ((body[name] ??= []) as unknown[]).push(value);
    else if (!(name in body)) body[name] = value;
  }
  if (validate) {
    // Blobs stand in as strings for `format: binary`; every other value is a string to coerce.
    const check: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      check[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '(binary)')) : typeof v === 'string' ? v : '(binary)';
    }
    const error = inputValidator(operationId, 'multipart')?.(check);
    if (error) return bad(error);
    for (const [k, v] of Object.entries(check)) if (!shape.binary.has(k) && typeof body[k] === 'string') body[k] = v;
  }
  return { body, strings, summary: { kind: 'multipart', fields: summarize(body) as Record<string, unknown> } };
}

/** A JSON body: UTF-8, parsed, not nested too deep, validated (no coercion), an object. */
function jsonBody(operationId: OperationId, bytes: Uint8Array | MockReply, validate: boolean): ParsedBody | MockReply {
  if (isReply(bytes)) return bytes;
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    return bad('Request body is not valid UTF-8');
  }
  if (text.trim() === '') return bad('Request body is required');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad('Request body is not valid JSON');
  }
  const object = body !== null && typeof body === 'object' && !Array.isArray(body);
  // One pass over an object: the string values (for markers), whether a value is an object or array (only then can
  // it nest deeper than the limit) and whether the summary would equal the body (flat, short).
  const strings: string[] = [];
  let keys = 0;
  let nested = !object;
  let flat = true;
  if (object) {
    for (const key in body as Record<string, unknown>) {
      const v = (body as Record<string, unknown>)[key];
      if (typeof v === 'string') {
        strings.push(v);
        if (v.length > MAX_SUMMARY) flat = false;
      } else if (v !== null && typeof v === 'object') nested = true;
      if (++keys > SUMMARY_KEYS || key.length > SUMMARY_KEY_CHARS) flat = false;
    }
    if (nested) flat = false;
  }
  if (nested && nestedDeeperThan(body, MAX_JSON_DEPTH)) return bad(`Request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (validate) {
    const error = inputValidator(operationId, 'json')?.(body);
    if (error) return bad(error);
  }
  if (!object) return bad('Request body must be a JSON object');
  // A flat body of short values is its own summary (nothing is cut; the journal keeps the parsed object).
  return { body: body as Record<string, unknown>, strings, summary: { kind: 'json', value: flat ? body : summarize(body) } };
}
