// The job outcome errors (`waitFor`, `poll`, `…AndWait`): their own module, so a bundle without job helpers ships none.
import { MiniMaxError, brand } from './error-base.js';
import type { JobState } from './job-state.js';
import type { JobKind } from './operation-descriptor.js';

/** Base class of the job outcome errors: carries the job kind, id and last snapshot. */
export class JobError<S = Record<string, unknown>> extends MiniMaxError {
  /** The job kind. */
  declare readonly kind: JobKind;
  /** The job id that was followed. */
  declare readonly jobId: string | undefined;
  /** The last snapshot seen (undefined if none was read). */
  declare readonly snapshot: S | undefined;
  /** `describeJob` of the last snapshot. */
  declare readonly state: JobState | undefined;
  constructor(message: string, kind: JobKind, jobId: string | undefined, snapshot: S | undefined, state: JobState | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.jobId = jobId;
    this.snapshot = snapshot;
    this.state = state;
  }
}
/** The job ended failed (video/image status 3, agent `failed`, speech `failed`, or another final failure). */
export class JobFailedError<S = Record<string, unknown>> extends JobError<S> {}
/** The job was cancelled before it finished (`describeJob` state `cancelled`); a `JobFailedError` too. */
export class JobCancelledError<S = Record<string, unknown>> extends JobFailedError<S> {}
/** The job was moderated (video/image 5/7/14, music 4; a video that answers 404 while followed). */
export class JobModeratedError<S = Record<string, unknown>> extends JobError<S> {}
/** The job was not final before the wait's deadline. The job itself may still finish: read it by id later. */
export class JobTimeoutError<S = Record<string, unknown>> extends JobError<S> {}

for (const [ctor, name] of [
  [JobError, 'JobError'],
  [JobFailedError, 'JobFailedError'],
  [JobCancelledError, 'JobCancelledError'],
  [JobModeratedError, 'JobModeratedError'],
  [JobTimeoutError, 'JobTimeoutError'],
] as const) brand(ctor, name);
