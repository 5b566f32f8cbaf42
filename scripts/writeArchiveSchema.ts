// Regenerates resources/archive/incident-archive.schema.json from the zod schema: `npx tsx scripts/writeArchiveSchema.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { incidentArchiveJsonSchemaText } from '../src/shared/domain/incidentArchiveJsonSchema';

const target = resolve(__dirname, '../resources/archive/incident-archive.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, incidentArchiveJsonSchemaText());
console.log(`wrote ${target}`);
