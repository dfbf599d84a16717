import type { ServerConfig } from './config.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { TokenVerifier } from './http/identity.js';
import type { Store } from './store/database.js';

/** What the app needs from outside; tests build it around a temporary database. */
export interface AppDeps {
  config: Pick<
    ServerConfig,
    'allowedOrigins' | 'trustProxy' | 'widgetsDir' | 'demoDir' | 'proofDifficulty' | 'publisher'
  >;
  store: Store;
  adminToken: string;
  verifyToken: TokenVerifier;
  /** Null when rate limiting is off. */
  limiter: RateLimiter | null;
  /** Counts idea submissions against their own budget, on top of `limiter`; null when rate limiting is off. */
  submissionLimiter: RateLimiter | null;
}
