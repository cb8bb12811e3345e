// llm (legacy chat, decommissioned 2025-11-24): send (JSON or SSE), list, get, delete.
import { operations } from '../generated/operations.js';
import { errorReply, jsonReply } from '../engine/reply.js';
import { newestFirst, pageAfter, type ChatRecord } from '../engine/state.js';
import { isReply, type HandlerTable } from './types.js';

/** The schema of the reply stream's events (`x-sdk.event`). */
const REPLY_SCHEMA = operations.sendLlmMessage.event;

/** A chat as `GET /llm` lists it. */
export function chatView(c: ChatRecord): Record<string, unknown> {
  const last = c.messages[c.messages.length - 1];
  return {
    chatID: c.chatID, createTime: c.createdAt, updateTime: c.updatedAt, chatTitle: c.title, chatDescription: '', requestStatus: 0,
    isTop: false, chatStyle: '', robotID: 1, robotName: 'MiniMax', robotAvatar: { small: '', medium: '', large: '', oversize: '' },
    isPhoneMode: false, type: 0, attachments: [], abstractContent: last?.content.slice(0, 120) ?? '', canSearch: true, favoriteStatus: 0, model: c.model,
  };
}

/** A deterministic answer. */
function answer(prompt: string, model: string): string {
  const topic = prompt.replace(/\s+/g, ' ').trim();
  return `(${model}) Here is a short answer about "${topic.length > 60 ? `${topic.slice(0, 57)}…` : topic}": this is the mock's reply.`;
}

export const llmHandlers: Pick<HandlerTable, 'sendLlmMessage' | 'listLlmChats' | 'deleteLlmChats' | 'getLlmChat'> = {
  sendLlmMessage: ({ mock, params: p, now }) => {
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const model = p.model ?? 'mm-m1';
    let chat: ChatRecord | undefined;
    if (p.chatID !== undefined) {
      chat = mock.state.chats.get(p.chatID);
      if (!chat || chat.account !== account.account) return errorReply(400, `Parameter chatID: chat ${p.chatID} not found`);
    } else {
      const chatID = mock.digits();
      chat = { chatID, account: account.account, title: p.prompt.slice(0, 30), model, createdAt: now, updatedAt: now, messages: [] };
      mock.state.chats.set(chatID, chat);
    }
    const userMsg = mock.digits();
    const replyMsg = mock.digits();
    const content = answer(p.prompt, model);
    chat.messages.push({ msgID: userMsg, content: p.prompt, msgType: 'user', createdAt: now });
    chat.messages.push({ msgID: replyMsg, content, msgType: 'system', createdAt: now, parentMsgID: userMsg });
    chat.updatedAt = now;
    if (p.stream !== true) return jsonReply(200, { chatID: chat.chatID, msgID: replyMsg, content });
    const words = content.split(' ');
    const cuts = [Math.ceil(words.length / 3), Math.ceil((2 * words.length) / 3)];
    const events: Record<string, unknown>[] = cuts.map((n) => ({ chatID: chat.chatID, content: words.slice(0, n).join(' ') }));
    events.push({ chatID: chat.chatID, msgID: replyMsg, content });
    return mock.streamEvents(events, REPLY_SCHEMA, 'sendLlmMessage event');
  },

  listLlmChats: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const limit = params.limit ?? 20;
    const chats = [...mock.state.chats.values()].filter((c) => c.account === a.account).map((c) => ({ c, createdAt: c.updatedAt }));
    const ordered = newestFirst(chats).map((x) => x.c);
    const pageItems = pageAfter(ordered, (c) => c.chatID, params.lastChatID, limit);
    const last = pageItems[pageItems.length - 1];
    const hasMore = last !== undefined && ordered.indexOf(last) < ordered.length - 1;
    return jsonReply(200, { hasMore, limit, items: pageItems.map(chatView) });
  },

  deleteLlmChats: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    if (params.chatIDs === undefined && params.msgIDs === undefined) return errorReply(400, 'Parameter chatIDs or msgIDs is required');
    const mine = [...mock.state.chats.values()].filter((c) => c.account === a.account);
    if (params.chatIDs !== undefined) {
      const ids = params.chatIDs === 'all' ? mine.map((c) => c.chatID) : params.chatIDs.split(',').map((s) => s.trim());
      for (const id of ids) if (mock.state.chats.get(id)?.account === a.account) mock.state.chats.delete(id);
    }
    if (params.msgIDs !== undefined) {
      const ids = new Set(params.msgIDs.split(',').map((s) => s.trim()));
      for (const c of mine) c.messages = c.messages.filter((m) => !ids.has(m.msgID));
    }
    return jsonReply(200, {});
  },

  getLlmChat: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const chat = mock.state.chats.get(params.chatID);
    if (!chat || chat.account !== a.account) return mock.notFound('getLlmChat', params);
    return jsonReply(200, {
      messages: chat.messages.map((m) => ({
        msgID: m.msgID, createTime: m.createdAt, content: m.content, msgType: m.msgType, requestStatus: 0, isEnd: 1, chatID: chat.chatID,
        ...(m.parentMsgID ? { parentMsgID: m.parentMsgID, canEdit: false } : {}),
      })),
    });
  },
};
