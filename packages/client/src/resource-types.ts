// The types of the resource methods, computed from the generated `operations` (openapi-typescript) and the
// operations table. src/generated/resources.ts uses them to give every method a named, documented signature.
import type { operations as OperationTypes } from './generated/schema.js';
import type { operations as table, SuccessStatuses } from './generated/operations.js';
import type { jobCreators } from './generated/jobs.js';
import type { EventDataMap } from './generated/resources.js';
import type { JobKind } from './operation-descriptor.js';
import type { JobState } from './job-state.js';

type Table = typeof table;
/** An operationId of the API. */
export type OperationId = keyof Table;

/** Per-call options of every resource method. */
export interface RequestOptions {
  /** Cancels the call, including any retry sleep. */
  signal?: AbortSignal | undefined;
  /** Budget of one attempt of this request, in ms: headers and body (for event streams: the gap between chunks). `Infinity`: none. */
  timeoutMs?: number | undefined;
  /** Retries for this call (the operation's retry policy still decides what is retryable). */
  maxRetries?: number | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
}

/** What a raw-body upload accepts: a Blob/File, bytes (ArrayBuffer, Uint8Array, Node Buffer) or a stream. */
/**
 * Data of a raw upload. A Node readable (`fs.createReadStream(path)`) is an `AsyncIterable<Uint8Array>` with a
 * `pipe` method; its type comes from its `path`, a File's from its name, when the data has none of its own.
 */
export type UploadData = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | (AsyncIterable<Uint8Array> & { pipe(...args: never[]): unknown });

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Defined<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type PathNames<K extends OperationId> = Table[K]['pathParams'][number];
type QueryOf<K extends OperationId> = Defined<OperationTypes[K]['parameters']['query']>;
type BodyOf<K extends OperationId> = Table[K]['body'] extends 'json' | 'multipart'
  ? OperationTypes[K] extends { requestBody: { content: infer C } }
    ? 'application/json' extends keyof C
      ? C['application/json']
      : 'multipart/form-data' extends keyof C
        ? C['multipart/form-data']
        : {}
    : {}
  : {};

/** Fields documented as comma-separated lists (`x-sdk.list: comma`): they also take a string array. */
type ListFields<K extends OperationId> = {
  [F in keyof Table[K]['fields']]: Table[K]['fields'][F] extends { commaList: true } ? F : never;
}[keyof Table[K]['fields']];

type Ergonomic<K extends OperationId, I> = Omit<I, 'file' | ListFields<K>> & {
  [F in keyof I as F extends ListFields<K> ? F : never]: I[F] | readonly string[];
} & ('file' extends keyof I
    ? {
        /** One or more files (each becomes one `file` part). */
        file?: Blob | readonly Blob[];
        /** Alias of `file`: the files to send, one `file` part each. */
        files?: readonly Blob[];
      }
    : {}) &
  (Table[K]['body'] extends 'raw'
    ? {
        /** MIME type of the data; defaults to the Blob's `type`. Checked against the documented types. */
        contentType?: Table[K] extends { contentTypes: readonly (infer T)[] } ? T : string;
      }
    : {});

/** The input object of a resource method: query parameters and body fields (path parameters are positional). */
export type Input<K extends OperationId> = Simplify<Ergonomic<K, Omit<QueryOf<K> & BodyOf<K>, PathNames<K>>>>;

type SuccessStatus<K extends OperationId> = SuccessStatuses[K];
type JsonAt<R, S> = S extends keyof R ? (R[S] extends { content: { 'application/json': infer J } } ? J : never) : never;

/** The parsed JSON answer of an operation (`void` for 204 operations). */
export type Output<K extends OperationId> = Table[K]['success'] extends 'empty'
  ? void
  : JsonAt<OperationTypes[K]['responses'], SuccessStatus<K>>;

/** The item type of a paginated list. */
export type Item<K extends OperationId> =
  Output<K> extends infer B
    ? Table[K] extends { pagination: { items: infer P } }
      ? P extends ''
        ? B extends readonly (infer E)[]
          ? E
          : never
        : P extends keyof NonNullable<B>
          ? NonNullable<NonNullable<B>[P]> extends readonly (infer E)[]
            ? E
            : never
          : never
      : never
    : never;

/** The parsed `data` of the events of a streaming operation. */
export type EventData<K extends OperationId> = K extends keyof EventDataMap ? EventDataMap[K] : unknown;

/** One server-sent event; `data` is parsed JSON (or the raw text when it is not JSON). */
export interface ServerSentEvent<T = unknown> {
  /** The `event:` field, if any. */
  event?: string;
  /** The `id:` field, if any. */
  id?: string;
  /** The event's data, JSON-parsed. */
  data: T;
}

/** An event stream: iterate it with `for await`; `break` closes the connection. */
export type EventStream<T = unknown> = AsyncIterableIterator<ServerSentEvent<T>>;

type JobOperation<J extends JobKind> = { [K in OperationId]: Table[K] extends { job: J } ? K : never }[OperationId];
/** The snapshot of a job kind: the answer of its GET (`Video`, `Image`, `Music`, `AgentJob`, `SpeechClip`). */
export type Snapshot<J extends JobKind> = Output<JobOperation<J>>;

/**
 * Options of `poll` (and `pollJob`). The request options (`signal`, `timeoutMs` per attempt, `maxRetries`,
 * `headers`) apply to every GET of the wait; `signal` also ends the wait.
 */
export interface PollOptions extends RequestOptions {
  /**
   * Pause between polls, in ms (default: the kind's `jobKinds[kind].intervalMs`; at least 100 ms, so `0` cannot
   * spin). Doubles after each transient error, up to 60 s, and waits at least the server's `Retry-After`.
   */
  intervalMs?: number | undefined;
  /** Budget of the whole wait, in ms (default: the kind's `jobKinds[kind].deadlineMs`; `Infinity`: none); then `JobTimeoutError`. */
  deadlineMs?: number | undefined;
}

/**
 * Options of `waitFor` and `<create>AndWait` (and `waitForJob`). For `<create>AndWait` the request options also
 * go to the create.
 */
export interface WaitOptions<J extends JobKind = JobKind> extends PollOptions {
  /** Called with each distinct snapshot (and its `describeJob` state), the final one included. */
  onProgress?: ((snapshot: Snapshot<J>, state: JobState) => void) | undefined;
  /**
   * `<create>AndWait` only: request options of the create alone (`headers`, `maxRetries`, `timeoutMs`, `signal`),
   * over the shared ones; the polls do not get them.
   */
  create?: RequestOptions | undefined;
}

type Creators = typeof jobCreators;
/** The input of `<create>AndWait`: the create's input without the fields it forces (`stream`, `async`). */
export type AndWaitInput<K extends OperationId> = K extends keyof Creators
  ? Creators[K] extends { fixed: infer F }
    ? Simplify<Omit<Input<K>, keyof F>>
    : Input<K>
  : never;
