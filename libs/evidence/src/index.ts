export * from './evidence-file.model.js';
export * from './evidence-kinds.js';
export * from './evidence-store.js';
export * from './evidence.module.js';
export * from './evidence.resolver.js';
export * from './evidence.repository.js';
export * from './evidence.service.js';
export * from './file-name.js';
