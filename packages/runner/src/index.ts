// @useapi-minimax/runner: the public API.
export { createJobRunner, KeyConflictError } from './runner.js';
export type { BatchCounts, BatchItem, BatchReport, JobResult, JobRunner, JobRunnerOptions, RequestPurpose, SubmitOptions } from './runner.js';
export type { FinishJob, JobWork, RunnerBackend } from './backend.js';

export { submitKinds, isSubmitKind } from './kinds.js';
export type { KindInfo, Pool, SubmitInputs, SubmitKind } from './kinds.js';

export { applyEvent, LedgerError } from './ledger.js';
export type { Claim, DownloadedFile, FileRef, FinalSnapshot, JobOutcome, JobRecord, Ledger, LedgerEvent, UploadRecord } from './ledger.js';
export { createMemoryLedger } from './memory-ledger.js';
export { openFileLedger } from './file-ledger.js';
export type { FileLedgerOptions } from './file-ledger.js';

export { createLocalSlots } from './slots.js';
export type { SlotLease, SlotRequest, SlotStore } from './slots.js';
export { accountOfId, ON_HOLD_PAUSE_MS } from './accounts.js';
export type { SlotLimits } from './accounts.js';

export { createLocalCorrelation } from './correlation.js';
export type { CallbackHint, WakeRegistry, WebhookCorrelation } from './correlation.js';
export { createWebhookReceiver } from './receiver.js';
export type { WebhookHandler, WebhookReceiverOptions } from './receiver.js';
export { listenWebhooks, toNodeListener } from './node-http.js';
export type { WebhookServer } from './node-http.js';

export { classifyCreateError } from './reconcile.js';
export type { CreatedLookup, CreatedTarget, CreateFailure, FindCreated } from './reconcile.js';

export type { AccountEvent, DownloadEvent, JobEvent, JobStatus, Listener, RunnerEvents, WarningEvent } from './events.js';
export { DownloadError } from './downloads.js';
export { FileProblemError, UPLOAD_TYPES, describeFile } from './uploads.js';
export { contentKey, fileStem, isReplyRefOf, replyRefFor } from './keys.js';
export { extensionFor, resultFiles, urlExpiry } from './results.js';
export { checkJob } from './validate.js';
export type { JobIssue } from './validate.js';
