import { ParvisIdeaBox } from './idea-box.js';

ParvisIdeaBox.define('parvis-idea-box');

export { ParvisIdeaBox };
