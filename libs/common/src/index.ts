export * from './errors.js';
export * from './format-error.js';
export * from './cursor.js';
export * from './connection.model.js';
export * from './enums.js';
export * from './ids.js';
export * from './group-by.js';
export * from './percent.js';
