export * from './alert-inbox.inputs.js';
export * from './alert-inbox.model.js';
export * from './alert-inbox.module.js';
export * from './alert-inbox.repository.js';
export * from './alert-inbox.rules.js';
export * from './alert-inbox.service.js';
export * from './alert-inbox-feed.js';
export * from './alert-inbox.resolver.js';
