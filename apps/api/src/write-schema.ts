import { writeFileSync } from 'node:fs';
import { printPortalSchema } from './schema.js';

// `npm run schema`: regenerate the checked-in schema.graphql from the code-first types.
writeFileSync(new URL('../../../../schema.graphql', import.meta.url), await printPortalSchema());
console.log('schema.graphql written');
