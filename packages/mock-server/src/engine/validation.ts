// Ajv 2020 over the generated OpenAPI document: request validation (query/path/multipart with string
// coercion, JSON without) and response validation (test mode), compiled lazily per operation.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { openapi } from '../generated/spec.js';
import { operations, type OperationId } from '../generated/operations.js';

const SPEC_ID = 'https://useapi-minimax.local/openapi.json';
const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => void;

/** Escapes one JSON-pointer segment. */
export const esc = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function makeAjv(coerce: boolean, allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors, coerceTypes: coerce, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(openapi, SPEC_ID);
  return ajv;
}

let strictAjv: Ajv2020 | undefined;
let coercingAjv: Ajv2020 | undefined;
let reportingAjv: Ajv2020 | undefined;
const strict = () => (strictAjv ??= makeAjv(false, false));
const coercing = () => (coercingAjv ??= makeAjv(true, false));
const reporting = () => (reportingAjv ??= makeAjv(false, true));

type Json = Record<string, any>;

/** Follows a local `$ref` chain and returns the final pointer and node. */
function resolve(pointer: string): { pointer: string; node: Json } {
  let current = pointer;
  for (let i = 0; i < 10; i++) {
    const node = lookup(current);
    if (node && typeof node.$ref === 'string') {
      current = node.$ref;
      continue;
    }
    return { pointer: current, node };
  }
  throw new Error(`$ref chain too deep at ${pointer}`);
}

function lookup(pointer: string): Json {
  return pointer
    .slice(2)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<any>((node, key) => node?.[key], openapi);
}

function operationPointer(operationId: OperationId): string {
  const op = operations[operationId];
  return `#/paths/${esc(op.path)}/${op.method.toLowerCase()}`;
}

/** A compiled validator that reports the first problem as an API error message naming the field. */
export type InputValidator = (data: unknown) => string | null;

function paramsSchema(operationId: OperationId, location: 'query' | 'path'): Json | undefined {
  const op = operations[operationId];
  const pathItemPointer = `#/paths/${esc(op.path)}`;
  const opPointer = operationPointer(operationId);
  const properties: Json = {};
  const required: string[] = [];
  const collect = (base: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((_p, i) => {
      const { pointer, node } = resolve(`${base}/parameters/${i}`);
      if (node.in !== location) return;
      properties[node.name] = { $ref: `${SPEC_ID}${pointer}/schema` };
      if (node.required) required.push(node.name);
    });
  };
  collect(pathItemPointer, lookup(pathItemPointer).parameters);
  collect(opPointer, lookup(opPointer).parameters);
  if (Object.keys(properties).length === 0) return undefined;
  return { type: 'object', properties, required };
}

const inputCache = new Map<string, Partial<Record<string, InputValidator | null>>>();

/**
 * The validator of one part of a request: `query` and `path` (strings coerced), `json` (the JSON body,
 * not coerced) or `multipart` (form fields as strings, coerced). `null` when the part has no schema.
 */
export function inputValidator(operationId: OperationId, part: 'query' | 'path' | 'json' | 'multipart'): InputValidator | null {
  let perOp = inputCache.get(operationId);
  if (!perOp) inputCache.set(operationId, (perOp = {}));
  const cached = perOp[part];
  if (cached !== undefined) return cached;
  let schema: Json | undefined;
  if (part === 'query' || part === 'path') {
    schema = paramsSchema(operationId, part);
  } else {
    const type = part === 'json' ? 'application/json' : 'multipart/form-data';
    const body = resolve(`${operationPointer(operationId)}/requestBody`);
    if (body.node?.content?.[type]) schema = { $ref: `${SPEC_ID}${body.pointer}/content/${esc(type)}/schema` };
  }
  let validator: InputValidator | null = null;
  if (schema) {
    const fn = (part === 'json' ? strict() : coercing()).compile(schema);
    const catalog = catalogCheck(operationId);
    validator = (data) => (fn(data) ? catalog(data) : describeInputError(fn.errors?.[0], part));
  }
  perOp[part] = validator;
  return validator;
}

/**
 * The spec's open sets (model ids, option tokens, …) accept any value from a client, but a server only has the
 * models it has: the mock plays a server that knows exactly the values the docs list today, and answers 400 for
 * another one, naming the field, as useapi.net does for a model it does not offer.
 */
function catalogCheck(operationId: OperationId): InputValidator {
  const fields = Object.entries(operations[operationId].fields as Record<string, { known?: readonly unknown[] }>).filter(([, rule]) => rule.known);
  if (fields.length === 0) return () => null;
  return (data) => {
    if (!data || typeof data !== 'object') return null;
    for (const [name, rule] of fields) {
      const value = (data as Json)[name];
      if (value !== undefined && !rule.known!.some((k) => String(k) === String(value))) return `Parameter ${name} must be one of: ${rule.known!.join(', ')}`;
    }
    return null;
  };
}

function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter(Boolean);
  // Array items (e.g. `/file/0`) are reported under the array's name.
  const named = segments.filter((s) => !/^\d+$/.test(s));
  return named.join('.') || '';
}

