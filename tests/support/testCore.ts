// A real core on a temporary data folder, for tests that go through the contract.
import { randomBytes } from 'node:crypto';
import { AppFailure, type CallInput, type CallName, type CallOutput } from '../../src/shared/contract/index';
import type { Clock } from '../../src/main/platform/clock';
import { createCore, type Core } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
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

/** Calls the core through the contract (as a transport would) and unwraps the result, typed. */
export async function invoke<K extends CallName>(core: Core, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
  return result.value as CallOutput<K>;
}
