// Webhook delivery: the jobs with a `replyUrl` being watched, the deliveries emitted (bounded), POSTs chained per
// job (in order) and the real-clock tick that notices changes while nobody asks. Where a webhook may go is
// decided by `webhookRefusal` (webhooks.ts).
import type { ResolvedOptions } from './options.js';
import { setRealTimeout } from './env.js';
import { rewriteMedia } from './media.js';
import type { MockState } from './state.js';
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
  private disposed = false;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly host: WebhookHost) {}

  /** Forgets everything (a reset). */
  reset(): void {
    this.seq = 0;
    this.deliveries = [];
    this.pending.clear();
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  /** Stops the tick for good. */
  dispose(): void {
    this.disposed = true;
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  /** Resolves when every POST in flight has settled. */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Starts watching a job with a `replyUrl`. */
  watch(store: PendingWebhook['store'], id: string, url: string | undefined): void {
    if (!url) return;
    this.pending.set(`${store}:${id}`, { event: WEBHOOK_OF[store].event, store, id, url });
  }

  /** Emits the webhooks of every watched job whose state changed since it was last observed. */
  pump(): void {
    if (this.pending.size > 0) {
      const now = this.host.clock.now();
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
        if (final) this.pending.delete(key);
      }
    }
    this.tick();
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

  private tick(): void {
    if (this.disposed || this.ticker || this.pending.size === 0 || this.host.clock.mode !== 'real') return;
    if (!this.host.options.deliverWebhooks && !this.host.options.onWebhook) return;
    const ms = Math.max(50, Math.min(1000, Math.floor(this.host.options.jobMs / 20)));
    this.ticker = setRealTimeout(() => {
      this.ticker = undefined;
      this.pump();
    }, ms);
  }

}
