import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
const WS = 'live';
const AT = Date.parse('2026-03-02T08:00:00Z');

let core: Core | undefined;
afterEach(() => core?.close());

/** A watch whose burst of negative posts (cycling through `texts`) opens an alert; returns the alert. */
async function alertOn(c: Core, name: string, language: 'fr' | 'en', texts: string[]) {
  await invoke(c, 'watches:create', { workspaceId: WS, watch: { name, keywords: [name] } });
  const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: `Hook ${name}`, config: {} } });
  await c.ingest.ingest(
    WS,
    source.id,
    Array.from({ length: 30 }, (_, i) => ({
      externalId: `${name}-${i}`,
      author: { handle: `${name}-client${i}`, audience: 300, kind: 'public' as const },
      text: `${name} ${texts[i % texts.length]!}`,
      language,
      publishedAt: new Date(AT - i * 20_000).toISOString(),
    })),
  );
  const alerts = await invoke(c, 'detection:listAlerts', { workspaceId: WS });
  const alert = alerts.find((a) => a.watchName === name);
  expect(alert, `an alert on ${name}`).toBeDefined();
  return alert!;
}

describe('from an alert to its incident', () => {
  it('proposes the scenario the alert’s words point to, in French and English, not “Viral complaint”', async () => {
    core = makeTestCore(newDir(), { clock: { now: () => new Date(AT) } });
    const leakFr = await alertOn(core, 'Helvetia', 'fr', [
      'fuite de données : mes infos bancaires en ligne, c’est honteux',
      'PIRATAGE chez eux, quelle honte, fuite de donnees confirmée',
      'scandale, mes données personnelles volées, inadmissible',
    ]);
    const leakEn = await alertOn(core, 'Harbor', 'en', [
      'data leak: my account was hacked, terrible and shameful',
      'huge data breach, they got hacked and lied, awful',
      'phishing emails after the leak, worst bank ever, disgusting',
    ]);
    const recall = await alertOn(core, 'Crèmerie', 'fr', [
      'rappel produit : yaourts contaminés, c’est honteux',
      'mon fils malade après le yaourt contaminé, scandale',
      'lot défectueux, rappel tardif, inadmissible',
    ]);
    const complaint = await alertOn(core, 'Colis', 'fr', [
      'service client inadmissible, quelle honte',
      'colis perdu, personne ne répond, honteux et scandaleux',
      'jamais plus, boycott, service client nul',
    ]);
    // The burst of the issue: a leak among outraged posts, whose outrage words belong to any crisis.
    const outraged = await alertOn(core, 'Caisse', 'fr', ['Scandale : fuite de données, #boycott', 'nous ment, c’est honteux et inadmissible']);
    const propose = (alertId: number) => invoke(core!, 'incidents:proposeFromAlert', { workspaceId: WS, alertId });
    expect(await propose(leakFr.id)).toMatchObject({ incidentId: null, scenarioKind: 'dataBreach', scenarioId: 'dataBreach' });
    expect((await propose(leakFr.id)).because).toEqual(expect.arrayContaining(['fuite de données', 'piratage']));
    expect(await propose(leakEn.id)).toMatchObject({ scenarioKind: 'dataBreach' });
    expect((await propose(leakEn.id)).because).toEqual(expect.arrayContaining(['hacked']));
    expect(await propose(outraged.id)).toMatchObject({ scenarioKind: 'dataBreach' });
    expect(await propose(recall.id)).toMatchObject({ scenarioKind: 'productDefect' });
    expect(await propose(complaint.id)).toMatchObject({ scenarioKind: 'viralComplaint' });
    await expect(propose(9999)).rejects.toThrow();
  });

  it('opens the incident of an acknowledged alert, and gives back that incident rather than a second one', async () => {
    core = makeTestCore(newDir(), { clock: { now: () => new Date(AT) } });
    const alert = await alertOn(core, 'Helvetia', 'fr', ['fuite de données, honteux', 'piratage, scandale inadmissible']);
    await invoke(core, 'detection:acknowledgeAlert', { workspaceId: WS, alertId: alert.id, by: 'Léa' });
    const open = () =>
      invoke(core!, 'incidents:openFromAlert', { workspaceId: WS, alertId: alert.id, scenarioKind: 'dataBreach', severity: 'critical', actor: lead });
    const first = await open();
    expect(first.alert).toMatchObject({ alertId: String(alert.id) });
    expect(await invoke(core, 'incidents:proposeFromAlert', { workspaceId: WS, alertId: alert.id })).toMatchObject({ incidentId: first.id });
    const again = await open();
    expect(again.id).toBe(first.id);
    expect(await invoke(core, 'incidents:list', { workspaceId: WS })).toHaveLength(1);
    // The acknowledgement made by a person stays theirs.
    expect(await invoke(core, 'detection:getAlert', { workspaceId: WS, alertId: alert.id })).toMatchObject({ status: 'acknowledged', statusBy: 'Léa' });
  });

  it('gives the first alert after a watch was deleted an id of its own, never the deleted alert\'s, and its own incident', async () => {
    let now = AT;
    core = makeTestCore(newDir(), { clock: { now: () => new Date(now) } });
    const first = await alertOn(core, 'Helvetia', 'fr', ['fuite de données, honteux', 'piratage, scandale inadmissible']);
    now += 10 * 60_000;
    const old = await invoke(core, 'incidents:openFromAlert', { workspaceId: WS, alertId: first.id, scenarioKind: 'dataBreach', severity: 'high', actor: lead });
    await invoke(core, 'watches:delete', { workspaceId: WS, id: first.watchId });
    const second = await alertOn(core, 'Harbor', 'en', ['data leak, my account was hacked, shameful', 'hacked again, awful and disgusting']);
    expect(second.id).toBeGreaterThan(first.id);
    expect(await invoke(core, 'incidents:proposeFromAlert', { workspaceId: WS, alertId: second.id })).toMatchObject({ incidentId: null });
    const fresh = await invoke(core, 'incidents:openFromAlert', { workspaceId: WS, alertId: second.id, scenarioKind: 'dataBreach', severity: 'high', actor: lead });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.alert).toMatchObject({ watch: 'Harbor' });
  });
});
