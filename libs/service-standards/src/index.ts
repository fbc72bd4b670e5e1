export * from './service-standards.rules.js';
export * from './service-standard.model.js';
export * from './service-standards.inputs.js';
export * from './service-standards.module.js';
export * from './service-standards.repository.js';
export * from './service-standards.service.js';
export * from './service-standards.resolver.js';
