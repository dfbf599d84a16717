import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.js';

/** API answers are data, never documents: nothing may load from or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The demo pages: everything from this origin, nothing inline, nothing evaluated. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The admin console: like the demo pages, and never framed by another site (its forms act with the admin
 * token). Its widget preview is a page of its own, framed by the console only; a budget's project images
 * may come from the city's site.
 */
export const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: https:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self'; frame-ancestors 'self'";

/** Node accepts up to 64 KiB of headers (see start.ts), so that one oversized header still gets the envelope. */
export const MAX_HEADER_BYTES = 8 * 1024;
export const MAX_HEADERS_BYTES = 64 * 1024;

/** Headers every answer carries; a route may set a stricter or different policy first. */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
    if (!headers.has('X-Frame-Options')) headers.set('X-Frame-Options', 'DENY');
  };
}

export function headerLimit(maxBytes = MAX_HEADER_BYTES): MiddlewareHandler {
  return async function headerLimit(c, next) {
    const raw = (c.env as Partial<HttpBindings> | undefined)?.incoming?.rawHeaders;
    if (raw) {
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i].length + raw[i + 1].length > maxBytes) throw new ApiError('header_too_large');
      }
    } else {
      for (const [name, value] of c.req.raw.headers) {
        if (name.length + value.length > maxBytes) throw new ApiError('header_too_large');
      }
    }
    await next();
  };
}
