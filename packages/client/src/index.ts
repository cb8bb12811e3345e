// @useapi-minimax/client: the public API.
export { createMiniMaxClient, DEFAULT_BASE_URL } from './client.js';
export type { ClientOptions, LowLevelClient, MiniMaxClient } from './client.js';

export {
  AbortError,
  AccountOnHoldError,
  ApiError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  isMiniMaxError,
  JobError,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  MiniMaxError,
  ModeratedError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UpstreamBusyError,
  ValidationError,
} from './errors.js';
export type { ApiErrorInit, ValidationIssue } from './errors.js';

export { describeJob, jobErrorFor, jobErrorForMissing } from './job-state.js';
export type { JobLifecycle, JobSnapshot, JobState } from './job-state.js';
export { jobKinds } from './job-kinds.js';
export { isTransientError, MAX_POLL_INTERVAL_MS } from './jobs.js';
export { nextPage, pageItems } from './pagination.js';
export type { NextPage } from './pagination.js';
export type { JobKindInfo } from './job-kinds.js';

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

export { operations } from './generated/operations.js';
export { jobCreators } from './generated/resources.js';
export type * from './generated/resources.js';
export type * from './generated/schemas.js';
export type { components, paths, webhooks } from './generated/schema.js';
export type { FieldLocation, FieldRule, JobKind, OperationDescriptor, PaginationDescriptor } from './operation-descriptor.js';
