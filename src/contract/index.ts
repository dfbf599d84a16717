export * from './common.js';
export * from './errors.js';
export * from './poll.js';
export * from './idea.js';
export * from './subject.js';
export * from './budget.js';
