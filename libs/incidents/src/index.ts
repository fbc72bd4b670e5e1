export * from './incident.model.js';
export * from './incident.inputs.js';
export * from './incidents.module.js';
export * from './incidents.repository.js';
export * from './incidents.service.js';
export * from './incidents.resolver.js';
export * from './incidents.repository.js';
