// accounts: GET/POST /accounts, GET/DELETE /accounts/{account}, GET /features.
import type { components } from '../generated/schema.js';
import { emptyReply, errorReply, jsonReply } from '../engine/reply.js';
import type { AccountRecord } from '../engine/state.js';
import { isReply, type HandlerTable } from './types.js';

type Account = components['schemas']['Account'];

/** The `Account` object of a record (JWT masked). */
export function accountView(a: AccountRecord): Account {
  const view: Account = {
    account: a.account,
    jwt: {
      token: a.maskedToken,
      user: { deviceID: a.deviceId, id: a.account, isAnonymous: false, name: a.name, avatar: '' },
      exp: a.exp / 1000,
      iat: a.iat / 1000,
      host: a.host,
      searchParams: a.searchParams,
      iat_Issued: new Date(a.iat).toISOString(),
      exp_Expire: new Date(a.exp).toISOString(),
    },
    maxJobs: a.maxJobs,
    supportVideo: a.supportVideo,
    supportChat: a.supportChat,
    supportAudio: a.supportAudio,
  };
  if (a.error) view.error = a.error;
  return view;
}

/** Whether epoch milliseconds make a valid `Date`. */
function representable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** Decodes a JWT's payload (no signature check: the mock trusts what it is given). */
function decodeJwt(token: string): Record<string, any> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(b64.padEnd(b64.length + ((4 - (b64.length % 4)) % 4), '=')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const payload = JSON.parse(json) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, any>) : undefined;
  } catch {
    return undefined;
  }
}

export const accountsHandlers: Pick<HandlerTable, 'listAccounts' | 'createAccount' | 'getAccount' | 'deleteAccount' | 'getFeatures'> = {
  listAccounts: ({ mock }) => {
    if (mock.state.accounts.size === 0) return errorReply(404, 'Configuration not found');
    const map: Record<string, Account> = {};
    for (const a of mock.state.accounts.values()) map[a.account] = accountView(a);
    return jsonReply(200, map);
  },

  createAccount: ({ mock, params, now }) => {
    const payload = decodeJwt(params.token);
    const user = payload?.user as Record<string, unknown> | undefined;
    const id = typeof user?.id === 'string' || typeof user?.id === 'number' ? String(user.id) : undefined;
    if (!payload || !id || !/^\d{1,64}$/.test(id)) return errorReply(400, 'Parameter token is not a valid MiniMax token (a JWT whose payload has user.id)');
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : now + 30 * 24 * 3_600_000;
    const iat = typeof payload.iat === 'number' ? payload.iat * 1000 : now;
    // Dates the account's view shows (`exp_Expire`, `iat_Issued`) must exist: checked before anything is stored.
    if (!representable(exp) || !representable(iat)) return errorReply(400, 'Parameter token has an exp or iat outside the range of dates (seconds since 1970, up to year 275760)');
    if (exp <= now) return errorReply(400, 'Parameter token has expired; capture a fresh one on hailuoai.video');
    let host = 'hailuoai.video';
    let search = '';
    try {
      const url = new URL(params.url);
      host = url.hostname.replace(/^www\./, '');
      search = url.search.replace(/^\?/, '');
    } catch {
      return errorReply(400, 'Parameter url must be a valid uri');
    }
    const previous = mock.state.accounts.get(id);
    const record = mock.makeAccount({ account: id, maxJobs: params.maxJobs, credits: previous?.credits ?? 3260 }, mock.state.accounts.size, now);
    record.iat = iat;
    record.exp = exp;
    record.host = host;
    record.searchParams = search || record.searchParams;
    record.name = typeof user?.name === 'string' ? user.name : '';
    record.supportChat = false;
    record.supportAudio = host !== 'hailuoai.com';
    mock.state.accounts.set(id, record);
    return jsonReply(201, accountView(record));
  },

  getAccount: ({ mock, params }) => {
    const a = mock.state.accounts.get(params.account);
    return a ? jsonReply(200, accountView(a)) : errorReply(404, 'Configuration not found');
  },

  deleteAccount: ({ mock, params }) => {
    if (!mock.state.accounts.delete(params.account)) {
      return errorReply(404, 'Configuration not found', { extra: { errorDetails: `Account ${params.account} is not configured` } });
    }
    return emptyReply(204);
  },

  getFeatures: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const running = mock.executingVideos(a.account);
    return jsonReply(200, {
      privilegeType: 1,
      totalCredits: a.credits,
      expireText: '80 points will expire within 24 hours',
      videoCost: 25,
      queueLength: running,
      memberName: 'Standard',
      memberText: 'Standard membership',
      isNewUser: false,
      creditExpireText: [{ credit: 80, endTime: mock.clock.now() + 24 * 3_600_000 }],
      modelControl: [
        { modelId: '23000', videoCost: 25, isMember: true, freeCount: 0, durations: [6], resolutions: [720], modes: [], videoCosts: [25] },
        { modelId: '23102', videoCost: 40, isMember: true, freeCount: 0, durations: [6, 10], resolutions: [768, 1080], modes: [], videoCosts: [40, 80] },
        { modelId: 'image-01', videoCost: 1, isMember: true, freeCount: 0, durations: [], resolutions: [], modes: [], videoCosts: [1] },
      ],
      imageQueueLength: 0,
    });
  },
};
