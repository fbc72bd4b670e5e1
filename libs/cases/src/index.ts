export * from './case.model.js';
export * from './case.inputs.js';
export * from './case-record.js';
export * from './cases.module.js';
export * from './cases.service.js';
export * from './cases.resolver.js';
export * from './case-order.js';
export * from './party-match.js';
