// Typed access to a test core's dispatcher, so tests read results with the contract's output types.
import type { Core } from '../../src/main/app/createCore';
import type { CallInput, CallName, CallOutput, Result } from '../../src/shared/contract/index';

export const callCore = <K extends CallName>(core: Core, name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> =>
  core.dispatch(name, input) as Promise<Result<CallOutput<K>>>;

/** The value of a call that must succeed; a failure throws with the backend's message. */
export async function mustCall<K extends CallName>(core: Core, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await callCore(core, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
