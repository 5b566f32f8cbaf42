import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('exercise debrief (Must show #2, backend part)', () => {
  it('measures detection, mobilisation, holding statement and checklist timings of a played scenario', async () => {
    let now = Date.parse('2026-11-21T08:00:00.000Z');
    const core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
    const exercise = await invoke(core, 'exercises:create', { name: 'Debrief drill' });
    const ws = { workspaceId: exercise.id };
    await invoke(core, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
    /** At ×60 a real second is a game minute; each step plays what became due. */
    const play = async (gameMinutes: number) => {
      for (let i = 0; i < gameMinutes; i += 1) {
        now += 1000;
        await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
      }
    };
    const actor = { author: 'Julien Morel', authorRole: 'crisisLead' };

    await play(30); // H+0:30, the alert opened at about H+0:25
    const [alert] = await invoke(core, 'detection:listAlerts', ws);
    expect(alert).toBeDefined();
    const opened = await invoke(core, 'incidents:openFromAlert', { ...ws, alertId: alert!.id, scenarioKind: 'dataBreach', severity: 'critical', actor });
    const incident = { ...ws, incidentId: opened.id };

    await play(4);
    const mobilised = await invoke(core, 'incidents:mobilise', { ...incident, actor });
    await play(6);
    for (const call of mobilised.mobilisation!.calls) {
      await invoke(core, 'incidents:acknowledge', { ...incident, roleId: call.roleId, actor: { author: call.personName, authorRole: call.roleId } });
    }

    const draft = await invoke(core, 'composer:create', {
      ...ws,
      statement: {
        incidentId: opened.id,
        kind: 'holding',
        title: 'Déclaration d’attente',
        textFr: 'Banque Léman a détecté un incident de sécurité pouvant concerner des données de clients. Nous informerons directement les personnes concernées.',
        textEn: 'Banque Léman has detected a security incident that may involve customer data. We will contact the people affected directly.',
        channels: ['website'],
        author: 'Nadia Benali',
      },
    });
    await play(10);
    for (const role of draft.statement.requiredRoles) {
      await invoke(core, 'composer:approve', { ...ws, statementId: draft.statement.id, approver: { person: `Approver ${role}`, role }, contentHash: draft.statement.contentHash });
    }
    await play(5);
    await invoke(core, 'composer:queue', { ...ws, statementId: draft.statement.id, person: 'Nadia Benali' });
    const item = (await invoke(core, 'composer:outbox', ws)).find((o) => o.statementId === draft.statement.id)!;
    await invoke(core, 'composer:confirmManual', {
      ...ws,
      outboxId: item.id,
      confirmation: { person: 'Nadia Benali', publishedAt: new Date(now).toISOString(), url: 'https://www.banque-leman.example/info' },
    });

    // The public reacts to the published statement: a reply wave two game minutes later.
    const afterPublish = (await invoke(core, 'exercises:run', ws))!;
    const replies = afterPublish.injects.find((i) => i.id === 'replies-1');
    expect(replies?.at).toBe(Math.floor(afterPublish.gameMinute) + 2);
    expect(replies?.title.en).toMatch(/draft check: \d+ flag/);
    await play(5);
    const reacted = (await invoke(core, 'exercises:run', ws))!;
    expect(reacted.injects.find((i) => i.id === 'replies-1')?.firedAt).not.toBeNull();

    const current = await invoke(core, 'incidents:get', incident);
    for (const entry of current.checklist.filter((i) => i.deadlineMinutes <= 60)) {
      await invoke(core, 'incidents:setChecklistItem', { ...incident, itemId: entry.id, status: 'done', actor });
    }

    const debrief = await invoke(core, 'exercises:debrief', ws);
    await invoke(core, 'lessons:submit', { ...ws, lesson: { author: null, wentWell: '', wentBadly: 'Validation juridique trop lente', actions: [{ action: 'Pré-approuver une FAQ', owner: 'Juriste' }] } });
    const printed = await invoke(core, 'exercises:debriefPdf', { ...ws, language: 'fr' });
    core.close();

    expect(printed.fileName).toBe('EXERCISE-debrief-bank-data-leak-fr.pdf');
    const file = join(tempDir(), printed.fileName);
    writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(0);
    for (let page = 1; page <= pages; page += 1) {
      expect(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })).toContain('EXERCICE');
    }
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Délai de détection (première alerte)');
    expect(text).toContain(`${debrief.timeToMobilise} min`);
    expect(text).toContain('Validation juridique trop lente');
    expect(text).toContain('Anonyme');

    expect(debrief.onsetMinute).toBe(10);
    expect(debrief.timeToDetect).toBeGreaterThan(0);
    expect(debrief.timeToDetect).toBeLessThanOrEqual(debrief.expectedAlertWithinMinutes);
    expect(debrief.timeToOpenIncident).toBeCloseTo(20, 0);
    expect(debrief.timeToMobilise).toBeCloseTo(30, 0);
    expect(debrief.timeToHoldingApproved).toBeCloseTo(40, 0);
    expect(debrief.timeToHoldingPublished).toBeCloseTo(45, 0);
    expect(debrief.approvalLatency).toEqual({ count: 1, averageMinutes: 10, maxMinutes: 10 });
    expect(debrief.checklistH1.due).toBeGreaterThan(5);
    expect(debrief.checklistH1.done).toBe(debrief.checklistH1.due);
    expect(debrief.checklistH4.due).toBeGreaterThan(debrief.checklistH1.due);
    expect(debrief.checklistH4.done).toBe(debrief.checklistH1.due);
    expect(debrief.questions).toBeGreaterThan(0);
    expect(debrief.unansweredQuestions).toBe(debrief.questions);
  });
});
