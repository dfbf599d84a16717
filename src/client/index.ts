export type { Operation, ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
export { ApiClient, checked, newIdempotencyKey, type CallOptions, type WriteOptions } from './api-client.js';
export { configure, configured, resolveApi, resolveLang, toLocale, type Locale, type ParvisOptions } from './config.js';
export { ParvisError } from './errors.js';
export {
  enqueue,
  forget,
  outbox,
  queuedFor,
  refusalOf,
  registerReplayer,
  replay,
  watchConnectivity,
  type OutboxResult,
  type QueuedWrite,
  type Replayer,
} from './outbox.js';
export { castPollVote, getPoll } from './polls.js';
export { RestAdapter } from './rest-adapter.js';
export { ensureVoterToken, voterToken } from './voter.js';
