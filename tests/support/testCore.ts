// A real core on a temporary data folder, for tests that go through the contract.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/createCore';
import { silentLogger } from '../../src/main/core/logger';
import { KeyRing } from '../../src/main/security/keyRing';
import { join } from 'node:path';

export function makeTestCore(dataDir: string, clock: Clock = { now: () => new Date() }): Core {
  return createCore({
    dataDir,
    keyRing: new KeyRing(dataDir),
    clock,
    logger: silentLogger,
    shell: { shell: 'browser', version: 'test' },
    checkOutput: true,
  });
}

export const randomKey = (): Buffer => randomBytes(32);

/** The raw key of a workspace database, for tests that open or tamper with the file directly. */
export const workspaceKey = (dataDir: string, workspaceId: string): Buffer =>
  new KeyRing(dataDir).keyFor(workspaceId, join(dataDir, 'workspaces', `${workspaceId}.key`));
