// `npm run generate`: rewrites the generated sources (see each generator for why it exists).
import { writeFileSync } from 'node:fs';
import { CONTACT_SHAPE_FILE, contactShapeSource } from '../src/main/xero/contact-shape-source';

writeFileSync(CONTACT_SHAPE_FILE, contactShapeSource());
console.log(`wrote ${CONTACT_SHAPE_FILE.pathname}`);
