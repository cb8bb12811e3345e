// Webhooks: the mock notices state changes when it observes them (after each request, on `clock.advance`,
// and on a real-time tick while jobs with `replyUrl` are pending) and emits the spec's payloads.

/** The spec's webhook names. */
export type WebhookEvent = 'videoProgress' | 'imageProgress' | 'musicProgress' | 'agentJobFinished' | 'speechFinished';

/** One webhook the mock emitted. */
export interface WebhookDelivery {
  /** 1-based order of emission. */
  seq: number;
  event: WebhookEvent;
  url: string;
  /** The job's id (`videoId`, `imageId`, `musicId`, `jobId` or `audioId`). */
  jobId: string;
  /** The body POSTed (the job's GET object plus `replyRef`). */
  payload: Record<string, unknown>;
  /** Whether this is the job's final state. */
  final: boolean;
  /** Virtual time of emission. */
  time: number;
  /** With delivery on: the receiver's HTTP status, once known. */
  status?: number;
  /** With delivery on: why the POST failed. */
  error?: string;
}

/** A job with a `replyUrl` the mock still watches. */
export interface PendingWebhook {
  event: WebhookEvent;
  store: 'videos' | 'images' | 'songs' | 'agentJobs' | 'speech';
  id: string;
  url: string;
  last?: string;
}

/** The webhook name and whether progress (not only the final state) is sent, per store. */
export const WEBHOOK_OF = {
  videos: { event: 'videoProgress', progress: true },
  images: { event: 'imageProgress', progress: true },
  songs: { event: 'musicProgress', progress: true },
  agentJobs: { event: 'agentJobFinished', progress: false },
  speech: { event: 'speechFinished', progress: false },
} as const;

/** The spec pointer of each webhook's payload schema. */
export const WEBHOOK_SCHEMA: Record<WebhookEvent, string> = {
  videoProgress: '#/webhooks/videoProgress/post/requestBody/content/application~1json/schema',
  imageProgress: '#/webhooks/imageProgress/post/requestBody/content/application~1json/schema',
  musicProgress: '#/webhooks/musicProgress/post/requestBody/content/application~1json/schema',
  agentJobFinished: '#/webhooks/agentJobFinished/post/requestBody/content/application~1json/schema',
  speechFinished: '#/webhooks/speechFinished/post/requestBody/content/application~1json/schema',
};

/** Where the mock may POST webhooks: loopback, plus the hosts the user allows; never the mock itself. */
export interface WebhookPolicy {
  /** Host names (or `*`) besides loopback that may receive webhooks (option `webhookHosts`). */
  allowedHosts: readonly string[];
  /** The ports the standalone server listens on (a loopback URL with one of them is the mock itself). */
  selfPorts: ReadonlySet<number>;
  /** The standalone server's own host names (its bound interface; `*` when it listens on every interface). */
  selfHosts: ReadonlySet<string>;
  /** The mock's base URLs (an in-process adapter would answer a POST to them itself). */
  baseUrls: readonly string[];
}

/** Whether a URL host (as `URL.hostname` writes it) is a loopback address or name. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0.0.0.0' || h === '::' || /^::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.)/.test(h);
}

/** Why a webhook must not be POSTed to `url` (`undefined`: it may). */
export function webhookRefusal(url: string, policy: WebhookPolicy): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `the ${u.protocol} scheme is not delivered`;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch { /* keep it encoded */ }
  if (/(^|\/)__mock(\/|$)/i.test(path)) return 'the control API (/__mock) is never a webhook receiver';
  const loopback = isLoopback(host);
  if (policy.selfPorts.has(port) && (loopback || policy.selfHosts.has(host) || policy.selfHosts.has('*'))) return 'the mock server itself is never a webhook receiver';
  for (const base of policy.baseUrls) {
    const b = new URL(base);
    if (u.origin === b.origin && (u.pathname === b.pathname || u.pathname.startsWith(`${b.pathname.replace(/\/+$/, '')}/`))) return 'the mock\'s own API is never a webhook receiver';
  }
  if (loopback || policy.allowedHosts.includes('*') || policy.allowedHosts.some((a) => a.toLowerCase() === host)) return undefined;
  return `host ${host.slice(0, 80)} is not loopback; allow it with the webhookHosts option (CLI --webhook-host)`;
}
