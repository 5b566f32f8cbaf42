import { describe, expect, it } from 'vitest';
import { healthMessage, healthMessageSchema, healthText } from '../../../../src/shared/domain/healthMessage';
import { healthEn, healthFr } from '../../../../src/shared/i18n/health';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('health messages', () => {
  it('words a message in English from the catalogue, values as they came', () => {
    expect(healthText(healthMessage('serverProblem', { host: 'flux.example', status: 503 }))).toBe('flux.example has a server problem (HTTP 503).');
    expect(healthText(healthMessage('sealed'))).toBe('Sealed mode is on: no network traffic leaves this workspace.');
  });

  it('gives every French wording the same values as the English one', () => {
    for (const key of Object.keys(healthEn) as Array<keyof typeof healthEn>) {
      expect(placeholders(healthFr[key]), key).toEqual(placeholders(healthEn[key]));
    }
  });

  it('refuses keys the catalogue does not know, so a stored message never shows a raw key', () => {
    expect(healthMessageSchema.safeParse({ key: 'serverProblem', params: { status: 503 } }).success).toBe(true);
    expect(healthMessageSchema.safeParse({ key: 'noSuchProblem', params: {} }).success).toBe(false);
  });
});
