export * from './webhook.model.js';
export * from './webhook-sender.service.js';
export * from './webhooks.inputs.js';
export * from './webhooks.module.js';
export * from './webhooks.resolver.js';
export * from './webhooks.rules.js';
export * from './webhooks.service.js';
