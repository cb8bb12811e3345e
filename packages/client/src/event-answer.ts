// How an event-stream answer is read (only the functions of operations that stream ship it): a streaming call gets
// the events (a create's stream must hold at least one, and its errors are the create's); a JSON call answered with
// a stream gets its last event's JSON object.
import type { ServerSentEvent } from './resource-types.js';
import { parseEventStream } from './sse.js';
import type { StreamControl } from './transport.js';

/** The events of `events`; `empty()` is thrown when it ends without any. */
async function* atLeastOne<T>(events: AsyncGenerator<T>, empty: () => Error): AsyncGenerator<T> {
  let any = false;
  for await (const event of events) {
    any = true;
    yield event;
  }
  if (!any) throw empty();
}

/** The events, every error thrown through `lost` (a create's: the job may exist). */
async function* guarded<T>(events: AsyncGenerator<T>, lost: (error: unknown) => unknown): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (error) {
    throw lost(error);
  }
}

/**
 * The value of a 2xx `text/event-stream` answer: the events when `streaming` (for a create, at least one, its
 * errors through `lost`); else the last event's JSON object. `unexpected` builds the typed error of an unusable answer.
 */
export async function readEventAnswer(
  body: ReadableStream<Uint8Array>,
  control: StreamControl,
  streaming: boolean,
  unexpected: (what: string) => Error,
  lost?: (error: unknown) => unknown,
): Promise<unknown> {
  const events: AsyncGenerator<ServerSentEvent> = parseEventStream(body, control);
  // A create's stream that ends before its first event leaves the caller without the job's id.
  if (streaming) return lost ? guarded(atLeastOne(events, () => unexpected('an event stream that ended without any event')), lost) : events;
  // Asked for JSON, answered a stream: its last event is the answer.
  let last: unknown;
  for await (const event of events) last = event.data;
  if (last !== null && typeof last === 'object') return last;
  throw unexpected('an event stream without a JSON object where JSON was expected');
}
