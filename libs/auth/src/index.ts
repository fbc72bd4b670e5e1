export * from './auth.module.js';
export * from './auth.repository.js';
export * from './auth-payload.model.js';
export * from './sessions.service.js';
export * from './tokens.service.js';
export * from './auth.resolver.js';
export * from './second-factor.js';
export * from './sign-in-throttle.service.js';
