import { ParvisVote } from './vote.js';

ParvisVote.define('parvis-vote');

export { ParvisVote };
