// Request bodies from plain objects: ergonomic aliases, multipart forms and raw uploads.
import type { OperationDescriptor } from './operation-descriptor.js';

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

/** Wraps upload data (Blob/File, ArrayBuffer, typed array or Node Buffer, ReadableStream); undefined if unsupported. */
export function toRawBody(data: unknown): RawBody | undefined {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return { body: data, type: data.type || undefined, stream: false };
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return { body: data as BodyInit, type: undefined, stream: false };
  if (typeof ReadableStream !== 'undefined' && data instanceof ReadableStream) return { body: data, type: undefined, stream: true };
  return undefined;
}
