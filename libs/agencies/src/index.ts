export * from './agency.model.js';
export * from './agencies.module.js';
export * from './agencies.repository.js';
export * from './agencies.service.js';
export * from './agencies.inputs.js';
export * from './agencies.resolver.js';
export * from './agencies.repository.js';
