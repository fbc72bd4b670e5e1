export * from './agency-scoped-db.js';
export * from './database-roles.js';
export * from './database-url.js';
export * from './embedded-database.js';
export * from './query-counter.js';
export * from './migrations/index.js';
export * from './notification-bus.js';
export * from './transaction.js';
