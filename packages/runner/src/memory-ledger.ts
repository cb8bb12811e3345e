// The in-memory index every single-process ledger keeps: records by key in submission order, the replyRef
// index, uploads and claims. `createMemoryLedger` is only this; the file ledger persists each event first.
import { randomBytes } from 'node:crypto';
import { applyEvent, LedgerError, type Claim, type JobRecord, type Ledger, type LedgerEvent, type UploadRecord } from './ledger.js';

/** The state of a ledger in one process. */
export class LedgerIndex {
  readonly records = new Map<string, JobRecord>();
  readonly byReplyRef = new Map<string, string>();
  readonly uploads = new Map<string, UploadRecord>();
  private readonly claims = new Map<string, { owner: string; token: number; until: number }>();
  private tokens = 0;

  /** Applies an event (throws `LedgerError` for one out of order). */
  apply(key: string, event: LedgerEvent): JobRecord {
    const next = applyEvent(this.records.get(key), key, event);
    this.records.set(key, next);
    if (event.type === 'submitted') this.byReplyRef.set(event.replyRef, key);
    return next;
  }

  /** Checks a claim is still held (for `append`). */
  check(claim: Claim | undefined): void {
    if (!claim) return;
    const held = this.claims.get(claim.key);
    if (!held || held.token !== claim.token) throw new LedgerError(`job ${claim.key}: the claim of ${claim.owner} was lost`);
  }

  claim(key: string, owner: string, ttlMs: number, now = Date.now()): Claim | undefined {
    const held = this.claims.get(key);
    if (held && held.until > now && held.owner !== owner) return undefined;
    const token = ++this.tokens;
    this.claims.set(key, { owner, token, until: now + ttlMs });
    return { key, owner, token };
  }

  renew(claim: Claim, ttlMs: number, now = Date.now()): boolean {
    const held = this.claims.get(claim.key);
    if (!held || held.token !== claim.token) return false;
    held.until = now + ttlMs;
    return true;
  }

  release(claim: Claim): void {
    if (this.claims.get(claim.key)?.token === claim.token) this.claims.delete(claim.key);
  }

  static uploadKey(account: string, sha256: string): string {
    return `${account}\u0000${sha256}`;
  }
}

/** A new ledger id: 12 random base-32 characters. */
export function newLedgerId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(12)].map((b) => alphabet[b % 32]).join('');
}

/** The reads, claims and upload lookups every single-process ledger answers from its index. */
export function indexReads(index: LedgerIndex): Pick<Ledger, 'get' | 'list' | 'findByReplyRef' | 'claim' | 'renew' | 'release' | 'getUpload'> {
  return {
    get: async (key) => index.records.get(key),
    list: async () => [...index.records.values()],
    findByReplyRef: async (replyRef) => {
      const key = index.byReplyRef.get(replyRef);
      return key === undefined ? undefined : index.records.get(key);
    },
    claim: async (key, owner, ttlMs) => index.claim(key, owner, ttlMs),
    renew: async (claim, ttlMs) => index.renew(claim, ttlMs),
    release: async (claim) => index.release(claim),
    getUpload: async (account, sha256) => index.uploads.get(LedgerIndex.uploadKey(account, sha256)),
  };
}

/** A ledger that keeps nothing when the process ends (tests, one-off scripts whose jobs you follow to the end). */
export function createMemoryLedger(options: { id?: string } = {}): Ledger {
  const index = new LedgerIndex();
  return {
    id: options.id ?? newLedgerId(),
    location: 'memory',
    ...indexReads(index),
    append: async (key, event, claim) => {
      index.check(claim);
      return index.apply(key, event);
    },
    putUpload: async (upload) => {
      index.uploads.set(LedgerIndex.uploadKey(upload.account, upload.sha256), upload);
    },
    close: async () => {},
  };
}
