export * from './case-share.model.js';
export * from './shares.module.js';
export * from './shares.repository.js';
export * from './shares.service.js';
export * from './shares.resolver.js';
export * from './shares.inputs.js';
export { basisInWords, type RecordedBasis, recordedBasis, type SharingBasisChoice } from './shares.rules.js';
