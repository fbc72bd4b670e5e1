export * from './case-alert.model.js';
export * from './alert-feed.module.js';
export * from './alert-feed.resolver.js';
export * from './alert-hub.service.js';
export * from './alert-operation.js';
export * from './alert-stream.js';
export * from './alert-feed.rules.js';
export * from './recipients-sql.js';
