/**
 * Reading API v2 replies (docs/salesmanago.md §2.1): a JSON object with `success` and `message` (an
 * array of strings, sometimes one string), mostly on HTTP 200 even when the call failed.
 */
export interface V2Reply {
  success: boolean;
  /** The server's messages joined for people; '' when none came. */
  message: string;
  body: Record<string, unknown>;
}

/** A reply whose `success` is not literally true counts as a failure: HTTP 200 alone means nothing. */
export function readReply(body: unknown): V2Reply {
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { success: record.success === true, message: messageOf(body, record), body: record };
}

function messageOf(body: unknown, record: Record<string, unknown>): string {
  const raw = record.message;
  const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  const text = parts.map((part) => part.trim()).filter(Boolean).join('; ');
  if (text) return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 200);
  return '';
}

/** "User not authenticated" and "Not authenticated" (the official library's codes 101 and 102). */
export function isAuthMessage(message: string): boolean {
  return /\bnot authenticated\b/i.test(message);
}

/**
 * Throttling said inside an HTTP 200. The wording is unknown [U]; these are the phrases such
 * servers use, so a reply that says so is backed off like a 429 instead of failing its items.
 */
export function isThrottleMessage(message: string): boolean {
  return /too many requests|rate limit|limit exceeded|throttl/i.test(message);
}
