// Must-show 2: what goes wrong between Tocsin and the company's relay or gateway gives each message a clear status
// and retries; sealed mode holds every message without a single connection and says why.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { DeliveryMessage } from '../../../../../src/shared/domain/notify';
import type { CrisisPlan } from '../../../../../src/shared/domain/plan';
import { alertSettings, mobiliseOnCrisis, reachablePlan } from '../../../../support/alertPlan';
import { gateway, mailRelay, type Gateway, type MailRelay } from '../../../../support/alertServers';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const MINUTE = 60_000;
const START = Date.parse('2026-03-02T08:00:00Z');
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

/** Only the crisis lead is alerted, on the channels given; three attempts per channel. */
async function setup(channels: NonNullable<NonNullable<CrisisPlan['roles'][number]['holder']>['channels']>, options: { relayUser?: { name: string; password: string } } = {}) {
  let t = START;
  const relay: MailRelay = await mailRelay({ user: options.relayUser });
  const gw: Gateway = await gateway();
  const core: Core = makeTestCore(newDir(), {
    clock: { now: () => new Date(t) },
    notify: { intervalMs: 0, requestTimeoutMs: 300, maxAttempts: 3, random: () => 0.5 },
  });
  open.push(gw, relay, core);
  await reachablePlan(core, (plan) => {
    plan.escalation.levels.crisis.first = ['crisisLead'];
    plan.roles.find((r) => r.id === 'crisisLead')!.holder!.channels = channels;
  });
  const settings = alertSettings(relay.port, gw.url);
  await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings });
  const incidentId = await mobiliseOnCrisis(core);
  const messages = async (): Promise<DeliveryMessage[]> => (await invoke(core, 'notify:deliveries', { workspaceId: 'live', incidentId })).messages;
  const pass = async (minutes: number): Promise<DeliveryMessage[]> => {
    t = START + minutes * MINUTE;
    await core.notify.tick();
    return messages();
  };
  return { core, relay, gw, settings, incidentId, pass, messages };
}

