import { mkdirSync, writeFileSync } from 'node:fs';
import { renderPermissionsDoc } from './permissions-doc.js';

// `npm run docs`: regenerate docs/permissions.md from the policy the API runs on.
mkdirSync(new URL('../../../../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../../../docs/permissions.md', import.meta.url), renderPermissionsDoc());
console.log('docs/permissions.md written');
