// Finding the job of a create whose answer was lost (`OutcomeUnknownError`), without creating anything: the
// running jobs first (`GET /scheduler`, matched exactly by `replyRef`; agent jobs through their own list), then the
// resource's list (matched by the prompt, title or text within a time window around `sentAt`). Where each kind is
// looked up is the spec's `x-sdk.jobs.*.find` (src/generated/jobs.ts).
import type { MiniMaxCore } from './core.js';
import { OutcomeUnknownError, ValidationError } from './errors.js';
import { getAgentJob, listAccounts, listScheduledJobs } from './generated/functions.js';
import { jobLists } from './generated/job-functions.js';
import { createdKinds, jobKinds } from './generated/jobs.js';
import type { JobFindInfo } from './job-kinds.js';
import type { JobKind, PaginationDescriptor } from './operation-descriptor.js';
import { nextPage, pageItems } from './pagination.js';
import type { RequestOptions } from './resource-types.js';

/** What to look for: an `OutcomeUnknownError`'s fields, or the same facts kept by the caller (e.g. in a ledger). */
export interface CreatedTarget {
  /** operationId of the create (`createVideo`, `createMusic`, `runAgent`, `createSpeech`, …). */
  operation: string;
  /** The `replyRef` sent with it. */
  replyRef?: string | undefined;
  /** The input sent (its prompt, title or text is matched in lists). */
  input?: Readonly<Record<string, unknown>> | undefined;
  /** Epoch ms when the create was sent (the time window of list matches). */
  sentAt?: number | undefined;
  /** The account it was sent with; unset: every configured account is searched. */
  account?: string | undefined;
}

/**
 * The result of a lookup. `found: true` lists the ids of matching jobs (`match: 'replyRef'` is exact; `'prompt'`
 * is a best effort: another job with the same prompt in the window matches too). `found: false` with
 * `certain: true` means every place the job would be visible was read and none matched, so creating again cannot
 * duplicate it; `certain: false` means it may exist where a lookup cannot see (`reason` says why).
 */
export type CreatedLookup =
  | { found: true; kind: JobKind; ids: string[]; via: 'scheduler' | 'list'; match: 'replyRef' | 'prompt' }
  | { found: false; certain: boolean; reason: string };

/** Options of `findCreated`. */
export interface FindCreatedOptions {
  /** Aborts the lookups (`AbortError`). */
  signal?: AbortSignal | undefined;
  /** How far list items may be from `sentAt` (either side; the clocks of client and server differ), in ms. Default 10 min. */
  windowMs?: number | undefined;
  /**
   * How long after `sentAt` a "not found" can be certain, in ms (default 30 s): MiniMax may still be queueing a job
   * it answered 502/504 for, so an earlier lookup is never certain. Ask again later.
   */
  settleMs?: number | undefined;
}

/** List pages read per account before a lookup gives up on covering the time window. */
const MAX_PAGES = 10;

type Fn = (core: MiniMaxCore, ...args: any[]) => Promise<any>;
const lists = jobLists as unknown as Record<string, { call: Fn; operation: { path: string; pagination?: PaginationDescriptor } }>;

/** Text equality for matching an input against what a list echoes: whitespace-insensitive, `…` marks a truncation. */
function sameText(sent: string, shown: unknown): boolean {
  if (typeof shown !== 'string') return false;
  const a = sent.replace(/\s+/g, ' ').trim();
  const b = shown.replace(/\s+/g, ' ').trim();
  if (a === b) return true;
  const cut = b.endsWith('…') ? b.slice(0, -1).trimEnd() : b.endsWith('...') ? b.slice(0, -3).trimEnd() : undefined;
  return cut !== undefined && cut.length > 0 && a.startsWith(cut);
}

