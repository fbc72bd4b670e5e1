export * from './audit-event.model.js';
export * from './audit-trail.module.js';
export * from './audit-trail.resolver.js';
