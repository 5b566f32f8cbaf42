// A regulatory reminder is recorded as given and its messages queued in one transaction: a backend killed between
// the two gives the reminder again at its next start, so it is neither lost nor sent twice.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleForChild } from '../../../support/appExternals';
import { alertSettings, lead, reachablePlan } from '../../../support/alertPlan';
import { gateway, mailRelay, type Gateway, type MailRelay } from '../../../support/alertServers';
import { useTempDirs } from '../../../support/tempDir';
import { invoke, makeTestCore } from '../../../support/testCore';

const tempDir = useTempDirs();
const CLASSIFIED = Date.parse('2026-03-27T10:00:00Z');
const HALF_TIME = new Date(CLASSIFIED + 60 * 60_000);
let child = '';
let relay: MailRelay | undefined;
let gw: Gateway | undefined;
afterEach(async () => {
  await relay?.close();
  await gw?.close();
});

beforeAll(() => {
  child = bundleForChild('tests/support/reminderChild.ts', join(tempDir(), 'reminderChild.cjs'));
});

/** Runs the child at `now`; resolves with how it ended. */
function runChild(dataDir: string, now: Date, killAtCode: string): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, [child, dataDir, now.toISOString(), killAtCode], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: resolve('node_modules') } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('exit', (_code, signal) => done({ signal, stdout, stderr }));
  });
}

describe('a reminder across a crash', () => {
  // Killed once the reminder is in the crisis log (it is recorded as given), then once its first message is queued.
  it.each(['clock.reminder', 'notify.queued'])('is queued once after a kill at %s', { timeout: 60_000 }, async (killAtCode) => {
    const dataDir = tempDir();
    relay = await mailRelay();
    gw = await gateway();
    const setup = makeTestCore(dataDir, { clock: { now: () => new Date(CLASSIFIED) }, notify: { intervalMs: 0 } });
    await reachablePlan(setup);
    await invoke(setup, 'notify:setSettings', { workspaceId: 'live', settings: alertSettings(relay.port, gw.url) });
    const incident = await invoke(setup, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: 'Fuite de données clients', scenarioId: null, scenarioKind: 'dataBreach', severity: 'critical', summary: '', actor: lead },
    });
    // The board must hear within 2 h: at 1 h, half the time is gone and the owner and the crisis lead are reminded.
    await invoke(setup, 'clocks:classify', { workspaceId: 'live', incidentId: incident.id, obligationId: 'board-2h', awarenessAt: new Date(CLASSIFIED).toISOString(), actor: lead });
    setup.close();

    const run = await runChild(dataDir, HALF_TIME, killAtCode);
    expect(run.signal, run.stderr || run.stdout).toBe('SIGKILL');

    const again = makeTestCore(dataDir, { clock: { now: () => HALF_TIME }, notify: { intervalMs: 0 } });
    try {
      again.clocks.remindDue(['live']);
      await again.notify.tick();
      again.clocks.remindDue(['live']);
      await again.notify.tick();
      expect(relay.mails.map((m) => m.to[0]).sort()).toEqual(['holder0@example.test', 'holder1@example.test']);
      const { messages } = await invoke(again, 'notify:deliveries', { workspaceId: 'live', incidentId: incident.id });
      expect(messages.map((m) => [m.stage, m.status])).toEqual([
        ['reminder', 'sent'],
        ['reminder', 'sent'],
      ]);
      const log = again.crisisLog.list('live', { incidentId: incident.id, limit: 1000 });
      expect(log.filter((e) => e.systemCode === 'clock.reminder')).toHaveLength(1);
    } finally {
      again.close();
    }
  });
});
