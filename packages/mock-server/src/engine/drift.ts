// The drift check (test mode): every answer, SSE event and webhook the mock produces is validated against the
// spec; a mismatch is recorded (`mock.driftErrors`) and thrown as `MockDriftError`.
import type { OperationId } from '../generated/operations.js';
import type { MockReply } from './reply.js';
import { checkResponse, checkSchema } from './validation.js';

/** Thrown (in test mode) when the mock produced something the spec does not allow. */
export class MockDriftError extends Error {
  override name = 'MockDriftError';
}

function fail(sink: string[], message: string): never {
  sink.push(message);
  throw new MockDriftError(message);
}

/** Checks one reply of `operationId` (`injected`: a scenario shaped it, so an undeclared status is an `Error`). */
export function checkReply(sink: string[], operationId: OperationId, reply: MockReply, injected: boolean): MockReply {
  if (reply.networkError) return reply;
  const problemOf = (problem: string) => `The mock's ${reply.status} answer to ${operationId} does not match the spec: ${problem}`;
  if (reply.body instanceof ReadableStream || (reply.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    // Stream events are validated one by one as they are emitted.
    const problem = checkResponse(operationId, reply.status, reply.headers['content-type'], undefined, true, injected);
    if (problem) fail(sink, problemOf(problem));
    return reply;
  }
  let parsed: unknown;
  const hasBody = reply.body !== null && reply.body !== '' && !(reply.body instanceof Uint8Array && reply.body.length === 0);
  if (hasBody) {
    const text = typeof reply.body === 'string' ? reply.body : new TextDecoder().decode(reply.body as Uint8Array);
    try {
      parsed = JSON.parse(text);
    } catch {
      fail(sink, problemOf('body is not JSON'));
    }
  }
  const problem = checkResponse(operationId, reply.status, hasBody ? reply.headers['content-type'] : undefined, parsed, hasBody, injected);
  if (problem) fail(sink, problemOf(problem));
  return reply;
}

/** Checks an object the mock emits outside a JSON response (SSE events, webhooks) against a spec pointer. */
export function checkEmittedValue(sink: string[], where: string, pointer: string, value: unknown): void {
  const problem = checkSchema(pointer, value);
  if (problem) fail(sink, `The mock's ${where} does not match the spec (${pointer}): ${problem}`);
}
