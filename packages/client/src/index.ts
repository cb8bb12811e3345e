// @useapi-minimax/client: the public API. Plumbing shared with the other packages of this repository is on
// `@useapi-minimax/client/internal` (not semver-stable).
export { createMiniMaxClient } from './client.js';
export type { ClientHelpers, LowLevelClient, MiniMaxClient } from './client.js';
export { createMiniMaxCore, DEFAULT_BASE_URL } from './core.js';
export type { ClientOptions, MiniMaxCore, ViewOptions } from './core.js';

// One function per operation, core first (`getMusic(core, musicId)`): the tree-shakable form.
export * from './generated/functions.js';
export { pollJob, waitForJob } from './jobs.js';
export { findCreated } from './find-created.js';
export { withResponse } from './with-response.js';
export type { WithResponse } from './with-response.js';
export type { CreatedLookup, CreatedTarget, FindCreatedOptions } from './find-created.js';

export {
  AbortError,
  AccountOnHoldError,
  ApiError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  isMiniMaxError,
  JobCancelledError,
  JobError,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  MiniMaxError,
  ModeratedError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedResponseError,
  UpstreamBusyError,
  ValidationError,
} from './errors.js';
export type { ApiErrorInit, OutcomeUnknownInit, ValidationIssue } from './errors.js';
export { isTransientError } from './poll-policy.js';

export { describeJob, jobErrorFor } from './job-state.js';
export type { JobLifecycle, JobSnapshot, JobState } from './job-state.js';
export type { JobKind } from './generated/jobs.js';

export { parseWebhook } from './webhooks.js';
export type { WebhookEvent } from './webhooks.js';

export type {
  AndWaitInput,
  EventData,
  EventStream,
  Input,
  Item,
  OperationId,
  Output,
  PollOptions,
  RequestOptions,
  ServerSentEvent,
  Snapshot,
  UploadData,
  WaitOptions,
} from './resource-types.js';
export type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from './transport.js';
export type { LogLevel, Logger } from './logger.js';

export type * from './generated/resources.js';
export type * from './generated/schemas.js';
export type { components, paths, webhooks } from './generated/schema.js';
