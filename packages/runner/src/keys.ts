// Job keys: what makes a rerun do nothing new. A key is given, or derived from the job's content; the replyRef
// every create carries is derived from the ledger's id and the key, so a lookup can find this job's creates and
// never another batch's.
import { createHash } from 'node:crypto';

/** Longest key (it names files and goes, hashed, into `replyRef`). */
export const MAX_KEY_LENGTH = 200;

/** Checks a key: 1–200 printable characters, no line breaks. Returns the problem, or undefined. */
export function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'must be a non-empty string';
  if (key.length > MAX_KEY_LENGTH) return `must be at most ${MAX_KEY_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'must not contain control characters or line breaks';
  return undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted object keys: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A key from a job's content: `<kind>-<12 hex of sha256(kind, input)>`, with `-2`, `-3`, … for the second and
 * later identical jobs of one batch (`occurrence`). Stable when lines are reordered or added; an edited line is a
 * new job.
 */
export function contentKey(kind: string, input: unknown, occurrence = 1): string {
  const base = `${kind}-${sha256(canonicalJson([kind, input])).slice(0, 12)}`;
  return occurrence > 1 ? `${base}-${occurrence}` : base;
}

/**
 * The `replyRef` of a job: `mmr1-<ledger id>-<24 hex of sha256(ledger id, key)>` (≤ 1024 characters, as the API
 * allows). Deterministic: every attempt of the job, in any process, sends the same one.
 */
export function replyRefFor(ledgerId: string, key: string): string {
  return `mmr1-${ledgerId}-${sha256(`${ledgerId}\u0000${key}`).slice(0, 24)}`;
}

/** Whether `replyRef` is one that {@link replyRefFor} derives for ledger `ledgerId` (a job of that ledger). */
export function isReplyRefOf(ledgerId: string, replyRef: unknown): boolean {
  return typeof replyRef === 'string' && replyRef.startsWith(`mmr1-${ledgerId}-`);
}

/**
 * A file name from a key: the key itself when it is made of letters, digits, `.`, `_` and `-` (≤ 120 characters);
 * otherwise those characters kept, the rest `_`, plus 6 hex of the key's hash (two keys never share a name).
 */
export function fileStem(key: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/.test(key)) return key;
  const stem = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 100);
  return `${stem || 'job'}-${sha256(key).slice(0, 6)}`;
}
