// The tiny node:http adapter of a Web-standard handler, and a receiver server on it.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { WebhookHandler } from './receiver.js';

/** Wraps a `(request: Request) => Promise<Response>` handler as a node:http request listener. */
export function toNodeListener(handler: WebhookHandler): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? 'localhost';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://${host}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as unknown as BodyInit, duplex: 'half' } : {}),
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('receiver error');
      });
  };
}

/** A listening receiver server. */
export interface WebhookServer {
  /** `http://<host>:<port>`: the URL to give as `webhookUrl` (behind your public address or tunnel). */
  readonly url: string;
  readonly server: Server;
  /** Stops listening and drops connections. */
  close(): Promise<void>;
}

/** Serves a handler with node:http (default `127.0.0.1`, a free port). */
export async function listenWebhooks(handler: WebhookHandler, options: { port?: number; host?: string } = {}): Promise<WebhookServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
