export * from './ability.js';
export * from './accessible-sql.js';
export * from './field-access.js';
export * from './policy.decorators.js';
export * from './policy.guard.js';
export * from './relation-sql.js';
export * from './session-user.js';
export * from './field-policy.js';
