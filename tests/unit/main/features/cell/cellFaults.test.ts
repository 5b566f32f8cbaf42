// Convergence under faults, short version of `npm run soak:cell`: for two seeds, four laptop processes and the relay
// on loopback form a cell, mobilise with three laptops acknowledging, hand a role over, make 30 checklist changes and
// write crisis log entries on all four at once, while the seed's faults cut wires between them, pause and SIGKILL
// laptops and SIGKILL the relay. Healed, every laptop must hold the same state digest (members, documents' heads, the
// log read model with signatures and chains, mobilisations and acknowledgements, incidents' signed changes with
// holders and checklist states, statements with the posts the cell shared), every entry once, every signature and
// chain verified, and the Mastodon server must hold the statement once.
import { describe, expect, it } from 'vitest';
import { prepare, runSeed, SHORT } from '../../../../../scripts/soak/cellSoak';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
// Five processes start on a machine other test files share: their start-up takes most of the time.
const SEED_MS = 300_000;

describe('cell convergence under faults', () => {
  const bundles = prepare(tempDir());
  for (const seed of [7, 11]) {
    it(
      `seed ${seed}: one digest on every laptop after the faults heal`,
      async () => {
        const result = await runSeed(seed, SHORT, bundles);
        expect(result.problems, result.faults.join(' | ')).toEqual([]);
        expect(result.digest).toMatch(/^[0-9a-f]{64}$/);
        expect(result.faults.length).toBeGreaterThanOrEqual(3);
      },
      SEED_MS,
    );
  }
});
