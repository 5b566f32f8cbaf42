import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const INCIDENT = '2f1d2c9e-7d7a-4d59-9a37-0d5b3c7e1a10';
const OTHER = '9a5a0f5e-2f43-4f2b-9d4e-3b6a1c2d3e4f';

let core: Core | undefined;
afterEach(() => core?.close());

describe('CrisisLogService.listAll', () => {
  it('returns every entry of the incident, past the screen limit, oldest first, with current states', () => {
    core = makeTestCore(newDir());
    const log = core.crisisLog;
    for (let i = 0; i < 2_050; i += 1) {
      log.append('live', { incidentId: i % 10 === 9 ? OTHER : INCIDENT, kind: 'information', author: 'Zoé', body: `Entrée ${i}` });
    }
    const first = log.list('live', { incidentId: INCIDENT, limit: 2000 }).at(-1)!;
    log.setVerification('live', first.id, 'verified', { author: 'Léa', authorRole: 'scribe' });
    const all = log.listAll('live', INCIDENT);
    expect(all).toHaveLength(1_845);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
    expect(all.every((e) => e.incidentId === INCIDENT)).toBe(true);
    expect(all.find((e) => e.id === first.id)?.verification).toBe('verified');
  });
});
