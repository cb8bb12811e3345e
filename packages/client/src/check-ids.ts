// The input check of an operation whose only inputs are ids the spec declares required non-empty strings (a GET,
// a DELETE by id): the generator picks it instead of `validate`, so such a call ships no validator of rules.
import type { ValidationIssue } from './errors.js';
import type { OperationDescriptor } from './operation-descriptor.js';

/** Checks each path id is a non-empty string, with `validate`'s messages. */
export function checkIds(op: OperationDescriptor, values: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of op.pathParams) {
    const value = values[field];
    const message = value == null ? 'is required' : typeof value !== 'string' ? 'must be a string' : value ? '' : 'must not be empty';
    if (message) issues.push({ field, message });
  }
  return issues;
}
