export * from './person.model.js';
export * from './people.module.js';
export * from './people.resolver.js';
export * from './people.rules.js';
export * from './people.service.js';
