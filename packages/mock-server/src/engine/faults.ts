// The answers of fault scenarios: status-stage faults (answered instead of the handler: nothing is created), the
// documented 404 bodies, and post-stage faults (the handler's work is done, its answer replaced or damaged).
import type { OperationId } from '../generated/operations.js';
import { setRealTimeout } from './env.js';
import { errorReply, networkErrorReply, utf8, type MockReply } from './reply.js';
import { REFUSAL, insufficientFunds } from './rules.js';
import type { ScenarioParams } from './scenarios.js';
import type { JobOutcome } from './state.js';
import type { JobKind } from '../families/types.js';

/** The texts of the 502 and 504 answers (the docs: "MiniMax site is busy"). */
const BAD_GATEWAY = 'MiniMax site is busy, please try again later';
const GATEWAY_TIMEOUT = 'MiniMax did not respond in time';

/** The answer of a status-stage scenario. */
/** What a status-stage answer is built from. */
export interface FaultContext {
  operationId: OperationId;
  /** The scenario's status (its `SCENARIOS` entry) and parameters. */
  status: number;
  scenario: ScenarioParams;
  /** The request's parameters (query, path, body). */
  params: Record<string, unknown>;
  /** The account the request names, else the first configured one. */
  accountId: string;
  retryAfterSeconds: number;
}

/** A status-stage answer (nothing was created). */
export type StatusAnswer = (c: FaultContext) => MockReply;
/** A post-stage answer: the handler's reply, replaced or damaged (the work was done). */
export type PostAnswer = (reply: MockReply, signal: AbortSignal | undefined) => MockReply;

/** The status-stage answers the scenarios use (`SCENARIOS[name].answer`). */
export const STATUS_ANSWERS = {
  moderated: (c) => errorReply(c.status, 'Moderated prompt'),
  insufficientFunds: (c) => errorReply(c.status, insufficientFunds(c.operationId, c.accountId)),
  rateLimited: (c) => errorReply(c.status, 'All configured accounts are busy, try again later', { headers: { 'retry-after': String(c.scenario.retryAfter ?? c.retryAfterSeconds) } }),
  onHold: (c) => errorReply(c.status, REFUSAL.onHold(c.accountId)),
  badGateway: (c) => errorReply(c.status, BAD_GATEWAY),
  gatewayTimeout: (c) => errorReply(c.status, GATEWAY_TIMEOUT),
  serverError: (c) => errorReply(c.status, 'Internal server error'),
  unavailable: (c) => errorReply(c.status, 'Service unavailable'),
  notFound: (c) => notFoundReply(c.operationId, c.params),
} satisfies Record<string, StatusAnswer>;

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

/** Cancels a streamed reply that a fault replaces (so it stops following the job). */
function drop(reply: MockReply): void {
  if (reply.body instanceof ReadableStream) void reply.body.cancel().catch(() => undefined);
}

const okStatus = (reply: MockReply) => (reply.status === 204 ? 200 : reply.status);

/** The post-stage answers the scenarios use (`SCENARIOS[name].replace`). */
export const POST_ANSWERS = {
  badGateway: (reply) => (drop(reply), errorReply(502, BAD_GATEWAY)),
  gatewayTimeout: (reply) => (drop(reply), errorReply(504, GATEWAY_TIMEOUT)),
  connectionLost: (reply) => (drop(reply), networkErrorReply()),
  emptyBody: (reply) => ({ status: okStatus(reply), headers: { ...reply.headers, 'content-length': '0' }, body: '' }),
  malformedJson: (reply) => {
    const text = typeof reply.body === 'string' && reply.body.length > 2 ? reply.body : '{"error":"truncated"}';
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const isSse = (reply.headers['content-type'] ?? '').startsWith('text/event-stream');
    return {
      status: okStatus(reply),
      headers: { ...reply.headers, 'content-type': isSse ? 'text/event-stream' : 'application/json; charset=utf-8' },
      body: isSse ? 'data: {"status":1,"statusLabel":"proc\n\n' : cut,
    };
  },
  stalledBody: (reply, signal) => {
    const first = typeof reply.body === 'string' && reply.body.length > 1 ? reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 3))) : '{';
    drop(reply);
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
    return { status: okStatus(reply), headers, body };
  },
} satisfies Record<string, PostAnswer>;

/** An outcome-stage script: the job's scripted end for a job kind (`undefined`: it does not apply to that kind). */
export type OutcomeScript = (kind: JobKind, scenario: ScenarioParams, jobMs: number) => JobOutcome | undefined;

/** The moderated status a video or image ends with (5, or `:7`, `:14`). */
const moderatedStatus = (scenario: ScenarioParams) => ([5, 7, 14].includes(scenario.status ?? 5) ? scenario.status ?? 5 : 5);

/** The outcome scripts the scenarios use (`SCENARIOS[name].outcome`). */
export const OUTCOMES = {
  moderatedFinal: (kind, scenario) => ({ kind: 'moderated', status: kind === 'music' ? 4 : kind === 'video' || kind === 'image' ? moderatedStatus(scenario) : 422 }),
  moderatedAfter: (kind, scenario, jobMs) => {
    if (kind === 'video') return { kind: 'moderated-after', status: moderatedStatus(scenario), afterMs: jobMs, removed: true };
    if (kind === 'image') return { kind: 'moderated-after', status: moderatedStatus(scenario), afterMs: jobMs };
    if (kind === 'music') return { kind: 'moderated-after', status: 4, afterMs: jobMs };
    return undefined;
  },
  failed: (kind) => (kind !== 'music' ? { kind: 'failed' } : undefined),
  agentExpired: (kind) => (kind === 'agent' ? { kind: 'expired' } : undefined),
} satisfies Record<string, OutcomeScript>;
