export * from './audit-action.js';
export * from './audit-log.service.js';
export * from './audited-read.middleware.js';
export * from './audit.module.js';
