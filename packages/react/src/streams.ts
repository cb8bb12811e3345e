// Mutations of streaming operations (`POST /videos/agent-create`) resolve with the stream's last event.
import type { EventStream } from '@useapi-minimax/client';

/** Reads an event stream to its end, calling `onEvent` per event; resolves with the last event's data. */
export async function lastEvent<T>(stream: Promise<EventStream<T>>, onEvent?: (data: T) => void): Promise<T | undefined> {
  let last: T | undefined;
  for await (const event of await stream) {
    onEvent?.(event.data);
    last = event.data;
  }
  return last;
}
