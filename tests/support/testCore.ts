// A real core on a temporary data folder, for tests that go through the contract.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppFailure, type CallInput, type CallName, type CallOutput } from '../../src/shared/contract/index';
import { createCore, type Core, type CoreOptions } from '../../src/main/app/createCore';
import type { ComposerTuning } from '../../src/main/features/composer';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import { trackOpenCore } from './openCores';

/** Outbox timing for loopback servers: failures and retries show within a test's patience. */
export const loopbackComposerTuning: ComposerTuning = { backoff: { baseMs: 20, maxMs: 250 }, requestTimeoutMs: 400, idleMs: 50, concurrency: 4 };

export type TestCoreOverrides = Partial<Omit<CoreOptions, 'dataDir'>>;

/**
 * The one way tests build a core: the wall clock, a silent logger and output checking, unless a test says otherwise
 * (an override left undefined keeps the default).
 */
export function makeTestCore(dataDir: string, { clock = { now: () => new Date() }, ...overrides }: TestCoreOverrides = {}): Core {
  const core = createCore({
    dataDir,
    keyRing: new KeyRing(dataDir),
    clock,
    logger: silentLogger,
    shell: { shell: 'browser', version: 'test' },
    checkOutput: true,
    ...overrides,
  });
  return trackOpenCore(core, dataDir);
}

export const randomKey = (): Buffer => randomBytes(32);

/** The raw key of a workspace database, for tests that open or tamper with the file directly. */
export const workspaceKey = (dataDir: string, workspaceId: string): Buffer =>
  new KeyRing(dataDir).keyFor(workspaceId, join(dataDir, 'workspaces', `${workspaceId}.key`));

/**
 * Calls the core through the contract (as a transport would) and unwraps the result, typed; a refusal throws the
 * backend's AppFailure. Tests that look at a refusal itself read `core.dispatch`'s Result.
 */
export async function invoke<K extends CallName>(core: Core, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
  return result.value as CallOutput<K>;
}
