export * from './audit-action.js';
export * from './audit-log.service.js';
export * from './audit.module.js';
export * from './audit.repository.js';
export * from './audited-fields.js';
export * from './audit.repository.js';
