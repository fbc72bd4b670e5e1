export * from './satisfaction.inputs.js';
export * from './satisfaction.model.js';
export * from './satisfaction.module.js';
export * from './satisfaction.repository.js';
export * from './satisfaction.resolver.js';
export * from './satisfaction.rules.js';
export * from './satisfaction.service.js';
export * from './satisfaction.repository.js';
