export * from './satisfaction.model.js';
export * from './satisfaction.module.js';
export * from './satisfaction.resolver.js';
export * from './satisfaction.service.js';
export * from './satisfaction.repository.js';
