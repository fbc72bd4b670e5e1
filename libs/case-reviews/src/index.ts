export * from './case-review.model.js';
export * from './case-reviews.inputs.js';
export * from './case-reviews.module.js';
export * from './case-reviews.repository.js';
export * from './case-reviews.resolver.js';
export * from './case-reviews.rules.js';
export * from './case-reviews.service.js';
