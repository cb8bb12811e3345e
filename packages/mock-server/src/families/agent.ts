// agent: POST /agent (multipart; async or held until final), GET /agent/jobs, GET /agent/{jobId}.
import { errorReply, jsonReply } from '../engine/reply.js';
import { sleepReal } from '../engine/env.js';
import { makeAgentJobId } from '../engine/ids.js';
import { AGENT_EXPIRY_MS, agentEnd, agentStatus, agentView, elapsed } from '../engine/lifecycle.js';
import type { AgentJobRecord } from '../engine/state.js';
import { isReply, type HandlerTable } from './types.js';

export const agentHandlers: Pick<HandlerTable, 'runAgent' | 'listAgentJobs' | 'getAgentJob'> = {
  runAgent: async (ctx) => {
    const { mock, params: p, now } = ctx;
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const running = [...mock.state.agentJobs.values()].filter((j) => j.account === account.account && agentStatus(j, now) === 'started').length;
    if (running >= mock.options.agentCapacity) {
      return errorReply(429, `No agent capacity available on account ${account.account}, try again later`, { headers: { 'retry-after': String(mock.options.retryAfterSeconds) } });
    }
    const refusal = ctx.upstream(account, {});
    if (refusal) return refusal;
    const files = ((p.file ?? []) as unknown[]).filter((f): f is Blob => typeof Blob !== 'undefined' && f instanceof Blob).map((f) => ({
      name: (f as File).name || 'file', size: f.size, type: f.type || 'application/octet-stream',
    }));
    const isAsync = p.async === true;
    const outcome = ctx.outcome('agent');
    const jobMs = mock.options.jobMs;
    const manualSync = !isAsync && ctx.answered && mock.clock.mode === 'manual';
    // On the manual clock a held call ends at once: its timeline is placed so that it ends now.
    const span = outcome.kind === 'expired' ? AGENT_EXPIRY_MS : Math.min(jobMs, AGENT_EXPIRY_MS);
    const job: AgentJobRecord = {
      jobId: makeAgentJobId(ctx.userId, account.account, mock.digits(9)),
      account: account.account,
      prompt: p.prompt,
      models: p.models.split(',').map((m) => m.trim()).filter(Boolean),
      files,
      async: isAsync,
      createdAt: manualSync ? now - span : now,
      durationMs: jobMs,
      outcome,
      viaApi: true,
      replyUrl: p.replyUrl,
      replyRef: p.replyRef,
    };
    mock.state.agentJobs.set(job.jobId, job);
    mock.watch('agentJobs', job.jobId, p.replyUrl);
    if (!isAsync && ctx.answered && mock.clock.mode === 'real') {
      while (agentStatus(job, mock.clock.now()) === 'started' && !ctx.signal?.aborted) {
        await sleepReal(Math.max(10, Math.min(1000, agentEnd(job) - mock.clock.now())), ctx.signal);
      }
    }
    return jsonReply(200, agentView(job, mock.clock.now()));
  },

  listAgentJobs: ({ mock, now }) => {
    const accounts = [...mock.state.accounts.keys()];
    const summary: Record<string, { executing: number }> = {};
    const executing: Record<string, { jobId: string; elapsed: string }[]> = {};
    for (const a of accounts) {
      summary[a] = { executing: 0 };
      executing[a] = [];
    }
    for (const j of mock.state.agentJobs.values()) {
      if (agentStatus(j, now) !== 'started' || !executing[j.account]) continue;
      executing[j.account]!.push({ jobId: j.jobId, elapsed: elapsed(now - j.createdAt) });
      summary[j.account]!.executing += 1;
    }
    return jsonReply(200, { accounts, summary, executing });
  },

  getAgentJob: ({ mock, params, now }) => {
    const job = mock.state.agentJobs.get(params.jobId);
    const view = job ? agentView(job, now) : undefined;
    return view ? jsonReply(200, view) : errorReply(404, 'Job not found or expired after 31 days');
  },
};
