// Migration 17's work on an existing crisis log: check the old unkeyed chain, re-link every record under the
// workspace's chain key, record the switch (and any break the old chain already had) in the log itself, and
// anchor the new head beside the key file. The anchor is written before the migration commits: if the commit
// never happens, the database is still at version 16 and the next opening runs the step, and the anchor, again.
import { randomUUID } from 'node:crypto';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/openDatabase';
import type { MigrationHooks } from '../../platform/db/migrations/types';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { chainMac, GENESIS_HASH, legacyChainHash, link, type StoredRecord } from './chainHash';
import { CrisisLogRepository } from './crisisLogRepository';
import { systemRecord } from './crisisLogService';
import { GENESIS_ANCHOR, writeAnchor } from './logAnchor';
import { logKeysFrom } from './logKeys';

export interface ChainMigrationDeps {
  readonly workspaceId: WorkspaceId;
  /** The workspace secret from the key ring (read only when the migration runs). */
  readonly secret: () => Buffer;
  readonly anchorPath: string;
  readonly clock: Clock;
  /** The report language stored in the database being migrated. */
  readonly language: (db: Db) => Language;
}

/** Where the old SHA-256 chain first failed, if it did: re-linking must not hide it. */
function legacyBreak(records: readonly StoredRecord[]): number | undefined {
  let prevHash = GENESIS_HASH;
  for (const [i, r] of records.entries()) {
    if (r.seq !== i + 1 || r.prevHash !== prevHash || legacyChainHash(r) !== r.hash) return r.seq;
    prevHash = r.hash;
  }
  return undefined;
}

export function keyCrisisLogChain(deps: ChainMigrationDeps): (db: Db) => void {
  return (db) => {
    const keys = logKeysFrom(deps.secret(), deps.workspaceId);
    const repo = new CrisisLogRepository(db);
    const records = [...repo.walk()];
    if (records.length > 0) {
      const brokenAt = legacyBreak(records);
      // Each record keeps its number: a gap the old chain had stays visible to verify.
      let prevHash = GENESIS_HASH;
      const links = records.map((r) => {
        const hash = chainMac(keys.chain, { ...r, prevHash });
        const relinked = { seq: r.seq, prevHash, hash };
        prevHash = hash;
        return relinked;
      });
      repo.relink(links);
      const data = { records: records.length, legacyHead: records.at(-1)!.hash, ...(brokenAt === undefined ? {} : { brokenAt }) };
      const entry = { incidentId: null, code: 'log.chainKeyed', data };
      repo.insert(link(keys.chain, repo.head(), systemRecord(randomUUID(), entry, deps.clock.now().toISOString(), deps.language(db))));
    }
    writeAnchor(deps.anchorPath, keys.anchor, deps.workspaceId, repo.head() ?? GENESIS_ANCHOR);
  };
}

/** The hooks the workspace store gives migrations, for each workspace it opens. */
export const crisisLogMigrationHooks =
  (deps: { store: () => WorkspaceStore; clock: Clock; language: (db: Db) => Language }) =>
  (workspaceId: WorkspaceId): MigrationHooks => ({
    keyCrisisLogChain: keyCrisisLogChain({
      workspaceId,
      secret: () => deps.store().secret(workspaceId),
      anchorPath: deps.store().anchorPath(workspaceId),
      clock: deps.clock,
      language: deps.language,
    }),
  });
