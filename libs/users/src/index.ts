export * from './user.model.js';
export * from './users.module.js';
export * from './users.service.js';
export * from './passwords.js';
export * from './create-user.input.js';
export * from './administrator.js';
export * from './users.resolver.js';
export * from './users.repository.js';
