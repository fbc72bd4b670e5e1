export * from './anonymiser-registry.js';
export * from './retention.model.js';
export * from './retention.module.js';
export * from './retention.repository.js';
export * from './retention.rules.js';
export * from './retention.service.js';
export * from './retention.resolver.js';