/** Turns the first Ajv error into the API's message style: `Parameter <name> …`. */
export function describeInputError(error: ErrorObject | undefined, part: string): string {
  if (!error) return 'Invalid request';
  const params = error.params as Record<string, any>;
  if (error.keyword === 'required') return `Parameter ${params.missingProperty} is required`;
  if (error.keyword === 'dependentRequired') return `Parameter ${params.missingProperty} is required when ${params.property} is given`;
  const field = fieldOf(error);
  if (!field) return part === 'json' ? 'Request body must be a JSON object' : `Invalid ${part}`;
  const p = `Parameter ${field}`;
  switch (error.keyword) {
    case 'maxLength': return `${p} is too long (at most ${params.limit} characters)`;
    case 'minLength': return params.limit === 1 ? `${p} must not be empty` : `${p} is too short (at least ${params.limit} characters)`;
    case 'enum': return `${p} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type': return `${p} must be ${params.type === 'integer' ? 'an integer' : `a ${params.type}`}`;
    case 'minimum': return `${p} must be at least ${params.limit}`;
    case 'maximum': return `${p} must be at most ${params.limit}`;
    case 'exclusiveMinimum': return `${p} must be greater than ${params.limit}`;
    case 'exclusiveMaximum': return `${p} must be less than ${params.limit}`;
    case 'pattern': return `${p} has an invalid format`;
    case 'format': return `${p} must be a valid ${params.format}`;
    case 'maxItems': return `${p} accepts at most ${params.limit} items`;
    case 'minItems': return `${p} needs at least ${params.limit} items`;
    default: return `${p} is invalid (${error.message ?? error.keyword})`;
  }
}

/** The property names of an operation's request body schema and which of them are arrays (multipart parts). */
export function bodyShape(operationId: OperationId, type: 'application/json' | 'multipart/form-data'): { arrays: Set<string>; binary: Set<string> } | undefined {
  const body = resolve(`${operationPointer(operationId)}/requestBody`);
  const schemaNode = body.node?.content?.[type]?.schema;
  if (!schemaNode) return undefined;
  const schema = typeof schemaNode.$ref === 'string' ? resolve(schemaNode.$ref).node : schemaNode;
  const arrays = new Set<string>();
  const binary = new Set<string>();
  for (const [name, prop] of Object.entries<Json>(schema.properties ?? {})) {
    const resolved = typeof prop.$ref === 'string' ? resolve(prop.$ref).node : prop;
    if (resolved.type === 'array') {
      arrays.add(name);
      const items = resolved.items && typeof resolved.items.$ref === 'string' ? resolve(resolved.items.$ref).node : resolved.items;
      if (items?.format === 'binary') binary.add(name);
    } else if (resolved.format === 'binary') {
      binary.add(name);
    }
  }
  return { arrays, binary };
}

/** A problem found in a response the mock produced. */
export interface ResponseProblem {
  operationId: OperationId;
  status: number;
  message: string;
}

const responseCache = new Map<string, ValidateFunction | null | 'undeclared'>();

/** The declared statuses of an operation's responses. */
export function declaredStatuses(operationId: OperationId): readonly number[] {
  let statuses = declaredCache.get(operationId);
  if (!statuses) {
    const responses = lookup(`${operationPointer(operationId)}/responses`) ?? {};
    statuses = Object.keys(responses).filter((s) => /^\d{3}$/.test(s)).map(Number);
    declaredCache.set(operationId, statuses);
  }
  return statuses;
}

/** `declaredStatuses` per operation (asked on every create: the spec does not change). */
const declaredCache = new Map<OperationId, readonly number[]>();

/**
 * Validates a JSON response body (already parsed) against the spec. Returns `null` when it conforms.
 * `allowUndeclared` (injected faults): a status the operation does not declare is checked against `Error`.
 */
export function checkResponse(operationId: OperationId, status: number, contentType: string | undefined, body: unknown, hasBody: boolean, allowUndeclared: boolean): string | null {
  const key = `${operationId} ${status}`;
  let fn = responseCache.get(key);
  if (fn === undefined) {
    const responsePointer = `${operationPointer(operationId)}/responses/${status}`;
    const response = lookup(responsePointer);
    if (!response) {
      fn = 'undeclared';
    } else {
      const resolved = resolve(responsePointer);
      const content = resolved.node.content as Json | undefined;
      const json = content?.['application/json'];
      fn = json?.schema ? reporting().compile({ $ref: `${SPEC_ID}${resolved.pointer}/content/application~1json/schema` }) : null;
    }
    responseCache.set(key, fn);
  }
  if (fn === 'undeclared') {
    if (!allowUndeclared) return `status ${status} is not declared for ${operationId}`;
    if (!hasBody) return null;
    return checkSchema('#/components/schemas/Error', body);
  }
  const mediaType = contentType?.split(';')[0]?.trim();
  if (fn === null) {
    // No JSON schema: an empty-body status (204) or a stream.
    const resolved = resolve(`${operationPointer(operationId)}/responses/${status}`);
    const content = resolved.node.content as Json | undefined;
    if (!content) return hasBody ? `status ${status} of ${operationId} must have no body` : null;
    if (mediaType && !content[mediaType]) return `content type ${mediaType} is not declared for ${operationId} ${status}`;
    return null;
  }
  if (mediaType !== 'application/json') {
    if (mediaType === 'text/event-stream') {
      const resolved = resolve(`${operationPointer(operationId)}/responses/${status}`);
      if ((resolved.node.content as Json | undefined)?.['text/event-stream']) return null;
    }
    return `content type ${mediaType ?? '(none)'} is not declared for ${operationId} ${status}`;
  }
  if (fn(body)) return null;
  return formatErrors(fn.errors);
}

const schemaCache = new Map<string, ValidateFunction>();

/** Validates a value against the schema at a JSON pointer of the spec; `null` when valid. */
export function checkSchema(pointer: string, value: unknown): string | null {
  let fn = schemaCache.get(pointer);
  if (!fn) {
    fn = reporting().compile({ $ref: `${SPEC_ID}${pointer}` });
    schemaCache.set(pointer, fn);
  }
  return fn(value) ? null : formatErrors(fn.errors);
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`).join('; ');
}
