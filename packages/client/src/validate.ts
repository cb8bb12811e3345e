// Validation before sending, from the operations table's field rules (themselves taken from the spec).
import type { ValidationIssue } from './errors.js';
import type { FieldRule, OperationDescriptor } from './operation-descriptor.js';

const isBlob = (v: unknown) => typeof Blob !== 'undefined' && v instanceof Blob;
const TYPES: Record<string, [(v: unknown) => boolean, string]> = {
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
  } else if (rule.type && !TYPES[rule.type]![0](value)) {
    return add(name, `must be ${TYPES[rule.type]![1]}`);
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
 * Checks `values` (path, query and body fields by name) against an operation's rules: required, type, enum,
 * lengths, ranges, pattern, item counts and `dependentRequired`. Returns every issue; unknown fields pass.
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
