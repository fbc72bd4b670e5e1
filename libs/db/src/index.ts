export * from './embedded-database.js';
export * from './query-counter.js';
export * from './migrations/index.js';
export * from './transaction.js';
export const DATABASE_URL = Symbol('DATABASE_URL');
