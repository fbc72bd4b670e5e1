export * from './demo-partnership.js';
export * from './demo-letters.js';
