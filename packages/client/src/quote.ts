// Quoting upstream text in a message: bounded, whitespace folded, saying how much was left out (the whole text stays
// on the error's `body` or `snapshot`).

/** Characters of upstream text quoted in a message. */
export const QUOTE_CHARS = 300;

/** At most {@link QUOTE_CHARS} characters of `text`, saying how much was left out and where the rest is. */
export function quote(text: string, rest = 'error.body'): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS)}… (${flat.length - QUOTE_CHARS} more characters on ${rest})`;
}
