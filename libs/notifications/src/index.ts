export * from './notification.model.js';
export * from './notification-mailer.service.js';
export * from './notifications.inputs.js';
export * from './notifications.module.js';
export * from './notifications.resolver.js';
export * from './notifications.rules.js';
export * from './notifications.service.js';
