export * from './csv.js';
export * from './exports.module.js';
