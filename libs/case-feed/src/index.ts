export * from './case-feed.js';
export * from './case-feed.module.js';
export * from './case-feed.resolver.js';
export * from './case-feed.rules.js';
export * from './case-update.model.js';
