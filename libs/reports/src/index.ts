export * from './case-statistics.model.js';
export * from './reports.module.js';
export * from './reports.resolver.js';
export * from './reports.service.js';
