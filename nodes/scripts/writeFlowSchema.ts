import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchema } from '../src/catalogJsonSchema';

/** Writes schema/flow-document.schema.json, for editors and tools that validate flow files. */
const target = fileURLToPath(new URL('../schema/flow-document.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
