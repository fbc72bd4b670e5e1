export * from './alert-followers.service.js';
export * from './alert-kind.js';
export * from './alert-outbox.service.js';
export * from './alert-scheduler.service.js';
export * from './alerts.module.js';
export * from './alerts.repository.js';