function at(value: unknown, dotted: string): unknown {
  let v = value;
  for (const key of dotted.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Every string `field` of the objects in a body, however nested (`GET /agent/jobs` groups ids by account). */
function idsIn(body: unknown, field: string, out: string[] = []): string[] {
  if (Array.isArray(body)) for (const v of body) idsIn(v, field, out);
  else if (body !== null && typeof body === 'object') {
    const id = (body as Record<string, unknown>)[field];
    if (typeof id === 'string') out.push(id);
    for (const v of Object.values(body)) if (v !== null && typeof v === 'object') idsIn(v, field, out);
  }
  return out;
}

/**
 * Looks up the job a create may have started, without creating anything. Pass the `OutcomeUnknownError` the create
 * threw (or a {@link CreatedTarget} with the same facts). Certain only when the kind is tracked by `GET /scheduler`
 * (videos, images, speech), a `replyRef` was sent, the account's list was read back past the time window with no
 * match, and at least `settleMs` passed since the create was sent; everything else is a best effort that says why.
 */
export async function findCreated(core: MiniMaxCore, target: OutcomeUnknownError | CreatedTarget, options: FindCreatedOptions = {}): Promise<CreatedLookup> {
  const kind = (createdKinds as Record<string, JobKind>)[target.operation];
  if (!kind) {
    throw new ValidationError([{ field: 'operation', message: `${target.operation} does not start a job (one of ${Object.keys(createdKinds).join(', ')})` }], 'findCreated');
  }
  const facts = jobKinds[kind] as { idField: string; find: JobFindInfo };
  const find = facts.find;
  const request: RequestOptions = { signal: options.signal };
  const { replyRef, sentAt, account } = target;
  const input = (target.input ?? {}) as Record<string, unknown>;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const settleMs = options.settleMs ?? 30_000;
  const doubts: string[] = [];

  // 1. Running jobs, matched exactly by replyRef.
  if (find.scheduler) {
    if (replyRef) {
      const entries = (await listScheduledJobs(core, request)) as Record<string, unknown>[];
      const ids = entries.filter((e) => e.replyRef === replyRef).map((e) => e.videoId ?? e.imageId ?? e.audioId).filter((id): id is string => typeof id === 'string');
      if (ids.length) return { found: true, kind, ids, via: 'scheduler', match: 'replyRef' };
    } else doubts.push('no replyRef was sent, so GET /scheduler cannot be matched');
  }
  if (find.running && find.ref) {
    if (replyRef) {
      const running = await lists[find.running]!.call(core, request);
      const ids: string[] = [];
      for (const id of idsIn(running, facts.idField)) {
        const job = await (getAgentJob as Fn)(core, id, request);
        if (at(job, find.ref) === replyRef) ids.push(id);
      }
      if (ids.length) return { found: true, kind, ids, via: 'list', match: 'replyRef' };
    }
    doubts.push(`${kind} jobs leave ${lists[find.running]!.operation.path} when they end, and only running ones can be matched by replyRef`);
  }

  // 2. The resource's list, matched by what it echoes of the input, within the time window.
  if (find.list) {
    const matchOn = Object.entries(find.match ?? {}).filter(([field]) => typeof input[field] === 'string' && input[field] !== '');
    if (!matchOn.length) doubts.push(`the input has no ${Object.keys(find.match ?? {}).join('/')} to look for in ${find.list}`);
    else if (sentAt === undefined) doubts.push('sentAt is unknown, so list items cannot be placed in time');
    else {
      const accounts = account !== undefined ? [account] : Object.keys(((await listAccounts(core, request)) as Record<string, unknown> | undefined) ?? {});
      const list = lists[find.list]!.call;
      const pagination = lists[find.list]!.operation.pagination as PaginationDescriptor;
      const ids: string[] = [];
      for (const acc of accounts.length > 1 || account !== undefined ? accounts : [undefined]) {
        let query: Record<string, unknown> = acc === undefined ? {} : { account: acc };
        let covered = false;
        let previous: unknown;
        for (let page = 0; page < MAX_PAGES; page++) {
          const body = await list(core, query, request);
          const items = pageItems(pagination, body) as Record<string, unknown>[];
          // Without a time field, only the first page (the newest jobs) can be matched: older pages may hold an
          // older job with the same prompt.
          const matchable = find.time || page === 0;
          for (const item of items) {
            const time = find.time ? item[find.time] : undefined;
            const inWindow = find.time ? typeof time === 'number' && Math.abs(time - sentAt) <= windowMs : true;
            if (typeof time === 'number' && time < sentAt - windowMs) covered = true;
            const id = item[facts.idField];
            if (matchable && inWindow && typeof id === 'string' && matchOn.every(([field, shown]) => sameText(input[field] as string, item[shown]))) ids.push(id);
          }
          // Newest first: older pages hold older jobs only.
          if (covered || ids.length) break;
          if (items.length && find.time && items.every((i) => typeof i[find.time!] !== 'number')) {
            doubts.push(`${find.list} items carry no ${find.time}, so the time window cannot be checked`);
            break;
          }
          const param = pagination.cursorParam ?? pagination.pageParam!;
          const next = nextPage(pagination, body, { current: query[param] as string | number | undefined, previous });
          if (next.stop) {
            covered = true;
            break;
          }
          previous = body;
          query = { ...query, [param]: next.param };
        }
        if (ids.length) break;
        if (!covered) {
          doubts.push(
            find.time
              ? `${find.list}${acc ? ` of account ${acc}` : ''} was not read back to the start of the window (${MAX_PAGES} pages)`
              : `${find.list}${acc ? ` of account ${acc}` : ''} carries no creation time and was not read to its end (${MAX_PAGES} pages)`,
          );
        }
      }
      if (ids.length) return { found: true, kind, ids: [...new Set(ids)], via: 'list', match: 'prompt' };
    }
  } else doubts.push(`${kind} jobs have no list to look in`);

  if (!find.scheduler && !find.running) doubts.push(`${kind} jobs are not in GET /scheduler, and a list match is a best effort`);
  if (find.list === 'listMusic') doubts.push('GET /music does not list moderated songs');
  if (sentAt !== undefined && Date.now() - sentAt < settleMs) {
    doubts.push(`looked ${Math.max(0, Date.now() - sentAt)} ms after sending; a job answered 502/504 may still be queueing: look again after ${new Date(sentAt + settleMs).toISOString()}`);
  }
  return doubts.length
    ? { found: false, certain: false, reason: `No ${kind} job found, but that is not certain: ${doubts.join('; ')}.` }
    : { found: false, certain: true, reason: `No ${kind} job found: GET /scheduler has no job with replyRef ${replyRef} and ${find.list} has none matching in the window; nothing was created, so creating again is safe.` };
}
