export * from './contact.model.js';
export * from './contact.inputs.js';
export * from './contacts.module.js';
export * from './contacts.repository.js';
export * from './contacts.resolver.js';
export * from './contacts.service.js';
