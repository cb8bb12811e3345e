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
/** `host`, `host:port`, `[v6]`, `[v6]:port` of plain characters. */
const PLAIN_AUTHORITY = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

class PlainTarget implements RequestTarget {
  private params: URLSearchParams | undefined;
  constructor(readonly pathname: string, readonly search: string) {}
  get searchParams(): URLSearchParams {
    return (this.params ??= new URLSearchParams(this.search));
  }
}

/** The hand split of a plain URL, or `undefined` when the URL parser has to decide. */
function plain(url: string): RequestTarget | undefined {
  const start = url.startsWith('http://') ? 7 : url.startsWith('https://') ? 8 : -1;
  if (start < 0) return undefined;
  const slash = url.indexOf('/', start);
  if (slash <= start || url.includes('#', slash)) return undefined;
  const authority = PLAIN_AUTHORITY.exec(url.slice(start, slash));
  if (!authority || (authority[1] !== undefined && Number(authority[1]) > 65_535)) return undefined;
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
