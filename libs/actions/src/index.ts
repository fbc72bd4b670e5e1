export * from './case-action.model.js';
export * from './actions.module.js';
export * from './actions.service.js';
export * from './actions.resolver.js';
export * from './actions.repository.js';
