// The `/__mock/` control API (of the standalone server, which checks who asks first, and of the MSW handlers):
// reset, scenarios, clock, journal, webhooks, state counts. Bodies are JSON only (415 otherwise), at most 64 KiB,
// checked whole before anything changes.
import { MOCK_COLLECTIONS } from '../data.js';
import { MAX_TIME } from './clock.js';
import { controlScenario } from './control-input.js';
import type { Engine } from './engine.js';
import { MAX_JSON_DEPTH, mediaType, nestedDeeperThan, tooLarge } from './input.js';
import { MAX_CONTROL_BODY_BYTES } from './options.js';
import { BodyTooLargeError, errorReply, jsonReply, type IncomingRequest, type MockReply } from './reply.js';

/** Whether a request path (with its query) is the control API's: `/__mock`, `/__mock/…`, `/__mock?…`. */
export function isControlPath(path: string): boolean {
  return path === '/__mock' || path.startsWith('/__mock/') || path.startsWith('/__mock?');
}

/** Answers one control call. `served.baseUrl`: the base URL the caller serves the API at. */
export async function controlCall(engine: Engine, incoming: IncomingRequest, served: { baseUrl?: string } = {}): Promise<MockReply> {
  const url = new URL(incoming.url);
  const path = url.pathname.replace(/^.*?\/__mock/, '').replace(/\/+$/, '') || '/';
  const method = incoming.method;
  let body: Record<string, any> = {};
  if (method === 'POST') {
    let bytes: Uint8Array;
    try {
      bytes = await incoming.bytes(MAX_CONTROL_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(error.limit);
      throw error;
    }
    const text = new TextDecoder().decode(bytes);
    if (text.trim()) {
      const type = mediaType(incoming.header('content-type'));
      if (type !== 'application/json' && !type.endsWith('+json')) return errorReply(415, 'Control bodies must be JSON (Content-Type: application/json)');
      try {
        body = JSON.parse(text) as Record<string, any>;
      } catch {
        return errorReply(400, 'Control body must be JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return errorReply(400, 'Control body must be a JSON object');
      if (nestedDeeperThan(body, MAX_JSON_DEPTH)) return errorReply(400, `Control body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
  }
  const clockInfo = () => ({ mode: engine.clock.mode, now: engine.clock.now(), iso: engine.clock.iso() });
  try {
    switch (`${method} ${path}`) {
      case 'GET /':
        return jsonReply(200, {
          baseUrl: served.baseUrl ?? engine.options.baseUrls[0],
          baseUrls: served.baseUrl ? [served.baseUrl] : engine.options.baseUrls,
          accounts: [...engine.state.accounts.keys()], clock: clockInfo(), scenarios: engine.scenarios.list(), jobMs: engine.options.jobMs,
        });
      case 'POST /reset': {
        const seed = body.seed;
        if (seed !== undefined && !(typeof seed === 'number' && Number.isFinite(seed)) && !(typeof seed === 'string' && seed.length <= 200)) {
          return errorReply(400, 'Parameter seed must be a finite number or a string of at most 200 characters');
        }
        engine.reset(seed);
        return jsonReply(200, { ok: true, clock: clockInfo() });
      }
      case 'GET /scenario':
        return jsonReply(200, engine.scenarios.list());
      case 'POST /scenario': {
        // Everything is checked before anything changes: a refused call leaves the queue as it was.
        const spec = controlScenario(body);
        if (typeof spec === 'string') return errorReply(400, spec);
        if (body.clear) engine.scenarios.clear();
        if (spec) engine.scenarios.add(spec);
        return jsonReply(200, engine.scenarios.list());
      }
      case 'DELETE /scenario':
        engine.scenarios.clear();
        return jsonReply(200, []);
      case 'GET /clock':
        return jsonReply(200, clockInfo());
      case 'POST /clock/advance': {
        const ms = Number(body.ms ?? url.searchParams.get('ms'));
        if (!Number.isFinite(ms) || ms < 0) return errorReply(400, 'Parameter ms must be a number >= 0');
        if (engine.clock.now() + ms > MAX_TIME) return errorReply(400, `Parameter ms would move the clock past the last representable date (at most ${MAX_TIME - engine.clock.now()} ms from now)`);
        engine.clock.advance(ms);
        return jsonReply(200, clockInfo());
      }
      case 'GET /requests': {
        const op = url.searchParams.get('operationId');
        return jsonReply(200, engine.requests().filter((r) => !op || r.operationId === op));
      }
      case 'DELETE /requests':
        engine.clearRequests();
        return jsonReply(200, []);
      case 'GET /webhooks':
        return jsonReply(200, engine.deliveries);
      case 'GET /state':
        return jsonReply(200, Object.fromEntries(MOCK_COLLECTIONS.map((c) => [c, engine.data.count(c)])));
      default:
        return errorReply(404, `Unknown control call ${method} /__mock${path === '/' ? '' : path}`);
    }
  } catch (error) {
    return errorReply(400, (error as Error).message);
  }
}
