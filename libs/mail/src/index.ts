export * from './mail.module.js';
export * from './mail.repository.js';
export * from './mail-outbox.js';
export * from './mail-sender.service.js';
export * from './mail-transport.js';
