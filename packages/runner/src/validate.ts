// Checking a job without spending anything: the kind, the local files, and the input against the spec's
// rules exactly as the client checks them before sending (a client whose fetch refuses to send is asked to
// create: a ValidationError means the input is wrong, the refusal means it would have been sent).
import { createMiniMaxClient, ValidationError, type MiniMaxClient } from '@useapi-minimax/client';
import { isSubmitKind, submitKinds } from './kinds.js';
import { describeFile, FileProblemError } from './uploads.js';

/** One problem of a job. */
export interface JobIssue {
  /** The field (`kind`, `key`, an input field, `files.fileID`). */
  readonly field: string;
  readonly message: string;
}

const REFUSED = Symbol('dry-run');
let offline: MiniMaxClient | undefined;

/** The problems of a job (empty: it would be sent). Sends nothing. */
export async function checkJob(kind: unknown, input: unknown, files: Readonly<Record<string, string>> = {}): Promise<JobIssue[]> {
  if (!isSubmitKind(kind)) return [{ field: 'kind', message: `must be one of ${Object.keys(submitKinds).join(', ')}` }];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [{ field: 'input', message: 'must be an object' }];
  const info = submitKinds[kind];
  const issues: JobIssue[] = [];
  const placeholder: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(files)) {
    if (info.kind === 'agent' ? field !== 'file' : !info.fileFields.includes(field)) {
      issues.push({ field: `files.${field}`, message: `${kind} jobs take files in ${info.kind === 'agent' ? 'file' : info.fileFields.join(', ')}` });
      continue;
    }
    try {
      await describeFile(field, path, info.kind === 'agent');
      // Stands in for the fileID the upload will give.
      if (info.kind !== 'agent') placeholder[field] = 'user:1-minimax:1-file:1';
    } catch (error) {
      issues.push({ field: `files.${field}`, message: error instanceof FileProblemError ? error.message : String(error) });
    }
  }
  offline ??= createMiniMaxClient({
    token: 'user:1-dryrun',
    baseUrl: 'http://dry-run.invalid',
    logLevel: 'silent',
    maxRetries: 0,
    fetch: () => Promise.reject(REFUSED),
  });
  const method = (offline as unknown as Record<string, Record<string, (i: unknown, o: unknown) => Promise<unknown>>>)[info.tag]![info.method]!;
  try {
    await method({ ...(input as Record<string, unknown>), ...placeholder, ...info.fixed }, { maxRetries: 0 });
  } catch (error) {
    if (error instanceof ValidationError) for (const i of error.issues) issues.push({ field: i.field, message: i.message });
    // Anything else: the client got as far as sending, so the input passed.
  }
  return issues;
}
