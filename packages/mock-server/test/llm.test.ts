// llm family (legacy chat): send (multipart only; JSON or SSE), list, get, delete.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, sseEvents, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('llm (legacy) via %s', (t) => {
  it('starts and continues a chat, streams partial replies, lists and reads it', () =>
    withHarness(t, {}, async (h) => {
      const first = await h.call({ path: '/llm', form: { prompt: 'What is the capital of France?', file: new File(['notes'], 'notes.txt', { type: 'text/plain' }) } });
      expect(first.status).toBe(200);
      const { chatID, msgID, content } = first.json;
      expect(content).toContain('capital of France');
      const stream = await h.call({ path: '/llm', form: { prompt: 'And Italy?', chatID, stream: 'true' } });
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = sseEvents(stream.text);
      expect(events.length).toBe(3);
      expect(events.every((e) => e.chatID === chatID)).toBe(true);
      expect(events.at(-1).content.startsWith(events[0].content)).toBe(true);
      const messages = (await h.call({ path: `/llm/${chatID}` })).json.messages;
      expect(messages.map((m: any) => m.msgType)).toEqual(['user', 'system', 'user', 'system']);
      expect(messages[1]).toMatchObject({ msgID, parentMsgID: messages[0].msgID });
      const list = (await h.call({ path: '/llm?limit=1' })).json;
      expect(list).toMatchObject({ hasMore: true, limit: 1 });
      expect(list.items[0].chatID).toBe(chatID);
      const rest = (await h.call({ path: `/llm?limit=5&lastChatID=${chatID}` })).json;
      expect(rest).toMatchObject({ hasMore: false });
      expect(rest.items).toHaveLength(2);
    }));

  it('deletes messages, chats and all chats; needs chatIDs or msgIDs', () =>
    withHarness(t, {}, async (h) => {
      const { chatID, msgID } = (await h.call({ path: '/llm', form: { prompt: 'hi' } })).json;
      expect((await h.call({ method: 'DELETE', path: '/llm' })).json).toEqual({ error: 'Parameter chatIDs or msgIDs is required', code: 400 });
      expect((await h.call({ method: 'DELETE', path: `/llm?msgIDs=${msgID}` })).status).toBe(200);
      expect((await h.call({ path: `/llm/${chatID}` })).json.messages).toHaveLength(1);
      expect((await h.call({ method: 'DELETE', path: `/llm?chatIDs=${chatID}` })).status).toBe(200);
      expect((await h.call({ path: `/llm/${chatID}` })).status).toBe(404);
      expect((await h.call({ method: 'DELETE', path: '/llm?chatIDs=all' })).status).toBe(200);
      expect((await h.call({ path: '/llm' })).json.items).toEqual([]);
    }));

  it('accepts multipart only and validates fields', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/llm', json: { prompt: 'hi' } })).json.error).toMatch(/^Content-Type must be multipart\/form-data/);
      expect((await h.call({ path: '/llm', form: { prompt: 'hi', model: 'gpt' } })).json.error).toBe('Parameter model must be one of: mm-m1, mm-01, ds-r1');
      expect((await h.call({ path: '/llm', form: { prompt: 'hi', chatID: 'nope' } })).json.error).toMatch(/^Parameter chatID/);
      const files = Array.from({ length: 11 }, (_, i) => new File(['x'], `f${i}.txt`));
      expect((await h.call({ path: '/llm', form: { prompt: 'hi', file: files } })).json.error).toBe('Parameter file accepts at most 10 items');
    }));
});
