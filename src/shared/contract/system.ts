// Calls about the running app itself: which shell hosts it, and the checked way out to external links.
import { z } from 'zod';
import { call, event } from './define';

export const shellKindSchema = z.enum(['electron', 'browser', 'relay']);

export const systemCalls = {
  'system:info': call(
    z.object({}),
    z.object({ shell: shellKindSchema, version: z.string(), platform: z.string() }),
  ),
  /** Electron only; browser mode answers UNAVAILABLE and the page opens the link itself. */
  'system:openExternal': call(z.object({ url: z.string().max(4096) }), z.object({ opened: z.boolean() })),
} as const;

export const systemEvents = {
  /** Browser mode: the page's event stream broke for longer than the backend keeps events, so it reads everything again. */
  'system:eventsMissed': event(z.object({})),
} as const;
