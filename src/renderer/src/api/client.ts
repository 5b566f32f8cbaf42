// Picks the transport once: the preload's IPC API inside Electron, HTTP in a plain browser.
import {
  AppFailure,
  type AppApi,
  type CallInput,
  type CallName,
  type CallOutput,
  type Result,
} from '../../../shared/contract/index';
import { createHttpApi } from './httpApi';

declare global {
  interface Window {
    api?: AppApi;
  }
}

/** The folder the page was loaded from: browser mode serves everything under `/<token>/`. */
const pageBase = (): string => new URL('.', window.location.href).toString();

export const api: AppApi = window.api ?? createHttpApi(pageBase());

/** Calls the backend and unwraps the envelope, so TanStack Query sees failures as errors. */
export async function callApi<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  // Indexing the mapped type by a generic key loses the per-call pairing TypeScript cannot track.
  const call = api[name] as unknown as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  const result = await call(input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues, result.error.wording);
  return result.value;
}
