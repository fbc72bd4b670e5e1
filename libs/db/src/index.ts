export * from './agency-scoped-db.js';
export * from './database-roles.js';
export * from './embedded-database.js';
export * from './query-counter.js';
export * from './migrations/index.js';
export * from './transaction.js';
/** The application role's URL (not the owner's): for connections of the portal's own, such as the alert listener. */
export const DATABASE_URL = Symbol('DATABASE_URL');
