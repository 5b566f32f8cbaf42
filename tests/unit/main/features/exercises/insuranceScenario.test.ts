import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('insurance scenario at ×60 through the real pipeline (#17 must show 3)', () => {
  it('plays the claims-refusal scandal and its debrief gives detection and first-statement times', async () => {
    let now = Date.parse('2026-11-21T08:00:00.000Z');
    const core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
    const exercise = await invoke(core, 'exercises:create', { name: 'Grêle Alvea' });
    const ws = { workspaceId: exercise.id };
    const scripts = await invoke(core, 'exercises:scripts', {});
    const summary = scripts.find((s) => s.id === 'insurance-claims-refusal');
    expect(summary).toMatchObject({ brand: 'Alvea', planScenario: 'viralComplaint', durationMinutes: 120, custom: false });
    expect(summary!.title.fr).toContain('grêle');
    expect(summary!.title.en).toContain('hail');

    await invoke(core, 'exercises:start', { ...ws, scriptId: 'insurance-claims-refusal', speed: 60 });
    /** At ×60 a real second is a game minute; each step plays what became due. */
    const play = async (gameMinutes: number) => {
      for (let i = 0; i < gameMinutes; i += 1) {
        now += 1000;
        await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
      }
    };
    const actor = { author: 'Julien Morel', authorRole: 'crisisLead' };

    await play(36);
    const alerts = await invoke(core, 'detection:listAlerts', ws);
    expect(alerts.length).toBeGreaterThan(0);
    const opened = await invoke(core, 'incidents:openFromAlert', { ...ws, alertId: alerts[0]!.id, scenarioKind: 'viralComplaint', severity: 'high', actor });

    await play(4);
    const draft = await invoke(core, 'composer:create', {
      ...ws,
      statement: {
        incidentId: opened.id,
        kind: 'holding',
        title: 'Réexamen des sinistres grêle',
        textFr: 'Alvea réexamine tous les refus liés à l’orage de grêle. Chaque assuré concerné sera contacté par un nouveau gestionnaire.',
        textEn: 'Alvea is reviewing every refusal linked to the hailstorm. Each policyholder concerned will be contacted by a new claims handler.',
        channels: ['website'],
        author: 'Nadia Benali',
      },
    });
    await play(8);
    for (const role of draft.statement.requiredRoles) {
      await invoke(core, 'composer:approve', { ...ws, statementId: draft.statement.id, approver: { person: `Approver ${role}`, role }, contentHash: draft.statement.contentHash });
    }
    await play(2);
    await invoke(core, 'composer:queue', { ...ws, statementId: draft.statement.id, person: 'Nadia Benali' });
    const item = (await invoke(core, 'composer:outbox', ws)).find((o) => o.statementId === draft.statement.id)!;
    await invoke(core, 'composer:confirmManual', {
      ...ws,
      outboxId: item.id,
      confirmation: { person: 'Nadia Benali', publishedAt: new Date(now).toISOString(), url: 'https://www.alvea.example/grele' },
    });
    await play(70);

    const run = (await invoke(core, 'exercises:run', ws))!;
    expect(run.status).toBe('finished');
    expect(run.mentionsInjected).toBeGreaterThan(500);
    const employeePost = run.injects.find((i) => i.id === 'p-handler');
    expect(employeePost?.firedAt).not.toBeNull();

    const debrief = await invoke(core, 'exercises:debrief', ws);
    core.close();
    expect(debrief.onsetMinute).toBe(6);
    expect(debrief.timeToDetect).toBeGreaterThan(0);
    expect(debrief.timeToDetect).toBeLessThanOrEqual(debrief.expectedAlertWithinMinutes);
    expect(debrief.timeToOpenIncident).toBeCloseTo(30, 0);
    expect(debrief.timeToHoldingApproved).toBeCloseTo(42, 0);
    expect(debrief.timeToHoldingPublished).toBeCloseTo(44, 0);
  });
});
