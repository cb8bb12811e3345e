// The shape of one entry of the generated operations table (src/generated/operations.ts). Plain data.

/** Where an input field travels. */
export type FieldLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

/** The JSON type of an input field; `file` is one binary part, `files` a repeatable binary part. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'file' | 'files';

/** The rule of one input field, taken from the spec's schema: what the client checks before sending. */
export interface FieldRule {
  /** Where the field travels. */
  readonly in: FieldLocation;
  /** The field must be present. */
  readonly required?: boolean;
  /** JSON type (or the types an open set accepts); `file` is one binary part, `files` a repeatable binary part. */
  readonly type?: FieldType | readonly FieldType[];
  /** Allowed values of a closed set (documented as the only ones): anything else is refused. */
  readonly enum?: readonly unknown[];
  /** Known values of an open set (model ids, option tokens…): others are sent, with a one-time warning. */
  readonly known?: readonly unknown[];
  /** A comma-separated list: an array given for it is joined with `,`. */
  readonly commaList?: boolean;
  /** Minimum string length (code points). */
  readonly minLength?: number;
  /** Maximum string length (code points). */
  readonly maxLength?: number;
  /** Inclusive lower bound. */
  readonly minimum?: number;
  /** Inclusive upper bound. */
  readonly maximum?: number;
  /** Exclusive lower bound. */
  readonly exclusiveMinimum?: number;
  /** Exclusive upper bound. */
  readonly exclusiveMaximum?: number;
  /** ECMAScript regular expression the string must match. */
  readonly pattern?: string;
  /** Minimum number of array items. */
  readonly minItems?: number;
  /** Maximum number of array items. */
  readonly maxItems?: number;
}

/** How a list operation pages (`x-sdk.pagination`). */
export interface PaginationDescriptor {
  /** Body property holding the items; `''` when the body is the array itself. */
  readonly items: string;
  /** Query parameter taking the last item's id (cursor lists). */
  readonly cursorParam?: string;
  /** Item field whose value is the next cursor. */
  readonly cursorField?: string;
  /** Query parameter limiting the page size (cursor lists). */
  readonly limitParam?: string;
  /** Query parameter of the page number (page lists). */
  readonly pageParam?: string;
  /** Query parameter of the page size (page lists). */
  readonly pageSizeParam?: string;
  /** Body field that is `false` on the last page. */
  readonly hasMoreField?: string;
}

import type { JobKind } from './generated/jobs.js';

export type { JobKind };

/** One operation of the API, as the client needs it at runtime. */
export interface OperationDescriptor {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** Path template, e.g. `/music/{musicId}`. */
  readonly path: string;
  /** The spec tag: the resource (`client.music`). */
  readonly tag: string;
  /** The resource method name (`client.music.get`). */
  readonly name: string;
  /** Whether a retry can never duplicate work (retry policy). */
  readonly idempotent: boolean;
  /** Path parameters, in path order: the positional arguments of the resource method. */
  readonly pathParams: readonly string[];
  /** Body fields taken as positional arguments after the path parameters (`videos.cancel(videoId)`). */
  readonly bodyArgs?: readonly string[];
  /**
   * The function takes an input object after its ids (the generators' `callShape`, which also types the
   * arguments).
   */
  readonly takesInput?: boolean;
  /** Request body kind. */
  readonly body: 'none' | 'json' | 'multipart' | 'raw';
  /** Accepted request content types (raw and multipart bodies). */
  readonly contentTypes?: readonly string[];
  /** Success body kind. */
  readonly success: 'json' | 'sse' | 'json|sse' | 'empty';
  /** The success body is undocumented and may be empty (else an empty 2xx body of a JSON operation is an error). */
  readonly mayBeEmpty?: boolean;
  /** The operation is deprecated (decommissioned family). */
  readonly deprecated?: boolean;
  /** This GET reads a job snapshot of this kind. */
  readonly job?: JobKind;
  /** How this list pages. */
  readonly pagination?: PaginationDescriptor;
  /** The rule of every input field, by name. */
  readonly fields: Readonly<Record<string, FieldRule>>;
  /** Fields that require others when present (`{ fileID: ['ossPath'] }`). */
  readonly dependentRequired?: Readonly<Record<string, readonly string[]>>;
}
