// A problem report that each screen can word in its own language: a catalogue key and the values it names.
import { z } from 'zod';
import { healthEn, type HealthKey } from '../i18n/health';

export const healthMessageSchema = z.object({
  key: z.enum(Object.keys(healthEn) as [HealthKey, ...HealthKey[]]),
  params: z.record(z.string(), z.union([z.string().max(1000), z.number()])),
});
export type HealthMessage = z.infer<typeof healthMessageSchema>;

export function healthMessage(key: HealthKey, params: Record<string, string | number> = {}): HealthMessage {
  return { key, params };
}

/** A stored message; one whose key this catalogue does not know is dropped (the English text remains). */
export function parseHealthMessage(json: string | null): HealthMessage | null {
  if (json === null) return null;
  try {
    const parsed = healthMessageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The English wording, for logs and for the plain `message` of errors. */
export function healthText(message: HealthMessage): string {
  return healthEn[message.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(message.params[name] ?? ''));
}
