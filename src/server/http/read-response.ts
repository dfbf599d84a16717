import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * Answers a GET read with an ETag that must be revalidated on each use, and
 * 304 when the client already holds this version. The answer depends on who
 * asks, hence `Vary`. `versionOf` is what the ETag follows, when the body
 * holds something that changes without the data changing (a timestamp).
 */
export function readResponse(
  c: Context,
  body: string,
  contentType = 'application/json; charset=utf-8',
  versionOf = body,
): Response {
  const etag = `"${createHash('sha1').update(versionOf).digest('base64url')}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    Vary: 'Parvis-Voter, Authorization',
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'Content-Type': contentType });
}

/** Weak comparison, as RFC 9110 asks for If-None-Match. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
