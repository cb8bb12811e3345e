// The create of a job and, when its outcome is unknown, the lookup that settles it. The order of writes is the
// guarantee: the intent is durable before the create leaves, the ids are recorded right after its answer, and a
// job whose create may exist is looked up (the client's findCreated) before it is ever created again.
import { RateLimitedError } from '@useapi-minimax/client';
import type { JobContext } from './context.js';
import type { KindInfo } from './kinds.js';
import type { Claim, JobRecord } from './ledger.js';
import { classifyCreateError } from './reconcile.js';
import { sleep } from './sleep.js';
import { uploadTo } from './uploads.js';

/** Attempts of a create whose connection was refused before the job ends failed. */
const MAX_NOT_SENT = 5;
/** Extra lookups of an uncertain reconciliation, and the least pause before each (also: until the settle time). */
const LOOKUP_RETRIES = 3;
const LOOKUP_PAUSE_MS = 10_000;
const DEFAULT_SETTLE_MS = 30_000;

/** Uploads, records the intent, sends the create, records what it answered. Returns the record after. */
export async function createJob(ctx: JobContext, record: JobRecord, info: KindInfo, claim: Claim, notSent: { count: number }): Promise<JobRecord> {
  ctx.status(record, 'waiting');
  const placement = await ctx.placement.place(record.key, info.pool);
  if ('blocked' in placement) return ctx.ledger.append(record.key, { type: 'ended', outcome: 'blocked', message: placement.blocked, at: Date.now() }, claim);
  const { account } = placement.lease;
  // The probe of the account (see Placement.answered) lasts from the placement until the create's answer.
  let probing = true;
  const endProbe = (ok: boolean) => {
    if (!probing) return;
    probing = false;
    ctx.placement.answered(account, info.pool, ok);
  };
  ctx.status({ ...record, account }, 'creating');
  const input: Record<string, unknown> = { ...record.input, ...info.fixed, account };
  try {
    for (const file of record.files) {
      if (info.kind === 'agent') {
        const { readFile } = await import('node:fs/promises');
        const parts = ([] as unknown[]).concat(input.file ?? []);
        input.file = [...parts, new Blob([await readFile(file.path)])];
      } else {
        input[file.field] = await uploadTo(ctx.client, ctx.ledger, account, file, ctx.signal, () => ctx.requests.uploads++);
      }
    }
  } catch (error) {
    endProbe(false);
    await ctx.placement.release(record.key);
    if (ctx.signal.aborted) throw error;
    return ctx.ledger.append(record.key, { type: 'ended', outcome: 'failed', message: `upload: ${error instanceof Error ? error.message : String(error)}`, at: Date.now() }, claim);
  }
  if (info.replyRef) {
    input.replyRef = record.replyRef;
    if (ctx.options.webhookUrl) input.replyUrl = ctx.options.webhookUrl;
  }
  const attempt = record.attempts + 1;
  let current = await ctx.ledger.append(record.key, { type: 'intent', attempt, account, replyRef: record.replyRef, sentAt: Date.now() }, claim);
  if (current.phase !== 'sending') {
    // The ledger ended the job instead of taking the intent (its batch was cancelled): nothing is sent.
    endProbe(false);
    await ctx.placement.release(record.key);
    return current;
  }
  let answer: Record<string, unknown> | undefined;
  let failure: unknown;
  try {
    ctx.requests.creates++;
    const method = (ctx.client as unknown as Record<string, Record<string, (input: unknown, options: unknown) => Promise<Record<string, unknown>>>>)[info.tag]![info.method]!;
    answer = await method(input, { signal: ctx.signal, maxRetries: 0 });
  } catch (error) {
    failure = error;
  }
  endProbe(answer !== undefined || failure instanceof RateLimitedError);
  if (answer !== undefined) {
    const raw = answer?.[info.idField];
    const ids = ([] as unknown[]).concat(raw ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
    if (ids.length) {
      ctx.placement.book.accepted(account, info.pool);
      ctx.createdNow.add(record.key);
      for (const id of ids) ctx.placement.following.add(id);
      const created = await ctx.ledger.append(record.key, { type: 'created', attempt, ids, account, at: Date.now() }, claim);
      ctx.placement.pump();
      return created;
    }
    failure = new Error(`the create answered without ${info.idField}`);
  }
  const verdict = classifyCreateError(failure);
  if (verdict.kind === 'unknown') {
    current = await ctx.ledger.append(record.key, { type: 'unknown', attempt, reason: verdict.reason, at: Date.now() }, claim);
    ctx.placement.pump();
    return current; // the caller reconciles (the slot stays taken: the job may be running)
  }
  // The account's rule first, then the slot back: the next placement must already see it.
  if (verdict.kind === 'retry' && verdict.reason === 'rate-limited') {
    const forMs = ctx.placement.book.rateLimited(account, info.pool, verdict.retryAfterMs, ctx.placement.held(info.pool, account));
    if (info.pool === 'video' || info.pool === 'speech') ctx.placement.stale();
    ctx.emitter.emit('account', { account, pool: info.pool, state: 'rate-limited', forMs });
  } else if (verdict.kind === 'retry' && verdict.reason === 'out-of-credits') {
    ctx.placement.book.outOfCredits(account, info.pool);
    ctx.emitter.emit('account', { account, pool: info.pool, state: 'out-of-credits' });
  } else if (verdict.kind === 'retry' && verdict.reason === 'on-hold') {
    const forMs = ctx.placement.book.onHold(account);
    ctx.emitter.emit('account', { account, pool: info.pool, state: 'on-hold', forMs });
  }
  current = await ctx.ledger.append(record.key, { type: 'not-created', attempt, reason: verdict.kind === 'end' ? verdict.message : verdict.reason, at: Date.now() }, claim);
  await ctx.placement.release(record.key);
  if (verdict.kind === 'end') return ctx.ledger.append(record.key, { type: 'ended', outcome: verdict.outcome, message: verdict.message, at: Date.now() }, claim);
  if (verdict.reason === 'not-sent') {
    if (++notSent.count >= MAX_NOT_SENT) {
      return ctx.ledger.append(record.key, { type: 'ended', outcome: 'failed', message: `the API could not be reached ${MAX_NOT_SENT} times (nothing was sent)`, at: Date.now() }, claim);
    }
    await sleep(Math.min(30_000, 1_000 * 2 ** notSent.count), ctx.signal);
  }
  return current;
}

/** Looks up a create whose outcome is unknown; records what the lookup proves. */
export async function reconcileJob(ctx: JobContext, record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord> {
  ctx.status(record, 'reconciling');
  let current = record;
  if (current.phase === 'sending') {
    current = await ctx.ledger.append(record.key, { type: 'unknown', attempt: record.attempts, reason: 'the run stopped after the create was sent, before its answer was recorded', at: Date.now() }, claim);
  }
  const { account: _account, ...sent } = { ...current.input, ...info.fixed } as Record<string, unknown>;
  void _account;
  const target = { operation: info.operation, replyRef: info.replyRef ? current.replyRef : undefined, input: sent, sentAt: current.sentAt, account: current.account };
  for (let i = 0; ; i++) {
    ctx.requests.lookups++;
    let lookup;
    try {
      lookup = await ctx.findCreated(target, { signal: ctx.signal });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      lookup = { found: false as const, certain: false, reason: `the lookup failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (lookup.found) {
      ctx.createdNow.add(record.key);
      for (const id of lookup.ids) ctx.placement.following.add(id);
      const found = await ctx.ledger.append(record.key, { type: 'created', attempt: current.attempts, ids: lookup.ids, account: current.account, at: Date.now(), reconciled: true }, claim);
      ctx.warn(`the create's outcome was unknown (${current.unknownReason}); the job was found (${lookup.via}, by ${lookup.match}): ${lookup.ids.join(', ')}`, record.key);
      return found;
    }
    if (lookup.certain) {
      await ctx.placement.release(record.key);
      ctx.warn(`the create's outcome was unknown (${current.unknownReason}); the lookup proved nothing was created (${lookup.reason}): creating it again`, record.key);
      return ctx.ledger.append(record.key, { type: 'not-created', attempt: current.attempts, reason: lookup.reason, at: Date.now() }, claim);
    }
    if (i >= LOOKUP_RETRIES) {
      await ctx.placement.release(record.key);
      const message = `the create's outcome is unknown (${current.unknownReason}) and the lookup could not prove it either way (${lookup.reason}); not created again: check the account's jobs before resubmitting`;
      ctx.warn(message, record.key);
      return ctx.ledger.append(record.key, { type: 'ended', outcome: 'unknown', message, at: Date.now() }, claim);
    }
    // Absence is provable only once the settle time after the create has passed: wait for it.
    const settleAt = (current.sentAt ?? Date.now()) + (ctx.options.lookup?.settleMs ?? DEFAULT_SETTLE_MS);
    await sleep(Math.max(i === 0 ? 0 : LOOKUP_PAUSE_MS, settleAt - Date.now() + 50, 1_000), ctx.signal);
  }
}
