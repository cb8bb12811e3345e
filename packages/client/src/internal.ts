// @useapi-minimax/client/internal: the plumbing the other packages of this repository share with the client
// (React hooks, runner, mock tests). NOT semver-stable: it changes with the packages that use it, in any release.
export { operations } from './generated/operations.js';
export type { OperationId } from './generated/operations.js';
export { agentJob, createdKinds, imageJob, jobCreators, jobKinds, jobLabels, musicJob, speechJob, videoJob } from './generated/jobs.js';
export type { JobFindInfo, JobKindInfo } from './job-kinds.js';
export type { FieldLocation, FieldRule, OperationDescriptor, PaginationDescriptor } from './operation-descriptor.js';

export { nextPage, pageItems, paginate } from './pagination.js';
export type { NextPage } from './pagination.js';
export { describeJobOf, jobErrorForMissing, jobErrorForMissingOf, jobErrorOf } from './job-state.js';

export { MAX_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS, nextPoll, nextPollOf, pollPolicy, pollPolicyOf } from './poll-policy.js';
export type { PollOutcome, PollPolicy, PollSettings, PollStep } from './poll-policy.js';

export { anySignal, MAX_TIMER_MS, startTimer } from './signals.js';
export type { CombinedSignal } from './signals.js';
export { newReplyRef } from './outcome.js';
