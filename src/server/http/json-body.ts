import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError } from '../errors.js';

/** A citizen's vote is a few hundred bytes; admins send whole polls. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
export const ADMIN_BODY_LIMIT = 256 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Reads a JSON body of at most `limit` bytes and checks it against `schema`. */
export async function readJson<T>(c: Context, schema: z.ZodMiniType<T>, limit: number): Promise<T> {
  if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) throw new ApiError('unsupported_media_type');
  const text = await readText(c, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('malformed_json');
  }
  return validate(schema, value);
}

/** Checks a parsed value (body, path or query) against the contract: `invalid_request` names each bad field. */
export function validate<T>(schema: z.ZodMiniType<T>, value: unknown, path: string[] = []): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = [...path, ...issue.path.map(String)].join('.') || 'body';
    fields[key] ??= issue.code;
  }
  throw new ApiError('invalid_request', fields);
}

async function readText(c: Context, limit: number): Promise<string> {
  // Node's parser holds a request to its Content-Length, so a declared length can be trusted.
  const declared = Number(c.req.header('Content-Length') ?? NaN);
  if (declared > limit) throw new ApiError('payload_too_large');
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  // Reading Node's request directly is several times cheaper than building a web Request around it.
  const body: AsyncIterable<Uint8Array> | null = incoming ?? (c.req.raw.body as AsyncIterable<Uint8Array> | null);
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      incoming?.resume();
      throw new ApiError('payload_too_large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
