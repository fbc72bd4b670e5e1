export * from './contact.model.js';
export * from './contacts.module.js';
export * from './contacts.resolver.js';
export * from './contacts.repository.js';
