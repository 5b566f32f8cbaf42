// The alerts screen reads the history a page at a time by keyset: every page walked gives each alert once, newest
// first (ties on the opening time broken by id), with the status and watch filters kept.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { DetectionRepository } from '../../../../../src/main/features/detection/detectionRepository';
import { openDatabase, type Db } from '../../../../../src/main/platform/db/openDatabase';
import type { Alert, Explanation } from '../../../../../src/shared/domain/detection';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';

const newDir = useTempDirs();
let core: Core | undefined;
let raw: Db | undefined;
afterEach(() => {
  raw?.close();
  core?.close();
});

const explanation = (at: string): Explanation => ({
  at,
  windowMinutes: 60,
  mentions: 1,
  signals: [],
  topTerms: [],
  topAuthors: [],
  sources: [],
  languages: [],
  tone: { negative: 0, neutral: 0, positive: 0, unknown: 1 },
  samples: [],
  emerging: [],
});

describe('alert paging', () => {
  it('walks 230 alerts of two watches in pages of 50 without a gap or a repeat', async () => {
    const dir = newDir();
    const c = makeTestCore(dir);
    core = c;
    const a = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'ACME', keywords: ['ACME'] } });
    const b = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Léman', keywords: ['Léman'] } });
    raw = openDatabase({ path: join(dir, 'workspaces', 'live.db'), key: workspaceKey(dir, 'live') });
    const repo = new DetectionRepository(raw);
    for (let i = 0; i < 230; i += 1) {
      // Pairs of alerts open in the same minute: the id breaks the tie.
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 3_600_000).toISOString();
      repo.openAlert(i % 3 === 0 ? b.id : a.id, 'alert', at, explanation(at));
    }
    const walk = async (filter: { watchId?: number }) => {
      const seen: Alert[] = [];
      let before: { openedAt: string; id: number } | undefined;
      for (;;) {
        const page = await invoke(c, 'detection:listAlerts', { workspaceId: 'live', limit: 50, ...filter, ...(before ? { before } : {}) });
        seen.push(...page);
        const last = page.at(-1);
        if (page.length < 50 || !last) return seen;
        before = { openedAt: last.openedAt, id: last.id };
      }
    };
    const all = await walk({});
    expect(all).toHaveLength(230);
    expect(new Set(all.map((x) => x.id)).size).toBe(230);
    const keys = all.map((x) => `${x.openedAt}/${String(x.id).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const ofB = await walk({ watchId: b.id });
    expect(ofB).toHaveLength(77);
    expect(ofB.every((x) => x.watchId === b.id)).toBe(true);
  });
});
