export * from './printable.js';
