// The published JSON Schema of the plan file, derived from the zod schema so the two cannot drift
// (resources/plans/plan.schema.json is checked against this by a test).
import { z } from 'zod';
import { PLAN_SCHEMA_VERSION, crisisPlanSchema } from './plan';

export function planJsonSchema(): Record<string, unknown> {
  // `input` describes what a file may contain: fields with defaults are optional there.
  const schema = z.toJSONSchema(crisisPlanSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `https://tocsin.invalid/schemas/crisis-plan-v${PLAN_SCHEMA_VERSION}.json`,
    title: 'Tocsin crisis plan',
    description:
      'A crisis plan: scenarios, roles with deputies, playbooks with H+n deadlines, FR/EN templates, detection thresholds, contacts and the campaign register. Cross-references (playbook and template ids, role ids, unique ids) are checked by Tocsin on import.',
  };
}

export const planJsonSchemaText = (): string => `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
