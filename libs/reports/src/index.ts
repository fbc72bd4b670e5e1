export * from './case-statistics.model.js';
export * from './exceptions.model.js';
export * from './reports.inputs.js';
export * from './reports.module.js';
export * from './reports.repository.js';
export * from './reports.rules.js';
export * from './reports.resolver.js';
export * from './reports.service.js';
