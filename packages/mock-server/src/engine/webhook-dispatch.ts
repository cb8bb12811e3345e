// Webhook delivery: the jobs with a `replyUrl` being watched, the deliveries emitted (bounded), POSTs chained per
// job (in order) and the real-clock timer that notices changes while nobody asks: armed for the instant the next
// watched job becomes final (so its callback goes out then, not up to a tick later), and every jobMs/20 while a
// job that reports progress runs. Where a webhook may go is decided by `webhookRefusal` (webhooks.ts).
import type { ResolvedOptions } from './options.js';
import { setRealTimeout } from './env.js';
import { agentEnd } from './lifecycle.js';
import { rewriteMedia } from './media.js';
import type { AgentJobRecord, JobBase, MockState } from './state.js';
import { WEBHOOK_OF, WEBHOOK_SCHEMA, webhookRefusal, type PendingWebhook, type WebhookDelivery } from './webhooks.js';

/** What delivery needs of the engine. */
export interface WebhookHost {
  readonly options: ResolvedOptions;
  readonly state: MockState;
  readonly clock: { readonly mode: 'manual' | 'real'; now(): number };
  readonly selfPorts: ReadonlySet<number>;
  readonly selfHosts: ReadonlySet<string>;
  readonly mediaOrigin: string | undefined;
  viewOf(store: PendingWebhook['store'], id: string, now?: number): Record<string, any> | undefined;
  checkEmitted(where: string, pointer: string, value: unknown): void;
}

/** The webhooks of one mock. */
export class WebhookDispatcher {
  /** Every webhook emitted (the newest 1000–2000). */
  deliveries: WebhookDelivery[] = [];
  /** Watched jobs by `<store>:<id>`. */
  readonly pending = new Map<string, PendingWebhook>();
  private seq = 0;
  private ticker: { cancel(): void } | undefined;
  /** The virtual instant the armed timer fires at. */
  private tickAt = Infinity;
  private disposed = false;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly host: WebhookHost) {}

  /** Forgets everything (a reset). */
  reset(): void {
    this.seq = 0;
    this.deliveries = [];
    this.pending.clear();
    this.disarm();
  }

  private disarm(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
    this.tickAt = Infinity;
  }

  /** Stops the tick for good. */
  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  /** Resolves when every POST in flight has settled. */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Starts watching a job with a `replyUrl`. */
  watch(store: PendingWebhook['store'], id: string, url: string | undefined): void {
    if (!url) return;
    this.pending.set(`${store}:${id}`, { event: WEBHOOK_OF[store].event, store, id, url });
    // The engine pumps after the request that created the job, which (re-)arms the timer for it.
  }

  /** Emits the webhooks of every watched job whose state changed since it was last observed. */
  pump(): void {
    // When the timer should next look: the first instant a watched job becomes final, and the next progress
    // step while a job that reports progress runs.
    let next = Infinity;
    const now = this.host.clock.now();
    if (this.pending.size > 0) {
      for (const [key, p] of this.pending) {
        const record = this.host.state[p.store].get(p.id) as { untracked?: boolean; replyRef?: string; audioId?: string } | undefined;
        const view = record && !record.untracked ? this.host.viewOf(p.store, p.id, now) : undefined;
        if (!record || !view) {
          this.pending.delete(key);
          continue;
        }
        const final = p.store === 'agentJobs' ? view.status !== 'started' : view.statusFinal === true;
        const state = JSON.stringify([view.status, view.statusLabel, view.statusFinal, view.percent]);
        if (state !== p.last && (WEBHOOK_OF[p.store].progress || final)) {
          p.last = state;
          let payload: Record<string, unknown> = view;
          if (p.store === 'speech') payload = { ...view, audioId: p.id, ...(record.replyRef ? { replyRef: record.replyRef } : {}) };
          else if (p.store !== 'agentJobs' && record.replyRef) payload = { ...view, replyRef: record.replyRef };
          this.emit(p, payload, final, now);
        }
        if (final) {
          this.pending.delete(key);
          continue;
        }
        const due = finalAt(p.store, record as JobBase & { cancelledAt?: number });
        next = Math.min(next, due > now ? due : now + this.stepMs(), WEBHOOK_OF[p.store].progress ? now + this.stepMs() : Infinity);
      }
    }
    this.arm(next, now);
  }

  /** The progress step of the timer: jobMs/20, 50 ms to 1 s. */
  private stepMs(): number {
    return Math.max(50, Math.min(1000, Math.floor(this.host.options.jobMs / 20)));
  }

  private emit(p: PendingWebhook, emitted: Record<string, unknown>, final: boolean, now: number): void {
    let payload = emitted;
    this.host.checkEmitted(`${p.event} webhook`, WEBHOOK_SCHEMA[p.event], payload);
    if (this.host.mediaOrigin) payload = JSON.parse(rewriteMedia(JSON.stringify(payload), this.host.mediaOrigin)) as Record<string, unknown>;
    const delivery: WebhookDelivery = { seq: ++this.seq, event: p.event, url: p.url, jobId: p.id, payload, final, time: now };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 2000) this.deliveries.splice(0, this.deliveries.length - 1000);
    try {
      this.host.options.onWebhook?.(delivery);
    } catch { /* a listener's error is not the mock's */ }
    if (!this.host.options.deliverWebhooks) return;
    const refused = webhookRefusal(p.url, { allowedHosts: this.host.options.webhookHosts, selfPorts: this.host.selfPorts, selfHosts: this.host.selfHosts, baseUrls: this.host.options.baseUrls });
    if (refused) {
      delivery.error = `not delivered: ${refused}`;
      return;
    }
    const previous = this.chains.get(p.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        // No redirects: a receiver must not bounce the POST to a host (or the mock) it was not allowed to reach.
        const res = await fetch(p.url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
        delivery.status = res.status;
        await res.body?.cancel();
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
    });
    this.chains.set(p.id, next);
    this.inflight.add(next);
    void next.finally(() => {
      this.inflight.delete(next);
      if (this.chains.get(p.id) === next) this.chains.delete(p.id);
    });
  }

  /** (Re-)arms the real-clock timer for `at` (virtual ms), unless one fires sooner already. */
  private arm(at: number, now: number): void {
    if (this.disposed || this.pending.size === 0 || this.host.clock.mode !== 'real' || at === Infinity) {
      if (this.pending.size === 0) this.disarm();
      return;
    }
    if (!this.host.options.deliverWebhooks && !this.host.options.onWebhook) return;
    if (this.ticker && this.tickAt <= at) return;
    this.ticker?.cancel();
    this.tickAt = at;
    this.ticker = setRealTimeout(() => {
      this.ticker = undefined;
      this.tickAt = Infinity;
      this.pump();
    }, Math.max(0, at - now));
  }
}

/** The virtual instant a job becomes final (cancelled, or its duration run). */
function finalAt(store: PendingWebhook['store'], record: JobBase & { cancelledAt?: number }): number {
  const end = store === 'agentJobs' ? agentEnd(record as AgentJobRecord) : record.createdAt + record.durationMs;
  return record.cancelledAt !== undefined ? Math.min(end, record.cancelledAt) : end;
}
