// Scenarios and faults: what they do, where they apply by default, and how a request selects one
// (`Prefer: scenario=<name>`, `?__scenario=<name>`, `[mock:<name>]` in a prompt, or the control calls).
import { operations, type OperationId } from '../generated/operations.js';
import { openapi } from '../generated/spec.js';
import { declaredStatuses } from './validation.js';
import { bounded } from './reply.js';
import { OUTCOMES, POST_ANSWERS as POST, STATUS_ANSWERS as ANSWER, type OutcomeScript, type PostAnswer, type StatusAnswer } from './faults.js';

/** Every scenario and fault the mock can play. */
export const SCENARIO_NAMES = [
  'moderated',
  'moderated-final',
  'moderated-after',
  'failed',
  'agent-expired',
  'insufficient-credits',
  'rate-limited',
  'bad-gateway',
  'gateway-timeout',
  'connection-lost',
  'bad-gateway-not-created',
  'gateway-timeout-not-created',
  'account-on-hold',
  'unauthorized',
  'not-found',
  'server-error',
  'service-unavailable',
  'latency',
  'network-error',
  'malformed-json',
  'stalled-body',
  'empty-body',
] as const;

/** The name of a scenario or fault. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Parameters some scenarios take (also written `name:value`, e.g. `moderated-final:7`, `latency:500`). */
export interface ScenarioParams {
  /** `moderated-final` / `moderated-after`: the moderated status (videos/images 5, 7 or 14; music is always 4). */
  status?: number;
  /** `rate-limited`: the `Retry-After` header in seconds. */
  retryAfter?: number;
  /** `latency`: extra real milliseconds before answering. */
  ms?: number;
}

/** A scenario selection: which one, for which operations, how many times. */
export interface ScenarioSpec {
  name: ScenarioName;
  /** Restrict to these operations (default: every operation the scenario applies to). */
  operationId?: OperationId | readonly OperationId[];
  /** Apply this many times, then drop it (default: until cleared). */
  times?: number;
  params?: ScenarioParams;
}

/** When a scenario acts in the request pipeline. */
export type ScenarioStage = 'transport' | 'auth' | 'status' | 'outcome' | 'post';

/** How a scenario acts: its stage in the pipeline, its status and where it applies. */
export interface ScenarioDef {
  stage: ScenarioStage;
  /** The HTTP status it answers, when it answers one. */
  status?: number;
  /** Where it applies when no operation is named: `any`, `declares` (the op declares `status`) or job creates. */
  scope: 'any' | 'declares' | 'jobs' | 'agent' | 'generations';
  /** A post-stage fault whose answer replaces the handler's (the caller never sees what was created). */
  replacesAnswer?: true;
  /** Status stage: the answer given instead of the handler's (`faults.ts`). */
  answer?: StatusAnswer;
  /** Post stage: what becomes of the handler's answer (`faults.ts`). */
  replace?: PostAnswer;
  /** Outcome stage: how the created job ends, per job kind (`faults.ts`). */
  outcome?: OutcomeScript;
  summary: string;
}

type OperationEntry = (typeof operations)[OperationId] & { job?: string; creates?: string; event?: string };
const entries = Object.entries(operations) as [OperationId, OperationEntry][];

/** The schema pointer of each job's `GET` object → the job kind (`#/components/schemas/Video` → `video`). */
const JOB_SCHEMA_KIND = new Map<string, string>(
  entries.filter(([, op]) => op.job).map(([, op]) => [
    openapi.paths[op.path].get.responses['200'].content['application/json'].schema.$ref as string,
    op.job as string,
  ]),
);

/**
 * The job kind each create starts, from the spec: `x-sdk.creates`, or a stream whose events are a job's
 * object (`POST /videos/agent-create` streams `Video`s).
 */
export const JOB_KIND_OF: Partial<Record<OperationId, string>> = Object.fromEntries(
  entries.flatMap(([id, op]) => {
    const kind = op.creates ?? (op.event ? JOB_SCHEMA_KIND.get(op.event) : undefined);
    return kind ? [[id, kind]] : [];
  }),
);

/** Operations that create a job whose outcome a scenario can script. */
export const JOB_CREATES: readonly OperationId[] = Object.keys(JOB_KIND_OF) as OperationId[];
const GENERATIONS: readonly OperationId[] = JOB_CREATES.filter((id) => ['video', 'image', 'music'].includes(JOB_KIND_OF[id] as string));

