// Who may use the standalone server's control API (`/__mock/*`): a page the developer happens to visit must not
// read the journal (prompts included), inject faults or reset the mock. Three checks, each enough on its own
// against one attack: the `Host` header (DNS rebinding: a rebound name is not loopback), the `Origin` header (a
// cross-origin page), and a credential in `Authorization` (a header no page can send cross-origin without a
// preflight, which the control API never grants). The API routes keep their CORS: they are the mock's product.
import { timingSafeEqual } from 'node:crypto';
import { errorReply, type MockReply } from '../engine/reply.js';

/** The control API's access rules. */
export interface ControlAccess {
  /** The credential: `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Host names accepted besides loopback (`localhost`, `*.localhost`, `127.x.x.x`, `::1`). */
  readonly hosts: readonly string[];
}

const SHOWN = 80;
const shown = (value: string) => (value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value);

/** Whether a host name is loopback: `localhost`, `*.localhost`, `127.0.0.0/8`, `::1`. */
export function isLoopbackName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** The host name of a `Host` header (`[::1]:4010` → `::1`), or `undefined` when it is not one. */
function hostnameOf(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function allowed(hostname: string, access: ControlAccess): boolean {
  return isLoopbackName(hostname) || access.hosts.includes(hostname);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The refusal of a control request, or `undefined` when it may go on. */
export function controlRefusal(header: (name: string) => string | null, access: ControlAccess): MockReply | undefined {
  const host = header('host') ?? '';
  const hostname = hostnameOf(host);
  if (!hostname || !allowed(hostname, access)) {
    return errorReply(403, `The control API answers only on loopback and the allowed host names (allowedHosts / --allow-host), not on Host "${shown(host)}"`);
  }
  const origin = header('origin');
  if (origin !== null) {
    let originHost: string | undefined;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') originHost = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    } catch { /* not a URL: refused below */ }
    if (!originHost || !allowed(originHost, access)) {
      return errorReply(403, `The control API does not answer pages of other origins (Origin "${shown(origin)}"); call it from your test runner`);
    }
  }
  const auth = header('authorization') ?? '';
  const match = /^Bearer (.+)$/i.exec(auth);
  if (!match || !sameToken(match[1] as string, access.token)) {
    return errorReply(401, 'The control API needs Authorization: Bearer <control token> (MOCK_TOKEN, unless the server was started with controlToken / --control-token)');
  }
  return undefined;
}
