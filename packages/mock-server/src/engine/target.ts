// The path and query of a request URL. A plain absolute URL (`http(s)://host[:port]/path[?query]` with only
// characters the WHATWG parser keeps as they are, and no dot segments) is split by hand; anything else goes
// through `URL`. Both give the same `pathname`, `search` and `searchParams`; the hand split only saves the URL
// object on the hot path (the adapters' URLs are plain: the server builds them, a `Request` has normalized them).

/** The parts of a request URL the engine reads (a `URL` is one). */
export interface RequestTarget {
  /** The path, as `URL.pathname`. */
  readonly pathname: string;
  /** `?…`, or `''` without a query, as `URL.search`. */
  readonly search: string;
  /** The query's parameters. */
  readonly searchParams: URLSearchParams;
}

/** Path characters the URL parser leaves as they are (no `\`, no space, nothing to percent-encode). */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
/** A `.`/`..` segment, written or percent-encoded (the parser resolves them): such paths take the parser. */
const DOT = /\/\.|%2e/i;
/** Query characters the parser leaves as they are (special schemes encode `'`). */
const PLAIN_QUERY = /^\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?[\]]*$/;
/**
 * `http(s)://` then `host`, `host:port`, `[v6]` or `[v6]:port` of plain characters, up to the path's `/` (tested on
 * the whole URL: no authority string or match array per request).
 */
const PLAIN_ORIGIN = /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?\//;

class PlainTarget implements RequestTarget {
  private params: URLSearchParams | undefined;
  constructor(readonly pathname: string, readonly search: string) {}
  get searchParams(): URLSearchParams {
    return (this.params ??= new URLSearchParams(this.search));
  }
}

/** Whether the port that ends at `end` (if any; at most five digits, as `PLAIN_ORIGIN` checked) is over 65535. */
function portOver(url: string, end: number): boolean {
  let port = 0;
  let scale = 1;
  let i = end - 1;
  for (; i >= 0; i--) {
    const c = url.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    port += (c - 0x30) * scale;
    scale *= 10;
  }
  // Digits right after a `:` are a port; digits ending a host name (`[...]` or letters before them) are not.
  return url.charCodeAt(i) === 0x3a && url.charCodeAt(i - 1) !== 0x2f && port > 65_535;
}

/** The hand split of a plain URL, or `undefined` when the URL parser has to decide. */
function plain(url: string): RequestTarget | undefined {
  if (!PLAIN_ORIGIN.test(url)) return undefined;
  // The authority has no `/`, so the first one after the scheme starts the path.
  const slash = url.indexOf('/', url.charCodeAt(4) === 0x73 ? 8 : 7);
  if (url.includes('#', slash) || portOver(url, slash)) return undefined;
  const q = url.indexOf('?', slash);
  const path = q < 0 ? url.slice(slash) : url.slice(slash, q);
  if (!PLAIN_PATH.test(path) || DOT.test(path)) return undefined;
  if (q < 0) return new PlainTarget(path, '');
  const search = url.slice(q);
  if (!PLAIN_QUERY.test(search)) return undefined;
  return new PlainTarget(path, search === '?' ? '' : search);
}

/** The path and query of an absolute request URL, or `undefined` when it is not a valid URL. */
export function parseTarget(url: string): RequestTarget | undefined {
  const split = plain(url);
  if (split) return split;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
