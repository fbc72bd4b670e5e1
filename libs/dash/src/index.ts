export * from './dash.rules.js';
export * from './dash.model.js';
export * from './dash.inputs.js';
export * from './dash.module.js';
export * from './dash.repository.js';
export * from './dash.resolver.js';
export * from './dash.service.js';
export * from './dash.repository.js';
