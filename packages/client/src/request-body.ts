// Request bodies from plain objects: ergonomic aliases, multipart forms and raw uploads.
import type { OperationDescriptor } from './operation-descriptor.js';
import type { ValidationIssue } from './errors.js';
import type { OperationParts } from './operation.js';

/**
 * Applies the input aliases in place: `files` → `file` (repeatable binary parts) and a string array for a
 * comma-list field (`x-sdk.list: comma` in the spec: `models`, `files` of clone-voice) → the comma-joined string.
 */
export function applyAliases(op: OperationDescriptor, input: Record<string, unknown>): void {
  if (input.files !== undefined && op.fields.file?.type === 'files') {
    input.file = [...(input.file == null ? [] : ([] as unknown[]).concat(input.file)), ...(input.files as unknown[])];
    delete input.files;
  }
  for (const name in input) {
    const rule = op.fields[name];
    if (Array.isArray(input[name]) && rule?.commaList) input[name] = (input[name] as unknown[]).join(',');
  }
}

/** A multipart form from a plain object: Blobs as file parts, arrays as repeated parts, the rest as text. */
export function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const name in body) {
    for (const value of ([] as unknown[]).concat(body[name])) {
      if (value == null) continue;
      form.append(name, value instanceof Blob ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }
  return form;
}

/** A raw upload body: what to send, the data's own MIME type and whether it is a one-shot stream. */
export interface RawBody {
  body: BodyInit;
  type: string | undefined;
  stream: boolean;
}

/** MIME types by file extension, for uploads whose data has no type of its own. */
const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};

/** The MIME type of a file name's extension (`song.MP3` → `audio/mpeg`), if known. */
export function typeOfName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : TYPES[name.slice(dot + 1).toLowerCase()];
}

/** A Node readable (`fs.createReadStream`, …): it pipes and iterates asynchronously. */
const isNodeReadable = (data: unknown): data is AsyncIterable<Uint8Array> & { path?: unknown } =>
  !!data && typeof data === 'object' && typeof (data as { pipe?: unknown }).pipe === 'function' && Symbol.asyncIterator in data;

/**
 * Wraps upload data (Blob/File, ArrayBuffer, typed array or Node Buffer, ReadableStream, Node readable such as
 * `fs.createReadStream(path)`); undefined if unsupported. Without a type of its own, the type comes from the file
 * name (`File.name`, a read stream's `path`) when its extension is known.
 */
export function toRawBody(data: unknown): RawBody | undefined {
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    return { body: data, type: data.type || typeOfName((data as { name?: unknown }).name), stream: false };
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return { body: data as BodyInit, type: undefined, stream: false };
  if (typeof ReadableStream !== 'undefined' && data instanceof ReadableStream) return { body: data, type: undefined, stream: true };
  const from = typeof ReadableStream !== 'undefined' ? (ReadableStream as { from?: (it: AsyncIterable<Uint8Array>) => ReadableStream<Uint8Array> }).from : undefined;
  if (from && isNodeReadable(data)) return { body: from.call(ReadableStream, data), type: typeOfName(data.path), stream: true };
  return undefined;
}

/** A raw upload prepared: the data as fetch sends it, its content type (webp goes as jpeg) and what is wrong with either. */
export interface RawUpload {
  raw: RawBody | undefined;
  contentType: string | undefined;
  issues: ValidationIssue[];
}

/** The body of a raw upload operation from its data and `input.contentType` (removed from `input`). */
export function rawUpload(op: OperationDescriptor, data: unknown, input: Record<string, unknown>): RawUpload {
  const raw = toRawBody(data);
  let contentType = (input.contentType as string | undefined) ?? raw?.type;
  delete input.contentType;
  // The API takes webp as jpeg.
  if (contentType === 'image/webp' && op.contentTypes?.includes('image/jpeg')) contentType = 'image/jpeg';
  const issues: ValidationIssue[] = [];
  const types = op.contentTypes!;
  if (!raw) issues.push({ field: 'data', message: 'must be a Blob, File, ArrayBuffer, typed array, Buffer, ReadableStream or Node readable (for a file: fs.openAsBlob(path), or Readable.toWeb(stream))' });
  if (!contentType) issues.push({ field: 'contentType', message: `is required (the data has no type); one of ${types.join(', ')}` });
  else if (!types.includes(contentType.split(';')[0]!.trim().toLowerCase())) issues.push({ field: 'contentType', message: `must be one of ${types.join(', ')} (got ${contentType})` });
  return { raw, contentType, issues };
}

/**
 * Puts a call's input where each field travels (query, header or body by its rule; a field the spec does not know
 * goes to the body of a JSON or multipart operation, else to the query) and its body into openapi-fetch's `init`.
 * Returns whether the call may run long: a raw upload, or a synchronous multipart create (`async` not set).
 */
export function sendInput(op: OperationDescriptor, input: Record<string, any>, init: Record<string, any>, parts: OperationParts, upload: RawUpload | undefined, data: unknown): boolean {
  const { query } = init.params;
  const { headers } = init;
  const body: Record<string, unknown> = {};
  const bodyDefault = op.body === 'json' || op.body === 'multipart';
  for (const name in input) {
    const where = op.fields[name]?.in ?? (bodyDefault ? 'body' : 'query');
    if (where === 'header') headers[name] = String(input[name]);
    else if (where !== 'path') (where === 'body' ? body : query)[name] = input[name];
  }
  if (op.body === 'json') init.body = body;
  else if (op.body === 'multipart') {
    init.body = parts.form!(body);
    init.bodySerializer = (b: unknown) => b;
  } else if (upload) {
    init.body = upload.raw?.body ?? data;
    init.bodySerializer = (b: unknown) => b;
    headers['Content-Type'] = upload.contentType ?? 'application/octet-stream';
    if (upload.raw?.stream) init.duplex = 'half';
  }
  return op.body === 'raw' || (op.success === 'json' && op.body === 'multipart' && op.fields.async !== undefined && input.async !== true);
}
