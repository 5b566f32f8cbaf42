import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { planJsonSchemaText } from '../../../../src/shared/domain/planJsonSchema';
import { repoRoot } from '../../../support/paths';

const root = repoRoot;
const published = readFileSync(resolve(root, 'resources/plans/plan.schema.json'), 'utf8');
const defaultPlan = JSON.parse(readFileSync(resolve(root, 'resources/plans/default-plan.json'), 'utf8')) as Record<string, unknown>;

describe('published plan JSON Schema', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/writePlanSchema.ts)', () => {
    expect(published).toBe(planJsonSchemaText());
  });

  it('accepts the shipped default plan and rejects a newer version or a missing phone, with paths', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(published) as object);
    expect(validate(defaultPlan), JSON.stringify(validate.errors)).toBe(true);

    const broken = structuredClone(defaultPlan) as { schemaVersion: number; roles: { holder: { phone?: string } }[] };
    broken.schemaVersion = 2;
    delete broken.roles[0]!.holder.phone;
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/schemaVersion');
    expect(paths).toContain('/roles/0/holder');
  });
});
