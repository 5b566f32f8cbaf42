// The crisis log screen reads the log a page at a time by keyset: walking every page gives each entry once, newest
// occurrence first (ties by sequence), filters kept, however long the log; entries past the first page are reachable.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { LogEntry } from '../../../../../src/shared/domain/crisisLog';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const INCIDENT = '2f1d2c9e-7d7a-4d59-9a37-0d5b3c7e1a10';
let core: Core | undefined;
afterEach(() => core?.close());

describe('crisis log paging', () => {
  it('walks 650 entries in pages of 200 without a gap or a repeat, occurrence ties included', async () => {
    const c = makeTestCore(newDir());
    core = c;
    for (let i = 0; i < 650; i += 1) {
      // Several entries share an occurrence time: the sequence breaks the tie.
      const occurredAt = new Date(Date.UTC(2026, 2, 2, 8, 0) + Math.floor(i / 3) * 60_000).toISOString();
      c.crisisLog.append('live', { incidentId: INCIDENT, kind: i % 5 === 0 ? 'decision' : 'information', author: 'Zoé', body: `Entrée ${i}`, occurredAt });
    }
    const seen: LogEntry[] = [];
    let before: { occurredAt: string; seq: number } | undefined;
    for (;;) {
      const page = await invoke(c, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: INCIDENT, limit: 200, ...(before ? { before } : {}) } });
      seen.push(...page);
      const last = page.at(-1);
      if (page.length < 200 || !last) break;
      before = { occurredAt: last.occurredAt, seq: last.seq };
    }
    expect(seen).toHaveLength(650);
    expect(new Set(seen.map((e) => e.seq)).size).toBe(650);
    expect(seen.map((e) => `${e.occurredAt}/${String(e.seq).padStart(6, '0')}`)).toEqual(
      seen.map((e) => `${e.occurredAt}/${String(e.seq).padStart(6, '0')}`).sort().reverse(),
    );
    const oldest = seen.at(-1)!;
    expect(oldest.body).toBe('Entrée 0');

    const decisions = await invoke(c, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: INCIDENT, kinds: ['decision'], limit: 100 } });
    const after = decisions.at(-1)!;
    const rest = await invoke(c, 'crisisLog:list', {
      workspaceId: 'live',
      filter: { incidentId: INCIDENT, kinds: ['decision'], limit: 100, before: { occurredAt: after.occurredAt, seq: after.seq } },
    });
    expect(decisions.length + rest.length).toBe(130);
    expect(rest.every((e) => e.kind === 'decision')).toBe(true);
  });
});
