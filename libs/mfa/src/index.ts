export * from './mfa.model.js';
export * from './mfa.module.js';
export * from './mfa.repository.js';
export * from './mfa.service.js';
export * from './mfa.resolver.js';
