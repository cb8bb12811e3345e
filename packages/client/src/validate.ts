// Validation before sending, from the operations table's field rules (themselves taken from the spec).
import type { ValidationIssue } from './errors.js';
import { quote } from './quote.js';
import type { FieldRule, FieldType, OperationDescriptor } from './operation-descriptor.js';

const isBlob = (v: unknown) => typeof Blob !== 'undefined' && v instanceof Blob;
const TYPES: Record<Exclude<FieldType, 'files'>, [(v: unknown) => boolean, string]> = {
  string: [(v) => typeof v === 'string', 'a string'],
  integer: [Number.isInteger, 'an integer'],
  number: [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'],
  boolean: [(v) => typeof v === 'boolean', 'a boolean'],
  array: [Array.isArray, 'an array'],
  object: [(v) => typeof v === 'object', 'an object'],
  file: [isBlob, 'a Blob or File'],
};

function check(name: string, rule: FieldRule, value: unknown, add: (field: string, message: string) => void): void {
  if (rule.type === 'files') {
    const list = Array.isArray(value) ? value : [value];
    list.forEach((v, i) => isBlob(v) || add(`${name}[${i}]`, 'must be a Blob or File'));
    value = list;
  } else if (rule.type) {
    // `files` was handled above; the rest are plain JSON (or binary) types.
    const types = (typeof rule.type === 'string' ? [rule.type] : rule.type) as readonly Exclude<FieldType, 'files'>[];
    if (!types.some((t) => TYPES[t][0](value))) return add(name, `must be ${types.map((t) => TYPES[t][1]).join(' or ')}`);
  }
  if (rule.enum && !rule.enum.includes(value)) add(name, `must be one of ${rule.enum.join(', ')}`);
  if (typeof value === 'string') {
    // Lengths count code points; count them only when UTF-16 units could disagree with a bound.
    const length = value.length > (rule.maxLength ?? Infinity) || value.length < 2 * (rule.minLength ?? 0) ? [...value].length : value.length;
    if (length < (rule.minLength ?? 0)) add(name, rule.minLength === 1 ? 'must not be empty' : `must be at least ${rule.minLength} characters`);
    if (length > (rule.maxLength ?? Infinity)) add(name, `must be at most ${rule.maxLength} characters`);
    if (rule.pattern && !new RegExp(rule.pattern, 'u').test(value)) add(name, `must match ${rule.pattern}`);
  } else if (typeof value === 'number') {
    if (value < (rule.minimum ?? -Infinity)) add(name, `must be ≥ ${rule.minimum}`);
    if (value > (rule.maximum ?? Infinity)) add(name, `must be ≤ ${rule.maximum}`);
    if (value <= (rule.exclusiveMinimum ?? -Infinity)) add(name, `must be > ${rule.exclusiveMinimum}`);
    if (value >= (rule.exclusiveMaximum ?? Infinity)) add(name, `must be < ${rule.exclusiveMaximum}`);
  } else if (Array.isArray(value)) {
    if (value.length < (rule.minItems ?? 0)) add(name, `must have at least ${rule.minItems} items`);
    if (value.length > (rule.maxItems ?? Infinity)) add(name, `must have at most ${rule.maxItems} items`);
  }
}

/**
 * Checks `values` (path, query and body fields by name) against an operation's rules: required, type, closed
 * enums, lengths, ranges, pattern, item counts and `dependentRequired`: only what the docs state (the spec's
 * rules). Returns every issue. Unknown fields and values outside an open set's known values pass (see
 * {@link inputNotices}).
 */
export function validate(op: OperationDescriptor, values: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (field: string, message: string) => {
    issues.push({ field, message });
  };
  for (const name in op.fields) {
    const rule = op.fields[name]!;
    const value = values[name];
    if (value == null) {
      if (rule.required) add(name, 'is required');
    } else check(name, rule, value, add);
  }
  for (const name in op.dependentRequired) {
    if (values[name] == null) continue;
    for (const dep of op.dependentRequired[name]!) if (values[dep] == null) add(dep, `is required when ${name} is set`);
  }
  return issues;
}

/** Something worth a warning but not a refusal: an unknown field name, or a value an open set does not know yet. */
export interface InputNotice {
  /** Identifies the notice for warn-once (`field`, or `field=value` for an open set's value). */
  readonly key: string;
  /** The warning. */
  readonly message: string;
}

/** True when `a` and `b` differ by at most two edits (Levenshtein): enough to suggest `prompt` for `promt`. */
function near(a: string, b: string): boolean {
  let prev = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + +(a[i - 1] !== b[j - 1]));
    prev = row;
  }
  return prev[b.length]! <= 2;
}

/**
 * What the input has that the spec does not know: fields the operation does not take (a typo like `promt`
 * is sent as it is and silently ignored upstream) and values of open sets (model ids, option tokens…) newer
 * than this SDK. Neither blocks the request: the docs do not say such a value is wrong.
 */
export function inputNotices(id: string, op: OperationDescriptor, values: Record<string, unknown>): InputNotice[] {
  const notices: InputNotice[] = [];
  for (const name in values) {
    const value = values[name];
    const rule = op.fields[name];
    if (value === undefined) continue;
    if (!rule) {
      const guess = Object.keys(op.fields).find((known) => near(name.toLowerCase(), known.toLowerCase()));
      notices.push({ key: name, message: `${id}: unknown field "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; it is sent as it is and the API may ignore it` });
    } else if (rule.known && !rule.known.some((k) => String(k) === String(value))) {
      const { known } = rule;
      notices.push({
        key: `${name}=${value}`,
        message: `${id}: ${name} "${quote(String(value), 'the input')}" is not among the values this SDK version knows (${known.slice(0, 6).join(', ')}${known.length > 6 ? `, … (${known.length} in all)` : ''}); it is sent as it is`,
      });
    }
  }
  return notices;
}

const warned = new WeakMap<object, Set<string>>();

/** Logs each of {@link inputNotices} once per `owner` (a client), operation and key. */
export function warnInputOnce(owner: object, warn: (message: string) => void, id: string, op: OperationDescriptor, values: Record<string, unknown>): void {
  const seen = warned.get(owner) ?? new Set<string>();
  warned.set(owner, seen);
  for (const { key, message } of inputNotices(id, op, values)) {
    if (!seen.has(id + key)) warn(message);
    seen.add(id + key);
  }
}
