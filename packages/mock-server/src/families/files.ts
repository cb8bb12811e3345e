// files: raw-body upload, the retired list (always empty) and delete.
import { jsonReply } from '../engine/reply.js';
import { makeId } from '../engine/ids.js';
import { isReply, type HandlerTable } from './types.js';

const EXTENSION: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/wave': 'wav', 'video/mp4': 'mp4',
};

/** The `YYYY-MM-DD-HH` path segment of an epoch. */
export function ossDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace('T', '-');
}

export { EXTENSION };

export const filesHandlers: Pick<HandlerTable, 'uploadFile' | 'listFiles' | 'deleteFile'> = {
  uploadFile: (ctx) => {
    const { mock, params, raw, now } = ctx;
    const account = mock.accountRule(params.account);
    if (isReply(account)) return account;
    const refusal = ctx.upstream(account, {});
    if (refusal) return refusal;
    const id = mock.digits();
    const fileID = makeId(ctx.userId, account.account, 'file', id);
    const contentType = raw?.contentType ?? 'application/octet-stream';
    const ossPath = `moss/prod/${ossDay(now)}/user/multi_chat_file/${now}-${id.slice(-5)}.${EXTENSION[contentType] ?? 'bin'}`;
    mock.state.files.set(fileID, { fileID, id, account: account.account, ossPath, contentType, size: raw?.bytes.length ?? 0, createdAt: now, kind: 'file' });
    return jsonReply(200, { ossPath, fileID });
  },

  listFiles: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    // Retired upstream in March 2025: the endpoint answers an empty list.
    return jsonReply(200, []);
  },

  deleteFile: ({ mock, params }) => {
    mock.state.files.delete(params.fileID);
    return jsonReply(200, {});
  },
};
