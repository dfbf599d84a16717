import type { Context } from 'hono';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { VOTER_TOKEN } from '../../contract/common.js';
import { ApiError } from '../errors.js';

/** Verifies a host-signed citizen token and returns its subject. */
export type TokenVerifier = (token: string) => Promise<string>;

export interface Citizen {
  /** `subject:<sub>` for a verified citizen, `token:<Parvis-Voter>` otherwise, null when anonymous. */
  voter: string | null;
  verified: boolean;
}

export function createTokenVerifier(options: { jwtSecret: string | null; jwksUrl: string | null }): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey | null = null;
  let algorithms: string[] = [];
  if (options.jwtSecret) {
    key = new TextEncoder().encode(options.jwtSecret);
    algorithms = ['HS256'];
  } else if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  }
  return async function verifyToken(token) {
    if (!key) throw new ApiError('invalid_token');
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { algorithms });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new ApiError('invalid_token');
      return payload.sub;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new ApiError('token_expired');
      if (error instanceof ApiError) throw error;
      throw new ApiError('invalid_token');
    }
  };
}

/**
 * Who is acting: the subject of a verified token when one is sent (a bad one
 * is refused, on any poll), else the widget's `Parvis-Voter` token.
 */
export async function identify(c: Context, verify: TokenVerifier): Promise<Citizen> {
  const token = c.req.header('Parvis-Voter');
  if (token !== undefined && !VOTER_TOKEN.test(token)) throw new ApiError('invalid_voter');
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new ApiError('invalid_token');
    return { voter: `subject:${await verify(match[1])}`, verified: true };
  }
  return { voter: token === undefined ? null : `token:${token}`, verified: false };
}
