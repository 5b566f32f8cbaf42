// The local webhook receiver over loopback HTTP with Standard Webhooks signatures, through to the store.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WebhookService } from '../../../../../../src/main/features/sources/webhook/webhookService';
import { silentLogger } from '../../../../../../src/main/platform/logger';
import { ingestFixture } from '../../../../../support/schedulerFixture';

// The example of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks, spec).
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const services: WebhookService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

async function setup() {
  const t = ingestFixture({ wallClock: true });
  const { clock, ingest } = t;
  const secret = 'whsec_' + Buffer.from('a local tool shares this secret!').toString('base64');
  const sourceId = t.repo.create({ kind: 'webhook', name: 'n8n', config: { port: 0 }, credentials: { secret }, intervalSeconds: 3600 }, '2026-01-01T00:00:00Z');
  const service = new WebhookService(t.lookup, ingest, clock, silentLogger);
  services.push(service);
  await service.sync();
  const port = await service.boundPort(0);
  const url = `http://127.0.0.1:${port}/hooks/${sourceId}`;
  const post = (body: string, headers: Record<string, string>, path = url, method = 'POST') =>
    fetch(path, { method, body: method === 'GET' ? undefined : body, headers: { 'content-type': 'application/json', ...headers } });
  const signed = (id: string, body: string, at = new Date()) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  });
  return { ...t, url, post, signed, sourceId, secret };
}

const mention = (id: string, text: string) => ({ externalId: id, author: { handle: '@veille' }, text, publishedAt: '2026-03-10T10:00:00Z', language: 'fr' });

describe('webhook receiver', () => {
  it('signs exactly like the Standard Webhooks specification example', () => {
    expect(new Webhook(SPEC.secret).sign(SPEC.id, new Date(SPEC.timestamp * 1000), SPEC.payload)).toBe(SPEC.signature);
    const key = Buffer.from(SPEC.secret.slice('whsec_'.length), 'base64');
    const manual = createHmac('sha256', key).update(`${SPEC.id}.${SPEC.timestamp}.${SPEC.payload}`).digest('base64');
    expect(`v1,${manual}`).toBe(SPEC.signature);
  });

  it('stores a signed delivery once, whatever the retries', async () => {
    const t = await setup();
    const body = JSON.stringify({ mentions: [mention('w1', 'Fuite de données chez ACME ?'), mention('w2', 'Second message')] });
    const headers = t.signed('msg_1', body);
    const first = await t.post(body, headers);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ replay: false, inserted: 2 });
    const retry = await t.post(body, headers);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ replay: true, inserted: 0 });
    expect(t.count()).toBe(2);
    expect(t.db.prepare("SELECT text FROM mentions WHERE external_id = 'w1'").pluck().get()).toBe('Fuite de données chez ACME ?');
  });

  it('accepts a single mention or an array, and reports bad items while keeping good ones', async () => {
    const t = await setup();
    const single = JSON.stringify(mention('s1', 'Un seul'));
    expect((await t.post(single, t.signed('msg_s', single))).status).toBe(202);
    const mixed = JSON.stringify([mention('a1', 'bon'), { externalId: 'a2', text: 'sans date', author: {} }]);
    const answer = await t.post(mixed, t.signed('msg_m', mixed));
    expect(await answer.json()).toMatchObject({ inserted: 1, rejected: 1 });
    expect(t.count()).toBe(2);
  });

  it('refuses bad signatures, stale timestamps, garbage, wrong paths and methods, oversized bodies', async () => {
    const t = await setup();
    const body = JSON.stringify(mention('x', 'x'));
    const forged = { ...t.signed('msg_f', body), 'webhook-signature': SPEC.signature };
    expect((await t.post(body, forged)).status).toBe(401);
    expect((await t.post(body, t.signed('msg_old', body, new Date(Date.now() - 10 * 60_000)))).status).toBe(401);
    expect((await t.post(body, {})).status).toBe(401);
    const tampered = t.signed('msg_t', body);
    expect((await t.post(body.replace('"x"', '"y"'), tampered)).status).toBe(401);
    expect((await t.post('not json', t.signed('msg_g', 'not json'))).status).toBe(400);
    expect((await t.post(body, t.signed('msg_p', body), t.url.replace(/\/hooks\/\d+$/, '/elsewhere'))).status).toBe(404);
    expect((await t.post(body, t.signed('msg_u', body), t.url.replace(/\d+$/, '999'))).status).toBe(404);
    expect((await t.post('', {}, t.url, 'GET')).status).toBe(405);
    const huge = JSON.stringify(mention('big', 'x'.repeat(2 * 1024 * 1024)));
    const tooLarge = await t.post(huge, t.signed('msg_big', huge)).then((r) => r.status, () => 413);
    expect(tooLarge).toBe(413);
    expect(t.count()).toBe(0);
  });
});
