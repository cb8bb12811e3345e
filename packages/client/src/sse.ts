// A `text/event-stream` parser: an async iterator of events whose JSON data is parsed. Linear in the input: each
// character is looked at once, however long a line is and however it is split into chunks.
import type { ServerSentEvent } from './resource-types.js';
import type { StreamControl } from './transport.js';

const LF = 10;
const CR = 13;

/**
 * Parses an event stream (`data:`, `event:`, `id:` fields; `:` comments; events end at a blank line; CRLF, CR
 * or LF line ends). `data` is JSON-parsed when it is JSON, else kept as text. Leaving the loop early (`break`)
 * cancels the stream. An event not terminated by a blank line at the end of the stream is still delivered. With
 * a call's `control`, each chunk restarts its idle budget, its abort or timeout ends the loop with the typed
 * error, and a cut connection is a `ConnectionError`.
 */
export async function* parseEventStream<T = unknown>(stream: ReadableStream<Uint8Array>, control: Partial<StreamControl> = {}): AsyncGenerator<ServerSentEvent<T>> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  /** The start of the current line, as received so far (no line end in it yet). */
  let pending: string[] = [];
  /** The last chunk ended with a CR: a LF at the start of the next one belongs to it. */
  let afterCR = false;
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
  /** Handles one line; true when it ends an event that has data. */
  const field = (line: string): boolean => {
    if (line === '') return data.length > 0;
    if (line.charCodeAt(0) === 58 /* : */) return false;
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1);
    if (key === 'data') data.push(value);
    else if (key === 'event') name = value;
    else if (key === 'id') id = value;
    return false;
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await (control.guard ? Promise.race([reader.read(), control.guard]) : reader.read());
      } catch (error) {
        throw control.toError ? control.toError(error) : error;
      }
      const { done, value } = chunk;
      control.tick?.();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      if (afterCR && text.charCodeAt(0) === LF) start = 1;
      if (text.length) afterCR = false;
      for (let pos = start; pos < text.length; pos++) {
        const c = text.charCodeAt(pos);
        if (c !== LF && c !== CR) continue;
        const line = pending.length ? pending.join('') + text.slice(start, pos) : text.slice(start, pos);
        pending = [];
        if (c === CR) {
          if (pos + 1 === text.length) afterCR = true;
          else if (text.charCodeAt(pos + 1) === LF) pos++;
        }
        start = pos + 1;
        if (field(line)) yield emit();
      }
      if (start < text.length) pending.push(text.slice(start));
      if (done) {
        // The last line had no line end.
        const last = pending.join('');
        pending = [];
        if (last.startsWith('data:')) field(last);
        if (data.length) yield emit();
        finished = true;
        return;
      }
    }
  } finally {
    if (!finished) reader.cancel().catch(() => {});
    control.release?.();
  }
}
