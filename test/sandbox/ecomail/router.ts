/** A minimal path router: patterns like '/lists/:id/subscriber/:email', segments URL-decoded. */

export interface CompiledRoute<H> {
  method: string;
  segments: string[];
  handler: H;
}

export function route<H>(method: string, pattern: string, handler: H): CompiledRoute<H> {
  return { method, segments: splitPath(pattern), handler };
}

export function matchRoute<H>(
  routes: readonly CompiledRoute<H>[],
  method: string,
  path: string,
): { handler: H; params: Record<string, string> } | undefined {
  const parts = splitPath(path);
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
    const params = matchSegments(candidate.segments, parts);
    if (params) return { handler: candidate.handler, params };
  }
  return undefined;
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      const decoded = safeDecode(parts[i]);
      if (decoded === undefined) return undefined;
      params[pattern[i].slice(1)] = decoded;
    } else if (pattern[i] !== parts[i]) {
      return undefined;
    }
  }
  return params;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
