import { ParvisPoll } from './poll.js';

ParvisPoll.define('parvis-poll');

export { ParvisPoll };
