// Property-based fuzzing of crisis plan files: a plan with any value replaced anywhere, or any JSON at all,
// either imports as a valid plan or is refused with messages naming paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crisisPlanSchema } from '../../../src/shared/domain/plan';
import { loadDefaultPlan } from '../../../src/main/features/plan/defaultPlan';
import { parsePlanFile, serializePlan } from '../../../src/main/features/plan/planFile';
import { AppFailure } from '../../../src/shared/contract/envelope';
import { cleanFailure, FUZZ_RUNS, FuzzTally } from '../../support/fuzz';

const base = JSON.parse(serializePlan(loadDefaultPlan())) as unknown;

/** Every path (as key lists) inside a JSON value, to aim mutations anywhere in the plan. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const allPaths = paths(base).filter((p) => p.length > 0);

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const mutatedPlan = fc
  .tuple(fc.constantFrom(...allPaths), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ maxLength: 3 })))
  .map(([path, value]) => JSON.stringify(replaceAt(base, path, value)));

describe('plan files under fuzzing', () => {
  it('import as a valid plan or are refused with messages naming paths', { timeout: 600_000 }, () => {
    const tally = new FuzzTally();
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: mutatedPlan }, { weight: 1, arbitrary: fc.json() }, { weight: 1, arbitrary: fc.string() }), (content) => {
        try {
          const plan = parsePlanFile(content);
          expect(crisisPlanSchema.safeParse(plan).success).toBe(true);
          tally.accepted++;
        } catch (error) {
          if (!cleanFailure(error)) throw error;
          expect((error as AppFailure).issues?.length ?? 0).toBeGreaterThan(0);
          tally.rejected++;
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(tally.report('plan files'));
  });
});
