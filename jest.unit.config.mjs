// `npm run test:unit`: the specs that need neither PostgreSQL nor Chromium (pure rules, parsers, limits), in
// seconds. The same transform and module mapping as jest.config.mjs, without its global setup, so no
// database starts. A spec that needs the harness is named *.e2e-spec.ts and is left to `npm test`.
import base from './jest.config.mjs';

const unit = {
  ...base,
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e-spec\\.ts$'],
  testTimeout: 10000,
};
delete unit.globalSetup;
delete unit.globalTeardown;

export default unit;
