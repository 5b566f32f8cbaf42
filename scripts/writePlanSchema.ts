// Regenerates resources/plans/plan.schema.json from the zod plan schema: `npx tsx scripts/writePlanSchema.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planJsonSchemaText } from '../src/shared/domain/planJsonSchema';

const target = resolve(__dirname, '../resources/plans/plan.schema.json');
writeFileSync(target, planJsonSchemaText());
console.log(`wrote ${target}`);
