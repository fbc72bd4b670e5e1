export * from './demo-partnership.js';
