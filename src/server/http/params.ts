import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Slug } from '../../contract/common.js';
import { validate } from './json-body.js';

/** A path parameter checked against the contract (an id is a slug unless said otherwise). */
export function pathParam(c: Context, name: string, schema: z.ZodMiniType<string> = Slug): string {
  return validate(schema, c.req.param(name), [name]);
}

/** A query string checked against the contract; `limit` arrives as text. */
export function readQuery<T>(c: Context, schema: z.ZodMiniType<T>): T {
  const query: Record<string, unknown> = { ...c.req.query() };
  if (query.limit !== undefined) query.limit = Number(query.limit);
  return validate(schema, query);
}
