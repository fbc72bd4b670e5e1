export * from './asb-risk.inputs.js';
export * from './asb-risk.model.js';
export * from './asb-risk.module.js';
export * from './asb-risk.repository.js';
export * from './asb-risk.resolver.js';
export * from './asb-risk.rules.js';
export * from './asb-risk.service.js';
