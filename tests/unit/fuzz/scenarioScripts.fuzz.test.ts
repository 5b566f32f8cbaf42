// Property-based fuzzing of exercise scenario scripts: a shipped script with any value replaced anywhere is
// either refused by the schema with paths, or, once accepted, produces only valid mentions minute by minute.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionInputSchema } from '../../../src/shared/domain/mention';
import { scenarioScriptSchema, type WaveInject } from '../../../src/shared/domain/scenarioScript';
import { waveMinute } from '../../../src/main/features/exercises/waveMentions';
import { FUZZ_RUNS, FuzzTally } from '../../support/fuzz';

const dir = resolve('resources/scenarios');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const mutated = fc
  .constantFrom(...scripts)
  .chain((script) =>
    fc.tuple(
      fc.constant(script),
      fc.constantFrom(...paths(script).filter((p) => p.length > 0)),
      fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.string({ maxLength: 4 })),
    ),
  )
  .map(([script, path, value]) => replaceAt(script, path, value));

describe('scenario scripts under fuzzing', () => {
  it('are refused with paths, or generate only valid mentions', { timeout: 600_000 }, () => {
    expect(scripts.length).toBeGreaterThan(0);
    const tally = new FuzzTally();
    fc.assert(
      fc.property(mutated, fc.nat(240), (candidate, minute) => {
        const parsed = scenarioScriptSchema.safeParse(candidate);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          tally.rejected++;
          return;
        }
        const waves = parsed.data.injects.filter((i): i is WaveInject => i.kind === 'wave');
        for (const wave of waves) {
          for (const mention of waveMinute(parsed.data, wave, Math.min(minute, wave.at + 2), Date.UTC(2026, 10, 21, 8))) {
            expect(mentionInputSchema.safeParse(mention).success).toBe(true);
          }
        }
        tally.accepted++;
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(tally.report('scenario scripts'));
  });
});
