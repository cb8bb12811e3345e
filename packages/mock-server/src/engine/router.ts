// Routes a method and path to an operation of the generated table: literal paths first, then templates
// (so `/videos/agent-templates` wins over `/videos/{videoId}`), with trailing slashes and `%3A` accepted.
import { operations, type OperationId } from '../generated/operations.js';

/** A matched operation and its decoded path parameters. */
export interface RouteMatch {
  operationId: OperationId;
  params: Record<string, string>;
}

interface TemplateRoute {
  operationId: OperationId;
  segments: readonly (string | { param: string })[];
  literals: number;
}

/** Literal paths by method, then path (no key string is built per request). */
const literal = new Map<string, Map<string, OperationId>>();
const templates = new Map<string, TemplateRoute[]>();

for (const [operationId, op] of Object.entries(operations) as [OperationId, (typeof operations)[OperationId]][]) {
  if (op.pathParams.length === 0) {
    let byPath = literal.get(op.method);
    if (!byPath) literal.set(op.method, (byPath = new Map()));
    byPath.set(op.path, operationId);
    continue;
  }
  const segments = op.path.split('/').slice(1).map((s) => {
    const m = /^\{(.+)\}$/.exec(s);
    return m ? { param: m[1] as string } : s;
  });
  const list = templates.get(op.method) ?? [];
  list.push({ operationId, segments, literals: segments.filter((s) => typeof s === 'string').length });
  templates.set(op.method, list);
}
for (const list of templates.values()) list.sort((a, b) => b.literals - a.literals);

/** Decodes one path segment; a malformed escape is kept as written. */
function decode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Finds the operation for `method` and `path` (the path below the API's base, e.g. `/videos/abc`).
 * Returns `undefined` when nothing matches.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  let p = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
  if (p === '') p = '/';
  const exact = literal.get(method)?.get(p);
  if (exact) return { operationId: exact, params: {} };
  const candidates = templates.get(method);
  if (!candidates) return undefined;
  // `parts[0]` is the empty string before the leading `/` (no `.slice(1)` copy of the array per request).
  const parts = p.split('/');
  outer: for (const route of candidates) {
    if (route.segments.length !== parts.length - 1) continue;
    // Made at the first parameter: most candidates fail on a literal segment before it.
    let params: Record<string, string> | undefined;
    for (let i = 0; i < route.segments.length; i++) {
      const seg = route.segments[i] as string | { param: string };
      const part = parts[i + 1] as string;
      if (typeof seg === 'string') {
        if (seg !== part) continue outer;
      } else {
        if (part === '') continue outer;
        (params ??= {})[seg.param] = decode(part);
      }
    }
    return { operationId: route.operationId, params: params ?? {} };
  }
  return undefined;
}
