export * from './download-errors.js';
export * from './downloads.module.js';
export * from './reader-queries.service.js';
