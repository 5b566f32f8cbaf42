// The handler map type: one Electron-free function per contract call, input already validated.
import type { z } from 'zod';
import type { CallName, CallOutput, Calls } from '../../../shared/contract/index';

export type Handler<K extends CallName> = (input: z.output<Calls[K]['input']>) => CallOutput<K> | Promise<CallOutput<K>>;

export type Handlers = { readonly [K in CallName]: Handler<K> };

export type HandlersFor<Prefix extends string> = {
  readonly [K in CallName as K extends `${Prefix}:${string}` ? K : never]: Handler<K>;
};

/** What every feature's `create<Feature>(deps)` returns: its contract handlers and, if it runs, start and stop. */
export interface FeatureModule {
  readonly handlers: Partial<Handlers>;
  start?(): void;
  stop?(): void;
}

/** All features' handlers as one map; a contract call nobody handles is a start-up error, not a runtime 500. */
export function mergeHandlers(modules: readonly FeatureModule[], callNames: readonly CallName[]): Handlers {
  const merged: Partial<Record<CallName, unknown>> = {};
  for (const module of modules) {
    for (const [name, handler] of Object.entries(module.handlers)) {
      if (name in merged) throw new Error(`Two features handle ${name}.`);
      merged[name as CallName] = handler;
    }
  }
  const missing = callNames.filter((name) => !(name in merged));
  if (missing.length > 0) throw new Error(`No feature handles ${missing.join(', ')}.`);
  return merged as Handlers;
}
