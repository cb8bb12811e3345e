// The mock's options and their defaults.
import type { OperationId } from '../generated/operations.js';
import type { ClockMode } from './clock.js';
import type { ScenarioName, ScenarioSpec } from './scenarios.js';
import type { WebhookDelivery } from './webhooks.js';

/** One configured MiniMax account of the mock and its simulated upstream state. */
export interface AccountSeed {
  /** The account id (digits). Defaults: `987654321`, `987643210`, `987632099`, … */
  account?: string;
  /** Concurrent video generations (1–10). Default 3. */
  maxJobs?: number;
  /** Upstream credits; creates answer 412 once spent. Default 3260. */
  credits?: number;
  /** Music and speech need an audio plan (412 without). Default true. */
  audioSubscription?: boolean;
  /** Creates answer 596 while true. Default false. */
  onHold?: boolean;
  /** Puts the account in an error state (`error` in `GET /accounts`; skipped by video load balancing). */
  error?: string;
  supportVideo?: boolean;
  supportChat?: boolean;
  supportAudio?: boolean;
}

/** Random faults, drawn from the seeded generator (deterministic for a seed and request sequence). */
export interface ChaosOptions {
  /** Probability (0–1) that a request gets a fault. */
  rate: number;
  /** The faults to draw from (default: `rate-limited`, `bad-gateway`, `gateway-timeout`, `server-error`). */
  scenarios?: readonly ScenarioName[];
  /** Only these operations (default: every operation each fault applies to). */
  operationIds?: readonly OperationId[];
}

/** Options of `createMiniMaxMock` (and of every adapter). */
export interface MiniMaxMockOptions {
  /** Seed of the sample data, ids and chaos faults. Default 1. */
  seed?: number | string;
  /** Configured accounts: a count (0 allowed) or their seeds. Default 1. */
  accounts?: number | readonly AccountSeed[];
  /** `manual` (time moves only with `mock.clock.advance`) or `real`. Default `manual` (`real` for the server and the CLI). */
  clock?: ClockMode;
  /** Start of virtual time (manual clock). Default 2026-09-01T12:00:00Z. */
  startTime?: number | string | Date;
  /** How long a generation takes, in (virtual) milliseconds. Default 10000. */
  jobMs?: number;
  /** Validate every response against the spec and throw on a mismatch. Default: on under vitest/jest/NODE_ENV=test. */
  validateResponses?: boolean;
  /** Validate requests against the spec (400 naming the field). Default true. */
  validateRequests?: boolean;
  /** Real delay before every answer: a number, or `[min, max]` drawn from the seed. Default 0. */
  latencyMs?: number | readonly [number, number];
  /** Base URL(s) to serve in addition to `https://api.useapi.net/v1/minimax` (the first becomes `mock.baseUrl`). */
  baseUrl?: string | readonly string[];
  /** Seed sample history into each account. Default true. */
  sampleData?: boolean;
  /** Scenarios active from the start (and after every `reset()`). */
  scenarios?: ScenarioName | ScenarioSpec | readonly (ScenarioName | ScenarioSpec)[];
  /** Random faults under the seed. */
  chaos?: ChaosOptions;
  /** `Retry-After` of 429 answers, seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Concurrent agent jobs per account before `POST /agent` answers 429. Default 3. */
  agentCapacity?: number;
  /** How many requests the journal keeps (newest). Default 10000. */
  journalLimit?: number;
  /**
   * Largest JSON request body, bytes (larger: 413, read no further). Default 1 MiB (the longest documented field
   * is 10,000 characters).
   */
  maxBodyBytes?: number;
  /**
   * Largest upload body (multipart and raw file bodies), bytes (larger: 413). Default 32 MiB; the real API takes
   * files up to 100 MB, so raise it to test that.
   */
  maxUploadBytes?: number;
  /** POST webhooks to `replyUrl` with `fetch`. Default false (true for the standalone server). */
  deliverWebhooks?: boolean;
  /**
   * Host names besides loopback that webhooks may be POSTed to (`'*'`: any host). Default none: only `localhost`,
   * `127.0.0.0/8` and `::1` receive them. The mock itself (its own port, `/__mock`, its base URLs) never does.
   */
  webhookHosts?: readonly string[];
  /** Called for every webhook the mock emits (delivered or not). */
  onWebhook?: (delivery: WebhookDelivery) => void;
  /**
   * The useapi user id inside the ids of the sample data. Default `12345` (the digits of `MOCK_TOKEN`). Ids the
   * mock creates for a request carry the user id of that request's token (`user:<id>-…`), as the real ids do.
   */
  userId?: string;
}

