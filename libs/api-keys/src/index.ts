export * from './api-key.model.js';
export * from './api-keys.inputs.js';
export * from './api-keys.module.js';
export * from './api-keys.resolver.js';
