// The media stand-in: the result URLs the mock hands out (`videoURL`, `downloadURL`, `audio_url`, image and cover
// URLs) answer with small deterministic bytes of the right type, so a job runner's downloads work against the
// mock. In process (MSW, `mock.handle`) the URLs keep their real CDN hosts; the standalone server rewrites them to
// `<its origin>/__media/<cdn host>/<path>` (the path, and so the file extension, unchanged) and serves them there.
import type { MockReply } from './reply.js';
import { hashString } from './random.js';

/** The CDN hosts of the mock's result URLs. */
export const MEDIA_HOSTS: readonly string[] = ['cdn.hailuoai.video', 'cdn.hailuoai.com', 'minimax-public-cdn.com'];
/** The standalone server's path prefix of the media stand-in. */
export const MEDIA_PREFIX = '/__media/';

const TYPES: Record<string, { type: string; magic: number[] }> = {
  mp4: { type: 'video/mp4', magic: [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff, 0xe0] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff, 0xe0] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  webp: { type: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50] },
  mp3: { type: 'audio/mpeg', magic: [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0] },
  wav: { type: 'audio/wav', magic: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45] },
};
const MEDIA_BYTES = 1024;

/** The placeholder file of a media path: its type from the extension, 1 KiB starting with the type's magic bytes. */
export function mediaFile(host: string, path: string): { type: string; bytes: Uint8Array } {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const known = TYPES[ext];
  const bytes = new Uint8Array(MEDIA_BYTES);
  const magic = known?.magic ?? [];
  bytes.set(magic);
  const label = new TextEncoder().encode(` useapi-minimax mock media ${host}${path} `);
  bytes.set(label.subarray(0, MEDIA_BYTES - magic.length), magic.length);
  let h = hashString(`${host}${path}`);
  for (let i = magic.length + label.length; i < MEDIA_BYTES; i++) {
    h = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    bytes[i] = h & 0xff;
  }
  return { type: known?.type ?? 'application/octet-stream', bytes };
}

/**
 * The answer of a media request (`GET`/`HEAD` of a CDN URL, or of `/__media/<host>/<path>` on `origin`), or
 * `undefined` when the URL is not one the mock serves media at.
 */
export function mediaReply(method: string, url: URL, origin?: string): MockReply | undefined {
  let host: string;
  let path: string;
  if (MEDIA_HOSTS.includes(url.hostname)) {
    host = url.hostname;
    path = url.pathname;
  } else if (url.pathname.startsWith(MEDIA_PREFIX) && (origin === undefined || url.origin === origin)) {
    const rest = url.pathname.slice(MEDIA_PREFIX.length);
    const slash = rest.indexOf('/');
    host = slash < 0 ? rest : rest.slice(0, slash);
    path = slash < 0 ? '/' : rest.slice(slash);
    if (!MEDIA_HOSTS.includes(host)) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'No such media host\n' };
  } else {
    return undefined;
  }
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: 'Media is read with GET\n' };
  const { type, bytes } = mediaFile(host, path);
  const headers = { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'public, max-age=86400' };
  return { status: 200, headers, body: method === 'HEAD' ? null : bytes };
}

const CDN_URL = new RegExp(`https://(${MEDIA_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})/`, 'g');
/** The replacement pattern of the last origin seen (a server has one), not a new pattern string per answer. */
let patternOrigin = '';
let pattern = '';

/**
 * `text` with every CDN result URL moved under `<origin>/__media/` (the standalone server's answers). One RegExp
 * replace, whose result is one flat string: a hand scan measured no faster and built a rope that was copied flat
 * again when the answer's length was counted.
 */
export function rewriteMedia(text: string, origin: string): string {
  if (!text.includes('https://')) return text;
  if (origin !== patternOrigin) {
    // A `$` in the origin stays literal (a URL origin has none).
    pattern = `${origin.replaceAll('$', '$$$$')}${MEDIA_PREFIX}$1/`;
    patternOrigin = origin;
  }
  return text.replace(CDN_URL, pattern);
}
