export * from './admin-event.model.js';
export * from './admin-grant.model.js';
export * from './administrator.js';
export * from './administration.repository.js';
export * from './administration.service.js';
export * from './administration.module.js';
export * from './administration.resolver.js';
