export * from './live-connections.service.js';
export * from './live-context.js';
export * from './live-followers.js';
export * from './live-stream.js';
export * from './live.module.js';
