/** How a list operation pages, as declared in its `x-sdk.pagination`. */
export interface PaginationInfo {
  /** Property of the body holding the items; '' when the body is the array itself. */
  items: string;
  cursorParam?: string;
  cursorField?: string;
  limitParam?: string;
  pageParam?: string;
  pageSizeParam?: string;
  hasMoreField?: string;
}

/** The `x-sdk` extension of an operation. */
export interface SdkInfo {
  /** Resource method name under the operation's tag, e.g. `get` for `client.music.get`. */
  method: string;
  /** React hook name, e.g. `useMusic`. */
  hook: string;
  /** Whether a retry can never duplicate work (true: GET/DELETE-like; false: creates). */
  idempotent: boolean;
  /** The job kind this operation reads, for operations that poll a job. */
  job?: 'music' | 'video' | 'image' | 'agent' | 'speech';
  pagination?: PaginationInfo;
  /** For creates that start a job: the job kind, where its id is in the answer, and inputs `…AndWait` forces. */
  creates?: { job: 'music' | 'video' | 'image' | 'agent' | 'speech'; idField: string; many?: boolean; fixed?: Record<string, unknown> };
  /** For streaming operations: the `components.schemas` name of each event's JSON data. */
  event?: string;
}

/** One HTTP operation of the spec. */
export interface OperationInfo {
  operationId: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';
  path: string;
  tag: string;
  summary: string;
  deprecated: boolean;
  sdk: SdkInfo;
  parameters: { name: string; in: 'query' | 'path' | 'header' | 'cookie'; required: boolean }[];
  requestContentTypes: string[];
  requestBodyRequired: boolean;
  successStatuses: string[];
  successContentTypes: string[];
  errorStatuses: string[];
}

/** Absolute path of the OpenAPI document. */
export declare const specPath: string;
/** Absolute path of the docs' example fixtures. */
export declare const fixturesDir: string;
/** The parsed OpenAPI document ($refs left in place). */
export declare function loadSpec(): any;
/** Follows a local `#/…` JSON pointer. */
export declare function resolvePointer(doc: any, pointer: string): any;
/** Returns the object a `$ref` points to (following chains), or the object itself. */
export declare function deref<T = any>(doc: any, node: T): any;
/** Every HTTP operation of the spec (webhooks excluded), in document order. */
export declare function listOperations(doc?: any): OperationInfo[];
/** The operations table, computed once. */
export declare const operations: OperationInfo[];
