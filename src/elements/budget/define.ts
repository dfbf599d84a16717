import { ParvisBudget } from './budget.js';

ParvisBudget.define('parvis-budget');

export { ParvisBudget };
