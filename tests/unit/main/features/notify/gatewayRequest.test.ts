// A gateway body is built from a template: values must land escaped for the body's format, whatever they hold.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gatewayRequest, retryAfterMs } from '../../../../../src/main/features/notify/gatewaySender';
import { gatewaySettingsSchema } from '../../../../../src/shared/domain/notify';

const hostile = 'Fuite "clients"\n}{"to":"+000","x":"\\u0000 & a=b%';

describe('gateway request', () => {
  it('keeps a JSON body valid and its values intact, and signs the exact bytes sent', () => {
    const settings = gatewaySettingsSchema.parse({
      url: 'https://sms.example/send',
      bodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
      hmac: { header: 'X-Signature', secret: 's3cret' },
    });
    const { body, headers } = gatewayRequest(settings, { id: 'msg-1', values: { to: '+41790000000', text: hostile } });
    expect(JSON.parse(body!)).toEqual({ to: '+41790000000', text: hostile });
    expect(headers['x-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(body!).digest('hex')}`);
    expect(headers['idempotency-key']).toBe('msg-1');
    expect(headers['content-type']).toBe('application/json');
  });

  it('form-encodes values in a form body and in the URL of a GET gateway', () => {
    const form = gatewayRequest(gatewaySettingsSchema.parse({ url: 'https://sms.example/send', bodyFormat: 'form', bodyTemplate: 'to={{to}}&msg={{text}}' }), {
      id: 'm',
      values: { to: '+41 79', text: hostile },
    });
    expect(Object.fromEntries(new URLSearchParams(form.body))).toEqual({ to: '+41 79', msg: hostile });
    const get = gatewayRequest(gatewaySettingsSchema.parse({ url: 'https://sms.example/send?to={{to}}&msg={{text}}', method: 'GET' }), {
      id: 'm',
      values: { to: '+41 79', text: hostile },
    });
    expect(get.body).toBeUndefined();
    expect(new URL(get.url).searchParams.get('msg')).toBe(hostile);
    expect(new URL(get.url).host).toBe('sms.example');
  });

  it('reads Retry-After in seconds or as a date, bounded', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 08:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('99999999', now)).toBe(6 * 3600_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
