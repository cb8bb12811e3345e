// Path parameters: ids contain `:` (and may contain `@`), which the API expects as they are. Everything else
// is percent-encoded, so a `/`, `?` or `#` in an id can never change the route.

/** Fills `{name}` placeholders with encoded values, keeping `:` and `@` literal (openapi-fetch `pathSerializer`). */
export function serializePath(path: string, params: Record<string, unknown>): string {
  return path.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value == null) return match;
    const text = String(value);
    // Typical ids (`user:1-minimax:2-video:3`) need no encoding at all.
    return /^[\w.:@~-]*$/.test(text) ? text : encodeURIComponent(text).replace(/%3A|%40/gi, decodeURIComponent);
  });
}
