/** The first `cap` UTF-16 units of `text`, never ending on half a surrogate pair. */
export function truncate(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const cut = text.slice(0, cap);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Parts joined with `separator` while the whole stays within `cap`: whole ids or names are kept or
 * left out, never cut in half — except a first part that alone is too long, which is truncated.
 */
export function joinWithin(parts: readonly string[], separator: string, cap: number): string {
  let joined = '';
  for (const part of parts) {
    const next = joined === '' ? part : `${joined}${separator}${part}`;
    if (next.length > cap) return joined === '' ? truncate(part, cap) : joined;
    joined = next;
  }
  return joined;
}
