export type { ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
export { ApiClient, newIdempotencyKey, type CallOptions, type WriteOptions } from './api-client.js';
export { configure, configured, resolveApi, resolveLang, toLocale, type Locale, type ParvisOptions } from './config.js';
export { ParvisError } from './errors.js';
export {
  enqueue,
  forget,
  outbox,
  queuedFor,
  refusalOf,
  replay,
  watchConnectivity,
  type OutboxResult,
  type QueuedVote,
} from './outbox.js';
export { RestAdapter } from './rest-adapter.js';
export { ensureVoterToken, voterToken } from './voter.js';
