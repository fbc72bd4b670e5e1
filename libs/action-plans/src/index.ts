export * from './action-plans.inputs.js';
export * from './action-plans.model.js';
export * from './action-plans.module.js';
export * from './action-plans.repository.js';
export * from './action-plans.resolver.js';
export * from './action-plans.rules.js';
export * from './action-plans.service.js';
