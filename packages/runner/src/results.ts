// Where a finished job's results are: one entry per output file, its candidate URLs best first. Videos and
// images prefer `downloadURL` (no watermark, paid plans) over `videoURL`; music has `audioURL`, speech
// `audio_url`; agent jobs have one file per attachment (`no_watermark_url` first).
import type { JobKind } from '@useapi-minimax/client';

/** One output file of a job: URLs to try in order. */
export type ResultFile = readonly string[];

const str = (v: unknown): string | undefined => (typeof v === 'string' && /^https?:\/\//.test(v) ? v : undefined);
const distinct = (urls: (string | undefined)[]): string[] => [...new Set(urls.filter((u): u is string => u !== undefined))];

/** The output files of a final snapshot (empty when it has nothing to download). */
export function resultFiles(kind: JobKind, snapshot: Record<string, any>): ResultFile[] {
  switch (kind) {
    case 'video':
    case 'image': {
      const urls = distinct([str(snapshot.downloadURL), str(snapshot.videoURL)]);
      return urls.length ? [urls] : [];
    }
    case 'music': {
      const urls = distinct([str(snapshot.audioURL)]);
      return urls.length ? [urls] : [];
    }
    case 'speech': {
      const urls = distinct([str(snapshot.audio_url), str(snapshot.audioURL)]);
      return urls.length ? [urls] : [];
    }
    case 'agent': {
      const attachments: any[] = Array.isArray(snapshot.response?.attachments) ? snapshot.response.attachments : [];
      return attachments
        .map((a) =>
          distinct([
            str(a?.file?.extra?.no_watermark_url),
            str(a?.node?.agentFile?.noWatermarkUrl),
            str(a?.file?.fileUrl),
            str(a?.file?.extra?.url),
            str(a?.node?.agentFile?.url),
            str(a?.file?.extra?.watermark_url),
          ]),
        )
        .filter((urls) => urls.length > 0);
    }
  }
}

const EXTENSIONS = ['mp4', 'mov', 'webm', 'png', 'jpg', 'jpeg', 'webp', 'gif', 'svg', 'mp3', 'wav', 'm4a', 'flac', 'ogg', 'aac', 'txt', 'json', 'pdf'];
const BY_TYPE: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mp4': 'm4a',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'application/json': 'json',
  'text/plain': 'txt',
};
const DEFAULT: Record<JobKind, string> = { video: 'mp4', image: 'png', music: 'mp3', speech: 'mp3', agent: 'bin' };

/** The extension of a result: the URL's own (a known media type), else the answer's `Content-Type`, else the kind's. */
export function extensionFor(kind: JobKind, url: string, contentType?: string | null): string {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  })();
  const ext = /\.([A-Za-z0-9]{2,4})$/.exec(path)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS.includes(ext)) return ext === 'jpeg' ? 'jpg' : ext;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return (type && BY_TYPE[type]) || DEFAULT[kind];
}

/**
 * When a result URL stops working, if it says: a signed URL's `X-Amz-Date` + `X-Amz-Expires`, `Expires`
 * (epoch seconds) or `x-oss-expires`. Undefined when the URL carries no expiry.
 */
export function urlExpiry(url: string): number | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const q = (name: string) => {
    for (const [k, v] of u.searchParams) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  const amzDate = q('x-amz-date');
  const amzExpires = q('x-amz-expires');
  if (amzDate && amzExpires) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + Number(amzExpires) * 1000;
  }
  for (const name of ['expires', 'x-oss-expires', 'x-expires']) {
    const v = q(name);
    if (v && /^\d{9,11}$/.test(v)) return Number(v) * 1000;
  }
  return undefined;
}

/**
 * How long the API documents that a job can be read by the id its create returned: speech `audioId`s resolve
 * for 7 days, agent jobs are kept 31 days. Undefined where the docs state no limit.
 */
export const DOCUMENTED_RETENTION_MS: Partial<Record<JobKind, number>> = { speech: 7 * 86_400_000, agent: 31 * 86_400_000 };
