// A `text/event-stream` parser: an async iterator of events whose JSON data is parsed.
import type { ServerSentEvent } from './resource-types.js';

/** Hooks of a stream read by the client: a promise that rejects on abort/timeout, a per-chunk tick, an end. */
export interface StreamControl {
  guard?: Promise<never>;
  onChunk?: () => void;
  onEnd?: () => void;
}

/**
 * Parses an event stream (`data:`, `event:`, `id:` fields; `:` comments; events end at a blank line; CRLF, CR
 * or LF line ends). `data` is JSON-parsed when it is JSON, else kept as text. Leaving the loop early (`break`)
 * cancels the stream. An event not terminated by a blank line at the end of the stream is still delivered.
 */
export async function* parseEventStream<T = unknown>(stream: ReadableStream<Uint8Array>, control: StreamControl = {}): AsyncGenerator<ServerSentEvent<T>> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let name: string | undefined;
  let id: string | undefined;
  let finished = false;
  const emit = (): ServerSentEvent<T> => {
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const ev: ServerSentEvent<T> = { ...(name !== undefined ? { event: name } : {}), ...(id !== undefined ? { id } : {}), data: parsed as T };
    data = [];
    name = undefined;
    return ev;
  };
  try {
    for (;;) {
      const { done, value } = await (control.guard ? Promise.race([reader.read(), control.guard]) : reader.read());
      control.onChunk?.();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let match: RegExpExecArray | null;
      // A lone trailing CR may be the first half of a CRLF: wait for the next chunk unless the stream ended.
      const lineEnd = done ? /\r\n|\r|\n/ : /\r\n|\r(?=[^\n])|\n/;
      while ((match = lineEnd.exec(buffer))) {
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          if (data.length) yield emit();
          continue;
        }
        if (line[0] === ':') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let v = colon < 0 ? '' : line.slice(colon + 1);
        if (v[0] === ' ') v = v.slice(1);
        if (field === 'data') data.push(v);
        else if (field === 'event') name = v;
        else if (field === 'id') id = v;
      }
      if (done) {
        if (buffer) {
          // The last line had no line end.
          const line = buffer;
          buffer = '';
          if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
        }
        if (data.length) yield emit();
        finished = true;
        return;
      }
    }
  } finally {
    if (!finished) reader.cancel().catch(() => {});
    control.onEnd?.();
  }
}