/** Options after defaults. */
export interface ResolvedOptions {
  seed: number | string;
  accounts: AccountSeed[];
  clock: ClockMode;
  startTime: number | undefined;
  jobMs: number;
  validateResponses: boolean;
  validateRequests: boolean;
  latencyMs: readonly [number, number];
  baseUrls: string[];
  basePaths: string[];
  sampleData: boolean;
  scenarios: ScenarioSpec[];
  chaos: ChaosOptions | undefined;
  retryAfterSeconds: number;
  agentCapacity: number;
  journalLimit: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  deliverWebhooks: boolean;
  onWebhook: ((delivery: WebhookDelivery) => void) | undefined;
  webhookHosts: string[];
  userId: string;
}

/** The default base URL of the API. */
export const DEFAULT_BASE_URL = 'https://api.useapi.net/v1/minimax';

/** Default `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Default `maxUploadBytes`: 32 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
/** Largest control API body (`/__mock/*`), bytes. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

function byteCap(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of bytes >= 1`);
  return value;
}

/** Default account ids, in order. */
export function defaultAccountId(index: number): string {
  return String(987654321 - index * 11111);
}

/** Applies the defaults. */
export function resolveOptions(options: MiniMaxMockOptions, isTest: boolean): ResolvedOptions {
  const accounts = typeof options.accounts === 'number' || options.accounts === undefined
    ? Array.from({ length: options.accounts ?? 1 }, () => ({}))
    : [...options.accounts];
  if (!Number.isInteger(accounts.length) || accounts.length < 0) throw new RangeError('accounts must be a count >= 0 or a list');
  // Configured base URLs come first (the first is `mock.baseUrl`); the real API's URL is always served too.
  const configured = typeof options.baseUrl === 'string' ? [options.baseUrl] : options.baseUrl ? [...options.baseUrl] : [];
  const baseUrls = [...new Set([...configured, DEFAULT_BASE_URL].map((u) => u.replace(/\/+$/, '')))];
  const basePaths = [...new Set(baseUrls.map((u) => new URL(u).pathname.replace(/\/+$/, '')))];
  const latency = options.latencyMs;
  const scenarios = options.scenarios === undefined ? [] : (Array.isArray(options.scenarios) ? options.scenarios : [options.scenarios]) as (ScenarioName | ScenarioSpec)[];
  const start = options.startTime;
  const jobMs = options.jobMs ?? 10_000;
  if (!Number.isFinite(jobMs) || jobMs < 0) throw new RangeError('jobMs must be a number >= 0');
  return {
    seed: options.seed ?? 1,
    accounts,
    clock: options.clock ?? 'manual',
    startTime: start === undefined ? undefined : start instanceof Date ? start.getTime() : typeof start === 'string' ? Date.parse(start) : start,
    jobMs,
    validateResponses: options.validateResponses ?? isTest,
    validateRequests: options.validateRequests ?? true,
    latencyMs: latency === undefined ? [0, 0] : typeof latency === 'number' ? [latency, latency] : [latency[0], latency[1]],
    baseUrls,
    basePaths,
    sampleData: options.sampleData ?? true,
    scenarios: scenarios.map((s) => (typeof s === 'string' ? { name: s } : s)),
    chaos: options.chaos,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    agentCapacity: options.agentCapacity ?? 3,
    journalLimit: options.journalLimit ?? 10_000,
    maxBodyBytes: byteCap('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    maxUploadBytes: byteCap('maxUploadBytes', options.maxUploadBytes, DEFAULT_MAX_UPLOAD_BYTES),
    deliverWebhooks: options.deliverWebhooks ?? false,
    onWebhook: options.onWebhook,
    webhookHosts: [...(options.webhookHosts ?? [])].map((h) => String(h).toLowerCase()),
    userId: options.userId ?? '12345',
  };
}