/** What each scenario does (the README's table is written from this). */
export const SCENARIOS: Record<ScenarioName, ScenarioDef> = {
  moderated: { stage: 'status', status: 422, scope: 'declares', answer: ANSWER.moderated, summary: '422 `{"error":"Moderated prompt","code":422}` at create; nothing is created.' },
  'moderated-final': { stage: 'outcome', scope: 'jobs', outcome: OUTCOMES.moderatedFinal, summary: 'The job ends moderated: video/image status 5 (or `:7`, `:14`), music 4, agent and speech `failed` with 422.' },
  'moderated-after': { stage: 'outcome', scope: 'generations', outcome: OUTCOMES.moderatedAfter, summary: 'The job completes, then one `jobMs` later is moderated: music flips to 4 (and leaves `GET /music`), images to 5, videos are removed (404).' },
  failed: { stage: 'outcome', scope: 'jobs', outcome: OUTCOMES.failed, summary: 'The job ends failed: video/image status 3, agent `failed` with `error`, speech `failed` with `code`/`error` (music has no failed state: ignored).' },
  'agent-expired': { stage: 'outcome', scope: 'agent', outcome: OUTCOMES.agentExpired, summary: 'The agent job stays `started` for 15 minutes, then `failed` with `error.status` 504.' },
  'insufficient-credits': { stage: 'status', status: 412, scope: 'declares', answer: ANSWER.insufficientFunds, summary: '412 as the operation answers it: `Insufficient credits on account <id>`, or on music and speech `Account <id> has no audio subscription`; nothing is created.' },
  'rate-limited': { stage: 'status', status: 429, scope: 'declares', answer: ANSWER.rateLimited, summary: '429 with `Retry-After` (seconds, `:N` to choose; default `retryAfterSeconds`); nothing is created.' },
  'bad-gateway': { stage: 'post', status: 502, scope: 'declares', replacesAnswer: true, replace: POST.badGateway, summary: '502, **but the job was created** (it shows in lists, `/scheduler/available` with its `replyRef`, and the journal).' },
  'gateway-timeout': { stage: 'post', status: 504, scope: 'declares', replacesAnswer: true, replace: POST.gatewayTimeout, summary: '504, **but the job was created**, like `bad-gateway`.' },
  'connection-lost': { stage: 'post', scope: 'jobs', replacesAnswer: true, replace: POST.connectionLost, summary: 'No HTTP answer (like `network-error`), **but the job was created**: the connection dropped after the create was sent.' },
  'bad-gateway-not-created': { stage: 'status', status: 502, scope: 'declares', answer: ANSWER.badGateway, summary: '502 and nothing was created: the lookup finds no job, so a resubmit is safe.' },
  'gateway-timeout-not-created': { stage: 'status', status: 504, scope: 'declares', answer: ANSWER.gatewayTimeout, summary: '504 and nothing was created, like `bad-gateway-not-created`.' },
  'account-on-hold': { stage: 'status', status: 596, scope: 'declares', answer: ANSWER.onHold, summary: '596 `Account <id> has been placed on hold`; nothing is created.' },
  unauthorized: { stage: 'auth', status: 401, scope: 'any', summary: '401 `{"error":"Unauthorized","code":401}` even with a valid token.' },
  'not-found': { stage: 'status', status: 404, scope: 'declares', answer: ANSWER.notFound, summary: '404 with the operation\'s documented not-found body.' },
  'server-error': { stage: 'status', status: 500, scope: 'any', answer: ANSWER.serverError, summary: '500 `{"error":"Internal server error","code":500}` (not created).' },
  'service-unavailable': { stage: 'status', status: 503, scope: 'any', answer: ANSWER.unavailable, summary: '503 `{"error":"Service unavailable","code":503}` (not created).' },
  latency: { stage: 'transport', scope: 'any', summary: 'Waits `:ms` real milliseconds (default 1000) before answering normally.' },
  'network-error': { stage: 'transport', scope: 'any', summary: 'No HTTP response: MSW `HttpResponse.error()`; the standalone server destroys the socket. Nothing is created.' },
  'malformed-json': { stage: 'post', scope: 'any', replace: POST.malformedJson, summary: 'The normal status and headers with a truncated JSON body (the work was done).' },
  'stalled-body': { stage: 'post', scope: 'any', replace: POST.stalledBody, summary: 'The normal status and headers, the first bytes of the body, then nothing: the body never completes (timeout tests).' },
  'empty-body': { stage: 'post', scope: 'any', replace: POST.emptyBody, summary: 'The normal status with an empty body (`Content-Length: 0`) (the work was done).' },
};

