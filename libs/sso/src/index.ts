export * from './sso.module.js';
export * from './identity-provider.model.js';
export * from './sso.inputs.js';
export * from './sso.repository.js';
export * from './sso.resolver.js';
export { SSO_STARTS_PER_MINUTE } from './sso.controller.js';
