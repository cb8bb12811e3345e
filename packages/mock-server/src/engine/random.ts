// A small seeded PRNG (mulberry32): the mock's sample data, ids and chaos faults are a function of the seed.

/** Scratch char codes of `digits` (one array reused: the call is synchronous and the string is copied out). */
const DIGIT_CODES: number[] = [];

/** Deterministic random numbers from a seed. */
export class Random {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * A string of `length` (at least 1) decimal digits that does not start with 0. Built in one piece from char codes:
   * a `+=` chain makes a rope of cons strings, which every id kept in a store would carry (about 150 bytes more per
   * id), and joining an array of numbers converts each one to a string first (~0.4 µs of every create).
   */
  digits(length: number): string {
    const codes = DIGIT_CODES;
    codes.length = length;
    codes[0] = 0x30 + this.int(1, 9);
    for (let i = 1; i < length; i++) codes[i] = 0x30 + this.int(0, 9);
    return String.fromCharCode.apply(null, codes);
  }

  /** A lowercase hex string. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.int(0, 15).toString(16);
    return out;
  }

  /** A UUID-shaped string (version 4 layout). */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** FNV-1a hash of a string, for string seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
