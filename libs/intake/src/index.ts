export * from './intake.model.js';
export * from './intake.inputs.js';
export * from './intake.module.js';
export * from './intake.resolver.js';
export * from './intake.repository.js';
export * from './intake.service.js';
export * from './intake.repository.js';
