// The body of a webhook delivery → mention candidates: one mention, an array, or `{ "mentions": [...] }`.
// Each candidate is validated later by ingestion, which reports the bad ones.

export class WebhookPayloadError extends Error {}

export const MAX_WEBHOOK_ITEMS = 1000;

export function mentionsFromPayload(body: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new WebhookPayloadError('The body is not valid JSON.');
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { mentions?: unknown }).mentions)
      ? ((parsed as { mentions: unknown[] }).mentions)
      : parsed && typeof parsed === 'object'
        ? [parsed]
        : null;
  if (!items) throw new WebhookPayloadError('Expected a mention, an array of mentions, or {"mentions": [...]}.');
  if (items.length > MAX_WEBHOOK_ITEMS) throw new WebhookPayloadError(`At most ${MAX_WEBHOOK_ITEMS} mentions per delivery.`);
  return items;
}
