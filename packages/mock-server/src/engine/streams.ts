// Server-sent event replies: one that follows a job until it is final (real clock) or replays its progress
// (manual clock), and one of fixed events. Every event is drift-checked and has its media URLs placed.
import { sleepReal } from './env.js';
import { utf8, type MockReply } from './reply.js';

/** What a stream needs of the engine. */
export interface StreamHost {
  readonly clock: { readonly mode: 'manual' | 'real' };
  readonly options: { readonly jobMs: number };
  checkEmitted(where: string, pointer: string, value: unknown): void;
  media$(text: string): string;
}

/** What `streamJob` follows: the job's view, when it is final, the events sent first, the schema. */
export interface StreamJobOptions {
  view: () => Record<string, any> | undefined;
  isFinal: (view: Record<string, any>) => boolean;
  synthetic: Record<string, any>[];
  schema: string;
  where: string;
  signal: AbortSignal | undefined;
}

/**
 * An SSE reply that follows a job: on the manual clock the job was created final and the given progress
 * snapshots are sent first; on the real clock snapshots are sent as the job changes until it is final.
 */
export function streamJob(engine: StreamHost, options: StreamJobOptions): MockReply {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: Record<string, any>) => {
        engine.checkEmitted(options.where, options.schema, event);
        controller.enqueue(utf8(engine.media$(`data: ${JSON.stringify(event)}\n\n`)));
      };
      const run = async () => {
        try {
          if (engine.clock.mode === 'manual') {
            for (const event of options.synthetic) send(event);
            const last = options.view();
            if (last) send(last);
          } else {
            let previous = '';
            const tickMs = Math.max(20, Math.min(1000, Math.floor(engine.options.jobMs / 20)));
            for (;;) {
              if (cancelled || options.signal?.aborted) return;
              const view = options.view();
              if (!view) break;
              const key = JSON.stringify(view);
              if (key !== previous) {
                previous = key;
                send(view);
              }
              if (options.isFinal(view)) break;
              await sleepReal(tickMs, options.signal);
            }
          }
          if (!cancelled) controller.close();
        } catch (error) {
          if (!cancelled) controller.error(error);
        }
      };
      void run();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, body };
}

/** An SSE reply of fixed events. */
export function streamEvents(engine: StreamHost, events: Record<string, any>[], schema: string, where: string): MockReply {
  for (const event of events) engine.checkEmitted(where, schema, event);
  const text = engine.media$(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''));
  return { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, body: text };
}

