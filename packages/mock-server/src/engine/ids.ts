// The API's identifier shapes: `user:<uid>-minimax:<account>-<kind>:<digits>` and, for agent jobs,
// `p<digits>-u<uid>-a<account>-bot:minimax`.

/** The kinds of resource ids that embed an account. */
export type IdKind = 'video' | 'image' | 'file' | 'music' | 'audio';

// The ids are joined, not templated: a template literal makes a rope of cons strings, and an id is kept (as a
// store's key and in its record) for the life of the mock.

/** Builds a resource id. */
export function makeId(uid: string, account: string, kind: IdKind, digits: string): string {
  return ['user:', uid, '-minimax:', account, '-', kind, ':', digits].join('');
}

/** The parts of a resource id, or `undefined` when it does not have the documented shape. */
export function parseId(id: string): { uid: string; account: string; kind: string; digits: string } | undefined {
  const m = /^user:([^-]+)-minimax:([^-]+)-([a-z]+):(.+)$/.exec(id);
  if (!m) return undefined;
  return { uid: m[1] as string, account: m[2] as string, kind: m[3] as string, digits: m[4] as string };
}

/** Builds an agent job id. */
export function makeAgentJobId(uid: string, account: string, digits: string): string {
  return ['p', digits, '-u', uid, '-a', account, '-bot:minimax'].join('');
}

/** The account of an agent job id. */
export function agentJobAccount(jobId: string): string | undefined {
  return /^p\d+-u[^-]+-a([^-]+)-bot:minimax$/.exec(jobId)?.[1];
}
