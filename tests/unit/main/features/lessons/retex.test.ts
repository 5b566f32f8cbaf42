// @vitest-environment node
// The RETEX of a live incident through the contract: timings measured on a generated crisis with known times,
// actions tracked to done, and a plan change that, accepted, makes a plan revision naming the lesson.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { buildReportIncident, ONSET, WS, type BuiltIncident } from '../../../../support/reportIncident';
import { FOLLOW_UP_ITEMS, type FollowUpItem } from '../../../../../src/shared/domain/retex';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { repoPath } from '../../../../support/paths';

const ARTIFACTS = repoPath('test-results/retex');
const HOUR = 3_600_000;
const MIN = 60_000;
const OPENED = ONSET + 2 * HOUR;
const at = (ms: number) => new Date(ms).toISOString();
const actor = { author: 'Zoé Müller', authorRole: 'scribe' };

let dir: string;
let core: Core;
let now = Date.UTC(2026, 0, 5);
let built: BuiltIncident;
let complaintAnsweredAt: number;

describe('RETEX of a live incident', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-retex-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    built = await buildReportIncident(core, (ms) => (now = ms));
    const { incidentId } = built;
    // The fixture reached two of the call list: the others are reached now, the last at H+40 min.
    const detail = await invoke(core, 'incidents:get', { workspaceId: WS, incidentId });
    const waiting = detail.mobilisation!.calls.filter((c) => c.acknowledgedAt === null);
    for (const [i, call] of waiting.entries()) {
      now = OPENED + (40 - (waiting.length - 1 - i)) * MIN;
      await invoke(core, 'incidents:acknowledge', { workspaceId: WS, incidentId, roleId: call.roleId, actor: { author: call.personName, authorRole: call.roleId } });
    }
    const queue = await invoke(core, 'composer:responses', { workspaceId: WS, incidentId, states: ['open'], limit: 500 });
    const complaint = queue.items.find((item) => item.reason === 'complaint');
    expect(complaint, 'the generated crisis puts complaints in the queue').toBeDefined();
    complaintAnsweredAt = OPENED + 95 * MIN;
    now = complaintAnsweredAt;
    await invoke(core, 'composer:closeResponse', { workspaceId: WS, mentionId: complaint!.mentionId, state: 'offline', note: 'Rappelé par téléphone', person: 'Léa', incidentId });
    now = ONSET + 31 * HOUR;
  }, 180_000);
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures the timings from the incident’s own records', async () => {
    const { incidentId } = built;
    const retex = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId });
    // Detection stamped its alerts as the feed reached it, after the cell had opened this incident by hand.
    const alerts = await invoke(core, 'detection:listAlerts', { workspaceId: WS, limit: 500 });
    expect(alerts.every((a) => Date.parse(a.openedAt) > OPENED)).toBe(true);
    expect(retex.timings.detection).toEqual({ from: null, at: null, minutes: null });
    expect(retex.timings.mobilisation).toEqual({ from: at(OPENED), at: at(OPENED + 40 * MIN), minutes: 40 });
    // The fixture's holding statement went out at H+1 h 15.
    expect(retex.timings.firstStatement).toEqual({ from: at(OPENED), at: at(OPENED + 75 * MIN), minutes: 75 });
    expect(retex.timings.firstAnswerToCritics).toEqual({ from: at(OPENED), at: at(complaintAnsweredAt), minutes: 95 });
  });

  it('measures detection from the first alert to the opening of an incident opened from it', async () => {
    const alerts = await invoke(core, 'detection:listAlerts', { workspaceId: WS, limit: 500 });
    const first = [...alerts].sort((a, b) => a.openedAt.localeCompare(b.openedAt))[0]!;
    const saved = now;
    now = Date.parse(first.openedAt) + 17 * MIN;
    const opened = await invoke(core, 'incidents:openFromAlert', { workspaceId: WS, alertId: first.id, scenarioKind: 'dataBreach', severity: 'high', actor });
    now = saved;
    const retex = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId: opened.id });
    expect(retex.timings.detection).toEqual({ from: first.openedAt, at: opened.openedAt, minutes: 17 });
    expect(retex.timings.firstStatement).toEqual({ from: opened.openedAt, at: null, minutes: null });
  });

  it('is written once the incident is stabilised, with actions tracked to done', async () => {
    const { incidentId } = built;
    const text = { whatHappened: 'Fuite de données relayée par la presse régionale.', wentWell: 'Main courante tenue.', wentBadly: 'Communiqué trop tardif.' };
    const early = await core.dispatch('lessons:saveRetex', { workspaceId: WS, incidentId, text, actor });
    expect(early.ok || early.error.code).toBe('CONFLICT');

    await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId, status: 'stabilised', actor });
    const saved = await invoke(core, 'lessons:saveRetex', { workspaceId: WS, incidentId, text, actor });
    expect(saved).toMatchObject({ ...text, updatedBy: 'Zoé Müller', updatedAt: at(now) });

    const withAction = await invoke(core, 'lessons:addAction', {
      workspaceId: WS,
      incidentId,
      action: { text: 'Former le service client au script fuite de données', owner: { roleId: 'customerServiceLead', person: 'Marc Jaquet' }, dueDate: '2026-02-15' },
      actor,
    });
    const action = withAction.actions[0]!;
    expect(action).toMatchObject({ owner: { roleId: 'customerServiceLead', person: 'Marc Jaquet' }, dueDate: '2026-02-15', doneAt: null, planChange: null, planChangeState: null });
    const done = await invoke(core, 'lessons:setActionDone', { workspaceId: WS, incidentId, actionId: action.id, done: true, actor });
    expect(done.actions[0]).toMatchObject({ doneAt: at(now), doneBy: 'Zoé Müller' });
    const refused = await core.dispatch('lessons:addAction', {
      workspaceId: WS,
      incidentId,
      action: { text: 'x', owner: { roleId: 'legal', person: 'A' }, dueDate: '15/02/2026' },
      actor,
    });
    expect(refused.ok || refused.error.code).toBe('INVALID_INPUT');
  });

  it('accepting a plan change edits the plan in a revision that names the lesson, logged in the crisis log', async () => {
    const { incidentId } = built;
    const before = await invoke(core, 'plan:get', { workspaceId: WS });
    const added = await invoke(core, 'lessons:addAction', {
      workspaceId: WS,
      incidentId,
      action: {
        text: 'Pré-valider le message d’attente dans l’heure',
        owner: { roleId: 'communicationLead', person: 'Camille Python' },
        dueDate: '2026-03-01',
        planChange: {
          kind: 'checklistItem',
          playbookId: 'pb-dataBreach',
          phase: 'respond',
          ownerRole: 'communicationLead',
          deadline: 'PT45M',
          text: { fr: 'Publier le message d’attente pré-validé', en: 'Publish the pre-approved holding message' },
        },
      },
      actor,
    });
    const action = added.actions.at(-1)!;
    expect(action.planChangeState).toBe('proposed');
    expect((await invoke(core, 'plan:get', { workspaceId: WS })).revision).toBe(before.revision);

    now += MIN;
    const decided = await invoke(core, 'lessons:decidePlanChange', { workspaceId: WS, incidentId, actionId: action.id, accept: true, actor: { author: 'Élodie Rochat', authorRole: 'crisisLead' } });
    const after = await invoke(core, 'plan:get', { workspaceId: WS });
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(decided.actions.at(-1)).toMatchObject({ planChangeState: 'accepted', planRevision: after.revision });
    const item = after.plan.playbooks.find((p) => p.id === 'pb-dataBreach')!.items.find((i) => i.id === `retex-${action.id}`);
    expect(item).toMatchObject({ phase: 'respond', ownerRole: 'communicationLead', deadline: 'PT45M' });
    const lesson = { incidentId, incidentTitle: 'Fuite de données — Banque Léman', actionId: action.id, action: 'Pré-valider le message d’attente dans l’heure' };
    expect(after).toMatchObject({ author: 'Élodie Rochat', note: lesson.action, lesson });
    const history = await invoke(core, 'plan:history', { workspaceId: WS });
    expect(history[0]).toMatchObject({ revision: after.revision, author: 'Élodie Rochat', lesson, savedAt: at(now) });
    expect(history.find((h) => h.revision === before.revision)!.lesson).toBeNull();

    const again = await core.dispatch('lessons:decidePlanChange', { workspaceId: WS, incidentId, actionId: action.id, accept: true, actor });
    expect(again.ok || again.error.code).toBe('CONFLICT');

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId } });
    const codes = log.map((e) => e.systemCode);
    expect(codes).toEqual(expect.arrayContaining(['retex.saved', 'retex.actionAdded', 'retex.actionDone', 'retex.planChanged']));
    expect(log.find((e) => e.systemCode === 'retex.planChanged')!.body).toContain(`révision ${after.revision}`);
  });

  it('a change the plan refuses leaves the plan and the action as they were', async () => {
    const { incidentId } = built;
    const before = await invoke(core, 'plan:get', { workspaceId: WS });
    const added = await invoke(core, 'lessons:addAction', {
      workspaceId: WS,
      incidentId,
      action: {
        text: 'Revoir le modèle',
        owner: { roleId: 'legal', person: 'Maître Anaïs Berset' },
        dueDate: '2026-03-02',
        planChange: { kind: 'template', templateId: 'no-such-template', body: { fr: 'x', en: 'x' } },
      },
      actor,
    });
    const action = added.actions.at(-1)!;
    const refused = await core.dispatch('lessons:decidePlanChange', { workspaceId: WS, incidentId, actionId: action.id, accept: true, actor });
    expect(refused.ok || refused.error.code).toBe('INVALID_INPUT');
    expect((await invoke(core, 'plan:get', { workspaceId: WS })).revision).toBe(before.revision);
    const retex = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId });
    expect(retex.actions.at(-1)!.planChangeState).toBe('proposed');
    const rejected = await invoke(core, 'lessons:decidePlanChange', { workspaceId: WS, incidentId, actionId: action.id, accept: false, actor });
    expect(rejected.actions.at(-1)!.planChangeState).toBe('rejected');
    expect((await invoke(core, 'plan:get', { workspaceId: WS })).revision).toBe(before.revision);
  });

  it('offers the follow-up campaign: every item in order, ticked with who and when, each change logged once', async () => {
    const { incidentId } = built;
    const fresh = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId });
    expect(fresh.followUp.map((step) => step.item)).toEqual([...FOLLOW_UP_ITEMS]);
    expect(fresh.followUp.every((step) => step.doneAt === null && step.doneBy === null)).toBe(true);

    const tick = (item: FollowUpItem, done: boolean) => invoke(core, 'lessons:setFollowUp', { workspaceId: WS, incidentId, item, done, actor });
    await tick('thankSupporters', true);
    await tick('briefStaff', true);
    const again = await tick('briefStaff', true);
    expect(again.followUp.filter((step) => step.doneAt !== null)).toEqual([
      { item: 'thankSupporters', doneAt: at(now), doneBy: 'Zoé Müller' },
      { item: 'briefStaff', doneAt: at(now), doneBy: 'Zoé Müller' },
    ]);
    const unticked = await tick('briefStaff', false);
    expect(unticked.followUp.find((step) => step.item === 'briefStaff')).toEqual({ item: 'briefStaff', doneAt: null, doneBy: null });
    const hostile = await core.dispatch('lessons:setFollowUp', { workspaceId: WS, incidentId, item: 'dropTheDatabase' as FollowUpItem, done: true, actor });
    expect(hostile.ok || hostile.error.code).toBe('INVALID_INPUT');

    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId } });
    const followUps = log.filter((e) => e.systemCode?.startsWith('retex.followUp')).map((e) => e.systemCode);
    expect(followUps.sort()).toEqual(['retex.followUpDone', 'retex.followUpDone', 'retex.followUpReopened']);
    expect(log.find((e) => e.systemCode === 'retex.followUpReopened')!.body).toContain('Annoncer au personnel la fin de la crise');

    const open = await invoke(core, 'incidents:open', { workspaceId: WS, incident: { title: 'Encore en cours', scenarioKind: 'dataBreach', severity: 'low', actor } });
    const early = await core.dispatch('lessons:setFollowUp', { workspaceId: WS, incidentId: open.id, item: 'thankSupporters', done: true, actor });
    expect(early.ok || early.error.code).toBe('CONFLICT');
  });

  it('the PDF report’s lessons section shows the timings and the actions with owner, due date and plan revision', async () => {
    const { incidentId } = built;
    const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId, language: 'en' });
    const settled = await core.reports.jobs.settled(job.jobId);
    expect(settled.state, settled.error ?? '').toBe('done');
    const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
    const path = join(dir, 'report-en.pdf');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const raw = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, ' ');
    // The lessons page is rendered for a look (pdftotext separates pages with form feeds).
    const page = raw.split('\f').findIndex((p) => p.includes('Measured timings')) + 1;
    expect(page).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', path, join(ARTIFACTS, 'report-lessons-en')]);
    expect(existsSync(join(ARTIFACTS, 'report-lessons-en.png'))).toBe(true);
    const lessons = text.slice(text.lastIndexOf('Lessons learned'));
    expect(lessons).toContain('Measured timings');
    expect(lessons).toContain('1 h 15');
    expect(lessons).toContain('Fuite de données relayée par la presse régionale.');
    // Table cells wrap: each action is checked by words that stay on one line.
    for (const words of ['Former le service client au', 'Marc Jaquet', '15 Feb', 'Pré-valider le message', 'Camille Python', 'Rejected']) {
      expect(lessons).toContain(words);
    }
    const revision = (await invoke(core, 'plan:get', { workspaceId: WS })).revision;
    expect(lessons).toContain(`Accepted — plan revision ${revision}`);
    expect(lessons).toContain('Follow-up campaign (bouncing back)');
    expect(lessons).toContain('1 of 9 done');
    expect(lessons).toMatch(/Thank the customers, partners and staff who supported the brand Done on .* by Zoé Müller/);
    expect(lessons).toContain('Tell staff the crisis is over, what was learnt and which charter rules are To do');
  });
});
