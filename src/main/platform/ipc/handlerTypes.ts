// The handler map type: one Electron-free function per contract call, input already validated.
import type { z } from 'zod';
import type { CallName, CallOutput, Calls } from '../../../shared/contract/index';

export type Handler<K extends CallName> = (input: z.output<Calls[K]['input']>) => CallOutput<K> | Promise<CallOutput<K>>;

export type Handlers = { readonly [K in CallName]: Handler<K> };

export type HandlersFor<Prefix extends string> = {
  readonly [K in CallName as K extends `${Prefix}:${string}` ? K : never]: Handler<K>;
};
