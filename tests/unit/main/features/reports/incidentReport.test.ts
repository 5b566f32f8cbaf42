// @vitest-environment node
// Must show #1: a generated crisis → incident → PDF report; pdftotext finds every section with the right
// numbers and intact French accents; pdftoppm renders every page; the first pages are kept as PNG artifacts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { reportsEn, reportsFr } from '../../../../../src/shared/i18n/reports';
import { SECTION_ORDER } from '../../../../../src/main/features/reports/renderIncidentReport';
import { buildReportIncident, WS, type BuiltIncident } from '../../../../support/reportIncident';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { repoPath } from '../../../../support/paths';

const ARTIFACTS = repoPath('test-results/report');
let dir: string;
let core: Core;
let now = Date.UTC(2026, 0, 5);
let built: BuiltIncident;

async function generate(language: 'fr' | 'en'): Promise<{ pdf: Buffer; pages: number }> {
  const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId: built.incidentId, language });
  const done = await core.reports.jobs.settled(job.jobId);
  expect(done.state, done.error ?? '').toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  expect(file.mimeType).toBe('application/pdf');
  return { pdf: Buffer.from(file.contentBase64, 'base64'), pages: done.pages ?? 0 };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('PDF incident report', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-report-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    built = await buildReportIncident(core, (ms) => (now = ms));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every section with the recorded numbers and French accents, and every page renders', async () => {
    // Verified before generating: the export itself is then audited, one record past this head.
    const integrity = await invoke(core, 'crisisLog:verify', { workspaceId: WS });
    const { pdf, pages } = await generate('fr');
    const path = join(ARTIFACTS, 'incident-report-fr.pdf');
    writeFileSync(path, pdf);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
    const text = squash(pdfText(path));

    const s = reportsFr.pdf;
    expect(text).toContain(s.title);
    expect(text).toContain('Fuite de données — Banque Léman');
    expect(text).toContain(s.contents);
    for (const [i, key] of SECTION_ORDER.entries()) expect(text, key).toContain(`${i + 1}. ${s.sections[key]}`);

    const detail = await invoke(core, 'incidents:get', { workspaceId: WS, incidentId: built.incidentId });
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: built.incidentId, limit: 2000 } });
    expect(integrity.ok).toBe(true);
    expect(text).toContain(`${log.length} entrées pour cet incident.`);
    expect(text).toContain(`Chaîne vérifiée : ${integrity.checked} enregistrements intacts.`);
    // The head hash is long and may wrap: compare without spaces.
    expect(text.replace(/ /g, '')).toContain(integrity.headHash!);
    expect(text).toContain(`Décisions : ${built.decisions}.`);
    expect(text).toContain('Validations : 2.');
    expect(text).toContain('Déclarations : 1 (1 publiées)');
    const acked = detail.mobilisation!.calls.filter((c) => c.acknowledgedAt).length;
    expect(text).toContain(`Mobilisation : ${acked} rôles sur ${detail.mobilisation!.calls.length}`);
    const done = detail.checklist.filter((c) => c.status === 'done').length;
    expect(text).toContain(`${done} actions sur ${detail.checklist.length} réalisées`);
    // Statement twins, approvals with the text hash, accents intact.
    expect(text).toContain('Nous avons été informés d’une possible fuite de données.');
    expect(text).toContain('We have been told of a possible data leak.');
    expect(text).toContain('Maître Anaïs Berset');
    expect(text).toContain('Jérôme Favre');
    expect(text).toContain('Zoé Müller');
    expect(text).toContain('plainte pénale déposée');
    // Reaction, alerts, plain "nothing recorded" wording for what does not exist.
    expect(text).toContain('« Communiqué d’attente » — publiée le');
    expect(text).toContain('2 contributions au retour d’expérience');
    expect(text).toContain('Le communiqué d’attente est sorti trop tard');
    expect(text).toContain('Pré-valider un message d’attente « fuite de données » — responsable : Juriste');
    expect(text).toContain('Anonyme');
    // Ingest flagged questions and complaints into the response queue: the section's counts add up.
    const queue = /sur la période : (\d+) \(questions (\d+), plaintes (\d+), journalistes (\d+), à la main (\d+)\)\. Ouvertes (\d+) · en cours de réponse (\d+) · répondues (\d+) · traitées hors ligne (\d+) · écartées (\d+)/.exec(text);
    expect(queue).not.toBeNull();
    const [flagged, ...rest] = queue!.slice(1).map(Number);
    expect(flagged).toBeGreaterThan(0);
    expect(rest.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(flagged);
    expect(rest.slice(4).reduce((a, b) => a + b, 0)).toBe(flagged);
    const alerts = await invoke(core, 'detection:listAlerts', { workspaceId: WS, status: 'all', limit: 100 });
    expect(alerts.length).toBeGreaterThan(0);
    expect(text).toContain('Niveau de détection de Banque Léman');
    expect(text).not.toContain('EXERCICE —');

    const pngDir = mkdtempSync(join(tmpdir(), 'tocsin-report-png-'));
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', path, join(pngDir, 'page')]);
      const rendered = readdirSync(pngDir).filter((f) => f.endsWith('.png')).sort();
      expect(rendered).toHaveLength(pages);
      for (const file of rendered.slice(0, 6)) copyFileSync(join(pngDir, file), join(ARTIFACTS, `fr-${file}`));
    } finally {
      rmSync(pngDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('marks every page EXERCICE when the incident comes from an exercise workspace', async () => {
    const exercise = await invoke(core, 'exercises:create', { name: 'Exercice fuite de données' });
    const incident = await invoke(core, 'incidents:open', {
      workspaceId: exercise.id,
      incident: { title: 'Exercice : fuite simulée', scenarioId: null, scenarioKind: 'dataBreach', severity: 'medium', actor: { author: 'Directeur d’exercice' } },
    });
    const job = await invoke(core, 'reports:generate', { workspaceId: exercise.id, incidentId: incident.id, language: 'fr' });
    expect((await core.reports.jobs.settled(job.jobId)).state).toBe('done');
    const path = join(ARTIFACTS, 'exercise-report-fr.pdf');
    writeFileSync(path, Buffer.from((await invoke(core, 'reports:downloadExport', { jobId: job.jobId })).contentBase64, 'base64'));
    const pages = pdfText(path).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page).toContain('EXERCICE');
    // Empty sections say so instead of disappearing.
    const text = squash(pages.join(' '));
    expect(text).toContain('La cellule n’a pas été mobilisée par Tocsin.');
    expect(text).toContain('Aucune déclaration n’a été publiée.');
  }, 120_000);

  it('is written in English on request, and the export is recorded in the crisis log', async () => {
    const { pdf } = await generate('en');
    const path = join(ARTIFACTS, 'incident-report-en.pdf');
    writeFileSync(path, pdf);
    const text = squash(pdfText(path));
    for (const [i, key] of SECTION_ORDER.entries()) expect(text, key).toContain(`${i + 1}. ${reportsEn.pdf.sections[key]}`);
    expect(text).toContain('Approvals: 2.');
    const pngDir = mkdtempSync(join(tmpdir(), 'tocsin-report-png-'));
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '4', path, join(pngDir, 'page')]);
      for (const file of readdirSync(pngDir)) copyFileSync(join(pngDir, file), join(ARTIFACTS, `en-${file}`));
    } finally {
      rmSync(pngDir, { recursive: true, force: true });
    }
    const log = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { kinds: ['system'], limit: 2000 } });
    expect(log.filter((e) => e.systemCode === 'audit.export.report')).toHaveLength(2);
  }, 120_000);
});
