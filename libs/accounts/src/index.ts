export * from './accounts.inputs.js';
export * from './accounts.module.js';
export * from './accounts.repository.js';
export * from './accounts.resolver.js';
export * from './accounts.rules.js';
export * from './accounts.service.js';
export * from './password-reset-mailer.service.js';
