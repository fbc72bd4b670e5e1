export * from './letter-template.model.js';
export * from './letters.inputs.js';
export * from './letters.module.js';
export * from './letters.repository.js';
export * from './letters.resolver.js';
export * from './letters.rules.js';
export * from './letters.service.js';