/** Whether `name` is a scenario name. */
export function isScenarioName(name: string): name is ScenarioName {
  return typeof name === 'string' && (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** Whether a scenario applies to an operation when the selection names no operation. */
export function inScope(name: ScenarioName, operationId: OperationId): boolean {
  const def = SCENARIOS[name];
  switch (def.scope) {
    case 'any': return true;
    case 'jobs': return JOB_CREATES.includes(operationId);
    case 'generations': return GENERATIONS.includes(operationId);
    case 'agent': return JOB_KIND_OF[operationId] === 'agent';
    case 'declares': return def.status !== undefined && declaredStatuses(operationId).includes(def.status) && (def.status !== 404 || operations[operationId].method !== 'POST');
  }
}

/** Parses `name` or `name:value` into a spec (throws on an unknown name). */
export function parseScenario(text: string): { name: ScenarioName; params: ScenarioParams } {
  const [rawName, arg] = text.trim().split(':', 2) as [string, string | undefined];
  const name = rawName.trim();
  if (!isScenarioName(name)) throw new Error(`Unknown mock scenario "${bounded(name)}". Known: ${SCENARIO_NAMES.join(', ')}`);
  const params: ScenarioParams = {};
  if (arg !== undefined && arg.trim() !== '') {
    const n = Number(arg);
    if (!Number.isFinite(n)) throw new Error(`Scenario "${name}" takes a number after ":", got "${bounded(arg)}"`);
    if (name === 'latency') params.ms = n;
    else if (name === 'rate-limited') params.retryAfter = n;
    else params.status = n;
  }
  return { name, params };
}

/** Reads `Prefer: scenario=<name>[:value][, retry-after=N][, ms=N][, status=N]`. */
export function scenarioFromPrefer(prefer: string | null): { name: ScenarioName; params: ScenarioParams } | undefined {
  if (!prefer || !prefer.includes('scenario')) return undefined;
  let found: { name: ScenarioName; params: ScenarioParams } | undefined;
  const extra: ScenarioParams = {};
  for (const part of prefer.split(/[,;]/)) {
    const [k, v] = part.split('=', 2).map((s) => s.trim().replace(/^"|"$/g, '')) as [string, string | undefined];
    if (v === undefined) continue;
    if (k === 'scenario') found = parseScenario(v);
    else if (k === 'retry-after') extra.retryAfter = Number(v);
    else if (k === 'ms') extra.ms = Number(v);
    else if (k === 'status') extra.status = Number(v);
  }
  return found ? { name: found.name, params: { ...found.params, ...extra } } : undefined;
}

const MARKER = /\[mock:([a-z-]+(?::[0-9.]+)?)\]/;

/** Finds a `[mock:<name>]` marker in any string field of a body. */
export function scenarioFromMarker(values: Iterable<unknown>): { name: ScenarioName; params: ScenarioParams } | undefined {
  for (const value of values) {
    if (typeof value !== 'string' || !value.includes('[mock:')) continue;
    const m = MARKER.exec(value);
    if (m) return parseScenario(m[1] as string);
  }
  return undefined;
}

/** An active scenario selection, as `mock.scenarios.active()` lists it. */
export interface ActiveScenario {
  name: ScenarioName;
  operationIds?: readonly OperationId[];
  /** Remaining applications; `undefined` = until cleared. */
  remaining?: number;
  params: ScenarioParams;
}

/** The queue of selections made by option or control call; the first matching one wins. */
export class ScenarioQueue {
  private items: ActiveScenario[] = [];

  add(spec: ScenarioSpec, front = false): void {
    if (!isScenarioName(spec.name)) throw new Error(`Unknown mock scenario "${bounded(String(spec.name))}". Known: ${SCENARIO_NAMES.join(', ')}`);
    if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) throw new RangeError('times must be a positive integer');
    const ops = spec.operationId === undefined ? undefined : typeof spec.operationId === 'string' ? [spec.operationId] : [...spec.operationId];
    for (const op of ops ?? []) if (typeof op !== 'string' || !Object.hasOwn(operations, op)) throw new Error(`Unknown operationId "${bounded(String(op))}"`);
    const item: ActiveScenario = { name: spec.name, params: { ...spec.params }, ...(ops ? { operationIds: ops } : {}), ...(spec.times !== undefined ? { remaining: spec.times } : {}) };
    if (front) this.items.unshift(item);
    else this.items.push(item);
  }

  /** The first selection that applies to `operationId` (not consumed). */
  peek(operationId: OperationId): ActiveScenario | undefined {
    return this.items.find((s) => (s.operationIds ? s.operationIds.includes(operationId) : inScope(s.name, operationId)));
  }

  /** Uses one application of a selection. */
  consume(item: ActiveScenario): void {
    if (item.remaining === undefined) return;
    item.remaining -= 1;
    if (item.remaining <= 0) this.items = this.items.filter((s) => s !== item);
  }

  clear(): void {
    this.items = [];
  }

  list(): readonly ActiveScenario[] {
    return this.items.map((s) => ({ ...s, params: { ...s.params } }));
  }
}