describe('delivery faults', () => {
  it('retries a refused connection with backoff, then fails the message with the reason', async () => {
    const { gw, pass, core, incidentId } = await setup(['sms']);
    await gw.close();
    let [m] = await pass(0);
    expect(m).toMatchObject({ status: 'queued', attempts: 1, reason: { key: 'unreachable' } });
    expect(String(m!.reason!.params.cause)).toMatch(/ECONNREFUSED/);
    // Backoff: the next attempt waits (22.5 s with this jitter), not the next pass.
    expect(m!.nextAttemptAt).toBe(new Date(START + 22_500).toISOString());
    [m] = await pass(0.1);
    expect(m!.attempts).toBe(1);
    [m] = await pass(1);
    expect(m).toMatchObject({ status: 'queued', attempts: 2 });
    [m] = await pass(10);
    expect(m).toMatchObject({ status: 'failed', attempts: 3, reason: { key: 'unreachable' } });
    const failed = core.crisisLog.list('live', { incidentId }).filter((e) => e.systemCode === 'notify.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.body).toContain('Impossible de joindre 127.0.0.1');
  });

  it('retries a 5xx answer and sends the same message, same idempotency key, once the gateway recovers', async () => {
    const { gw, pass } = await setup(['sms']);
    gw.answer = () => (gw.calls.length <= 2 ? { status: 503, body: 'maintenance' } : { status: 202, body: '{"status":"queued"}' });
    expect((await pass(0))[0]).toMatchObject({ status: 'queued', reason: { key: 'serverProblem', params: { status: 503 } } });
    expect((await pass(1))[0]).toMatchObject({ status: 'queued', attempts: 2 });
    expect((await pass(5))[0]).toMatchObject({ status: 'sent', attempts: 3, reason: null });
    expect(new Set(gw.calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
  });

  it('gives up on a gateway that does not answer in time and says so', async () => {
    const { gw, pass } = await setup(['sms']);
    gw.answer = () => ({ status: 200, delayMs: 1_500 });
    expect((await pass(0))[0]).toMatchObject({ status: 'queued', attempts: 1, reason: { key: 'timeout' } });
    gw.answer = () => ({ status: 200 });
    expect((await pass(1))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    const { gw, pass } = await setup(['sms']);
    gw.answer = () => (gw.calls.length === 1 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 });
    const [m] = await pass(0);
    expect(m).toMatchObject({ status: 'queued', reason: { key: 'rateLimited' } });
    expect(m!.nextAttemptAt).toBe(new Date(START + 120_000).toISOString());
    await pass(1.5);
    expect(gw.calls).toHaveLength(1);
    expect((await pass(2))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gw.calls).toHaveLength(2);
  });

  it('names an untrusted gateway certificate as the reason', async () => {
    const tlsGateway = await gateway({ tls: true });
    open.push(tlsGateway);
    const { core, settings, pass } = await setup(['sms']);
    await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings: { ...settings, sms: { ...settings.sms!, url: `${tlsGateway.url}/sms` } } });
    const [m] = await pass(0);
    expect(m).toMatchObject({ status: 'queued', attempts: 1, reason: { key: 'tlsCertificate' } });
    expect(tlsGateway.calls).toHaveLength(0);
  });

  it('fails a refused relay login at once and reaches the person on their next channel', async () => {
    const { core, settings, pass, gw, relay } = await setup(['email', 'sms'], { relayUser: { name: 'tocsin', password: 'right' } });
    await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings: { ...settings, email: { ...settings.email!, user: 'tocsin', password: 'wrong' } } });
    const messages = await pass(0);
    expect(messages.map((m) => [m.channel, m.status, m.reason?.key ?? null])).toEqual([
      ['email', 'failed', 'smtpAuth'],
      ['sms', 'sent', null],
    ]);
    expect(relay.mails).toHaveLength(0);
    expect(gw.calls).toHaveLength(1);
    // Right password: the relay takes it.
    await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings: { ...settings, email: { ...settings.email!, user: 'tocsin', password: 'right' } } });
    expect(await invoke(core, 'notify:sendTest', { workspaceId: 'live', channel: 'email', to: 'it@example.test' })).toEqual({ ok: true, reason: null });
  });

  it('holds every message in sealed mode without one connection, says why, and sends once unsealed', async () => {
    const { core, pass, relay, gw, incidentId } = await setup(['email']);
    await invoke(core, 'workspaces:updateSettings', { workspaceId: 'live', settings: { sealed: true } });
    const held = await pass(0);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ status: 'queued', attempts: 0, reason: { key: 'sealed' } });
    const test = await invoke(core, 'notify:sendTest', { workspaceId: 'live', channel: 'sms', to: '+41790000000' });
    expect(test).toMatchObject({ ok: false, reason: { key: 'sealed' } });
    expect((await invoke(core, 'notify:deliveries', { workspaceId: 'live', incidentId })).blocked).toMatchObject({ key: 'sealed' });
    await pass(30);
    expect({ relay: relay.connections, gateway: gw.connections }).toEqual({ relay: 0, gateway: 0 });

    await invoke(core, 'workspaces:updateSettings', { workspaceId: 'live', settings: { sealed: false } });
    const sent = await pass(32);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.map((m) => [m.status, m.attempts, m.reason])).toEqual(sent.map(() => ['sent', 1, null]));
    expect(relay.mails).toHaveLength(sent.length);
  });

  it('sends a test message through the relay on request', async () => {
    const { core, relay } = await setup(['email']);
    expect(await invoke(core, 'notify:sendTest', { workspaceId: 'live', channel: 'email', to: 'it@example.test' })).toEqual({ ok: true, reason: null });
    expect(relay.mails.map((m) => m.to)).toEqual([['it@example.test']]);
    expect(relay.mails[0]!.text).toContain('Message de test de Tocsin');
  });
});
