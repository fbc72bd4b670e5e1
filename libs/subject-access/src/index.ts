export * from './subject-access.model.js';
export * from './subject-access.module.js';
export * from './subject-access.repository.js';
export * from './subject-access.resolver.js';
export * from './subject-access.rules.js';
export * from './subject-access.service.js';
