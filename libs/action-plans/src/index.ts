export * from './action-plan.model.js';
export * from './action-plans.module.js';
export * from './action-plans.service.js';
export * from './action-plans.resolver.js';
export * from './action-plans.repository.js';
