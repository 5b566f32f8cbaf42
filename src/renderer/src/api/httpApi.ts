// Browser-mode transport: the contract over fetch (calls) and EventSource (push events).
import {
  callNames,
  fail,
  isEventName,
  type AppApi,
  type EventName,
  type Result,
} from '../../../shared/contract/index';

/**
 * `baseUrl` is the token-scoped folder the page was served from (e.g. `http://127.0.0.1:4100/<token>/`),
 * so every request carries the launch token in its path and no cookie is ever involved.
 */
export function createHttpApi(baseUrl: string): AppApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const ensureSource = (): void => {
    if (source) return;
    source = new EventSource(new URL('events', baseUrl));
    for (const name of listeners.keys()) attach(name);
  };
  const attached = new Set<EventName>();
  const attach = (name: EventName): void => {
    if (!source || attached.has(name)) return;
    attached.add(name);
    source.addEventListener(name, (e) => {
      const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  };

  const invoke = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(new URL(`rpc/${encodeURIComponent(name)}`, baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      // Worded from the catalogues on screen; the English beside it is for logs.
      if (response.status === 401) return fail('UNAUTHORIZED', 'Unauthorized: missing or wrong launch token.', undefined, { key: 'platform.http.badToken' });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return fail('UNAVAILABLE', `The Tocsin server cannot be reached (${detail}).`, undefined, { key: 'platform.http.unreachable', values: { detail } });
    }
  };

  const api = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => invoke(name, input)]));
  return {
    ...api,
    subscribe: (name: EventName, listener: (payload: unknown) => void) => {
      if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      ensureSource();
      attach(name);
      return () => set.delete(listener);
    },
  } as unknown as AppApi;
}
