// The webhook receiver: a framework-agnostic `(request: Request) => Promise<Response>` (Node through
// `toNodeListener`, Hono, Next.js route handlers, Bun, Deno). Callbacks are unsigned and repeat: the receiver
// only matches one to a job (by `replyRef`, else by id) and wakes the job's follower, which re-fetches the job by
// id and trusts nothing but that answer. So repeated, late and out-of-order callbacks are harmless, and a
// forged one costs one GET.
import { describeJob, parseWebhook } from '@useapi-minimax/client';
import type { WebhookCorrelation } from './correlation.js';

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** Matches callbacks to jobs: a runner's `correlation`. */
  correlation: WebhookCorrelation;
  /** Largest body accepted (default 1 MiB; larger answers 413). */
  maxBodyBytes?: number | undefined;
  /** Called for each callback handled (matched or not), for logs. */
  onCallback?: ((event: { kind: string; id: string; replyRef: string | undefined; matched: string | undefined }) => void) | undefined;
}

/** A Web-standard request handler. */
export type WebhookHandler = (request: Request) => Promise<Response>;

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function readBounded(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The receiver. Answers 202 for a callback about a job of this runner (its follower re-fetches it), 404 for one
 * that is not, 400 for a body that is no job callback, 405 for anything but POST, 413 for a body over the limit.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookHandler {
  const limit = options.maxBodyBytes ?? 2 ** 20;
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const body = await readBounded(request, limit);
    if (!body) return text(413, `body larger than ${limit} bytes`);
    let event;
    try {
      event = parseWebhook(body);
    } catch {
      return text(400, 'not a job callback');
    }
    const ref = (event.payload as { replyRef?: unknown }).replyRef;
    const hint = { kind: event.kind, id: event.id, replyRef: typeof ref === 'string' ? ref : undefined, claimsFinal: describeJob(event.kind, event.payload as never).final };
    const key = await options.correlation.match(hint);
    options.onCallback?.({ kind: hint.kind, id: hint.id, replyRef: hint.replyRef, matched: key });
    if (key === undefined) return text(404, 'no such job');
    await options.correlation.notify(key, hint);
    return new Response(null, { status: 202 });
  };
}
