export * from './case-transfer.model.js';
export * from './transfers.inputs.js';
export * from './transfers.module.js';
export * from './transfers.repository.js';
export * from './transfers.resolver.js';
export * from './transfers.service.js';
export * from './transfers.rules.js';
