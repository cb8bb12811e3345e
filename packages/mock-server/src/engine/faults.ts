// The answers of fault scenarios: status-stage faults (answered instead of the handler: nothing is created), the
// documented 404 bodies, and post-stage faults (the handler's work is done, its answer replaced or damaged).
import type { OperationId } from '../generated/operations.js';
import { setRealTimeout } from './env.js';
import { errorReply, networkErrorReply, utf8, type MockReply } from './reply.js';
import { REFUSAL, insufficientFunds } from './rules.js';
import type { ScenarioName, ScenarioParams } from './scenarios.js';

/** The texts of the 502 and 504 answers (the docs: "MiniMax site is busy"). */
const BAD_GATEWAY = 'MiniMax site is busy, please try again later';
const GATEWAY_TIMEOUT = 'MiniMax did not respond in time';

/** The answer of a status-stage scenario. */
export function statusFault(operationId: OperationId, selected: { name: ScenarioName; params: ScenarioParams }, params: Record<string, unknown>, context: { firstAccount: string | undefined; retryAfterSeconds: number }): MockReply {
  const accountId = typeof params.account === 'string' ? params.account : context.firstAccount ?? '987654321';
  switch (selected.name) {
    case 'moderated': return errorReply(422, 'Moderated prompt');
    case 'insufficient-credits': return errorReply(412, insufficientFunds(operationId, accountId));
    case 'rate-limited': {
      const seconds = selected.params.retryAfter ?? context.retryAfterSeconds;
      return errorReply(429, 'All configured accounts are busy, try again later', { headers: { 'retry-after': String(seconds) } });
    }
    case 'account-on-hold': return errorReply(596, REFUSAL.onHold(accountId));
    case 'bad-gateway-not-created': return errorReply(502, BAD_GATEWAY);
    case 'gateway-timeout-not-created': return errorReply(504, GATEWAY_TIMEOUT);
    case 'server-error': return errorReply(500, 'Internal server error');
    case 'service-unavailable': return errorReply(503, 'Service unavailable');
    case 'not-found': return notFoundReply(operationId, params);
    default: return errorReply(500, `Scenario ${selected.name} has no status answer`);
  }
}

/** The documented 404 body of an operation. */
export function notFoundReply(operationId: OperationId, params: Record<string, unknown>): MockReply {
  switch (operationId) {
    case 'listAccounts':
    case 'getAccount': return errorReply(404, 'Configuration not found');
    case 'deleteAccount': return errorReply(404, 'Configuration not found', { extra: { errorDetails: `Account ${String(params.account)} is not configured` } });
    case 'getAgentJob': return errorReply(404, 'Job not found or expired after 31 days');
    case 'deleteScheduledJob': return errorReply(404, `Unable to locate running ${String(params.id)}`, { code: false });
    default: return errorReply(404, 'Not found.');
  }
}

export function postFault(name: ScenarioName, reply: MockReply, signal: AbortSignal | undefined): MockReply {
  // The work is done; the answer is replaced (a stream it replaces is cancelled, so it stops following the job).
  const drop = () => {
    if (reply.body instanceof ReadableStream) void reply.body.cancel().catch(() => undefined);
  };
  switch (name) {
    case 'bad-gateway': drop(); return errorReply(502, BAD_GATEWAY);
    case 'gateway-timeout': drop(); return errorReply(504, GATEWAY_TIMEOUT);
    case 'connection-lost': drop(); return networkErrorReply();
    case 'empty-body': return { status: reply.status === 204 ? 200 : reply.status, headers: { ...reply.headers, 'content-length': '0' }, body: '' };
    case 'malformed-json': {
      const text = typeof reply.body === 'string' && reply.body.length > 2 ? reply.body : '{"error":"truncated"}';
      const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      const isSse = (reply.headers['content-type'] ?? '').startsWith('text/event-stream');
      return {
        status: reply.status === 204 ? 200 : reply.status,
        headers: { ...reply.headers, 'content-type': isSse ? 'text/event-stream' : 'application/json; charset=utf-8' },
        body: isSse ? 'data: {"status":1,"statusLabel":"proc\n\n' : cut,
      };
    }
    case 'stalled-body': {
      const first = typeof reply.body === 'string' && reply.body.length > 1 ? reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 3))) : '{';
      if (reply.body instanceof ReadableStream) void reply.body.cancel().catch(() => undefined);
      let timer: { cancel(): void } | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(utf8(first));
          // Never closes. A long real timer keeps a reference so the stream is not collected early; the
          // client's abort (MSW forwards the request's signal) errors it like a dropped connection.
          timer = setRealTimeout(() => undefined, 2 ** 31 - 1);
          signal?.addEventListener('abort', () => {
            timer?.cancel();
            try {
              controller.error(signal.reason ?? new Error('aborted'));
            } catch { /* already closed */ }
          }, { once: true });
        },
        cancel() {
          timer?.cancel();
        },
      });
      const headers: Record<string, string> = { ...reply.headers, 'content-type': reply.headers['content-type'] ?? 'application/json; charset=utf-8' };
      delete headers['content-length'];
      return { status: reply.status === 204 ? 200 : reply.status, headers, body };
    }
    default: return reply;
  }
}

