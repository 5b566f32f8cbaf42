// Crash safety of alerts: SIGKILL the backend at random moments of a mobilisation wave and start it again, until
// the wave is out. Every message reaches its server; none reaches a phone twice through a gateway that honours
// Idempotency-Key; an e-mail accepted twice is only one that was going out at a kill, which the crisis log says was
// sent again, with the same Message-ID both times (SMTP cannot tell a client whether an interrupted send landed).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleForChild } from '../../../support/appExternals';
import { alertSettings, mobiliseOnCrisis, reachablePlan } from '../../../support/alertPlan';
import { gateway, mailRelay, type Gateway, type MailRelay } from '../../../support/alertServers';
import { useTempDirs } from '../../../support/tempDir';
import { invoke, makeTestCore } from '../../../support/testCore';

const tempDir = useTempDirs();
const KILLS = Number(process.env.TOCSIN_ALERT_KILLS ?? 4);
let child = '';
let relay: MailRelay | undefined;
let gw: Gateway | undefined;
afterEach(async () => {
  await relay?.close();
  await gw?.close();
});

beforeAll(() => {
  child = bundleForChild('tests/support/alertChild.ts', join(tempDir(), 'alertChild.cjs'));
});

/** Runs the child until `until` says so, then SIGKILLs it `graceMs` later. */
function runChild(dataDir: string, until: () => boolean, graceMs: number): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const proc = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: resolve('node_modules') } });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const watcher = setInterval(() => {
      if (!until()) return;
      clearInterval(watcher);
      setTimeout(() => proc.kill('SIGKILL'), graceMs);
    }, 5);
    proc.on('exit', (_code, signal) => {
      clearInterval(watcher);
      if (signal === 'SIGKILL') resolveRun();
      else reject(new Error(`alert child ended without being killed: ${stderr.slice(-2000)}`));
    });
  });
}

describe('crash safety of alerts', () => {
  it(`sends every alert of a wave over ${KILLS} SIGKILLs, none lost, none twice but an e-mail in flight at a kill`, { timeout: 5 * 60_000 }, async () => {
    const dataDir = tempDir();
    // The relay greets slowly, as a busy one does, so kills land inside conversations.
    relay = await mailRelay({ greetingDelayMs: 40 });
    gw = await gateway({ idempotent: true });
    gw.answer = () => ({ status: 200, delayMs: 30 });
    const setup = makeTestCore(dataDir, { notify: { intervalMs: 0 } });
    await reachablePlan(setup);
    await invoke(setup, 'notify:setSettings', { workspaceId: 'live', settings: alertSettings(relay.port, gw.url) });
    const incidentId = await mobiliseOnCrisis(setup);
    setup.close();

    const mailIds = (): string[] => relay!.mails.map((m) => /^<(.+)@tocsin\.invalid>$/.exec(m.messageId)?.[1] ?? m.messageId);
    const keyOf = (c: { headers: Record<string, unknown> }) => String(c.headers['idempotency-key']);
    const receptions = (): string[] => [...mailIds(), ...gw!.delivered.map(keyOf)];
    // Each run is killed at a random moment after its first new reception: inside the wave, often inside a send.
    let midWave = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = receptions().length;
      if (new Set(receptions()).size >= 10) break;
      await runChild(dataDir, () => receptions().length > before, Math.floor(Math.random() * 90));
      if (new Set(receptions()).size < 10) midWave += 1;
    }
    // A last run to the end of the wave, left alone long enough to record each answer.
    await runChild(dataDir, () => new Set(receptions()).size >= 10, 800);

    const check = makeTestCore(dataDir, { notify: { intervalMs: 0 } });
    try {
      const { messages } = await invoke(check, 'notify:deliveries', { workspaceId: 'live', incidentId });
      const resent = new Set(
        check.crisisLog.list('live', { incidentId, limit: 1000 }).filter((e) => e.systemCode === 'notify.resent').map((e) => String(e.data?.messageId)),
      );
      const counts = new Map<string, number>();
      for (const id of receptions()) counts.set(id, (counts.get(id) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      const absorbed = gw!.calls.length - gw!.delivered.length;
      console.log(
        `alert kill test: ${KILLS} SIGKILLs (${midWave} mid-wave), ${messages.length} messages, ${resent.size} resent after a kill, ` +
          `${absorbed} gateway resends absorbed by their Idempotency-Key, ${twice.length} e-mails accepted twice (same Message-ID)`,
      );

      expect(messages).toHaveLength(10);
      expect(messages.map((m) => m.status).filter((s) => s !== 'sent' && s !== 'delivered')).toEqual([]);
      expect([...counts.keys()].sort()).toEqual(messages.map((m) => m.id).sort());
      expect(new Set(gw!.delivered.map(keyOf)).size).toBe(gw!.delivered.length);
      expect(twice.filter((id) => !resent.has(id))).toEqual([]);
      expect(midWave).toBeGreaterThan(0);
    } finally {
      check.close();
    }
  });
});
