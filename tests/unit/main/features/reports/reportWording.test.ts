// @vitest-environment node
// Must show #3 and #4: the report in French holds no word of the English system strings and the reverse
// (people's own words aside), names signed with a screen's no-name placeholder read in the report's
// language, and neither the report nor the paper kit cuts a word of the catalogues across two lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';
import { renderPaperKit } from '../../../../../src/main/features/plan/paperKit';
import { composerEn } from '../../../../../src/shared/i18n/composer';
import { incidentsEn } from '../../../../../src/shared/i18n/incidents';
import type { Language } from '../../../../../src/shared/domain/workspace';
import { buildReportIncident, WS, type BuiltIncident } from '../../../../support/reportIncident';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { catalogueWords, cutWords, otherLanguageWords, pdfLines, wordsOf } from '../../../../support/prose/catalogueWords';

let dir: string;
let core: Core;
let now = Date.UTC(2026, 0, 5);
let built: BuiltIncident;
/** Words people typed or posted: the report prints them as written, in whatever language they are. */
let peoplesWords: Set<string>;
const paths: Partial<Record<Language, string>> = {};

async function generate(language: Language): Promise<string> {
  const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId: built.incidentId, language });
  const done = await core.reports.jobs.settled(job.jobId);
  expect(done.state, done.error ?? '').toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  const path = join(dir, `report-${language}.pdf`);
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
  return path;
}

describe('report and paper kit wording', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-wording-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    built = await buildReportIncident(core, (ms) => (now = ms));
    // Someone working in an English screen without a name: the screens sign with their placeholders.
    await invoke(core, 'crisisLog:append', {
      workspaceId: WS,
      entry: { incidentId: built.incidentId, kind: 'information', author: incidentsEn.operator.unnamed, authorRole: null, body: 'Standard saturé.' },
    });
    await invoke(core, 'composer:create', {
      workspaceId: WS,
      statement: { incidentId: built.incidentId, kind: 'internal_memo', title: 'Note interne', textFr: 'Point à 17 h.', textEn: 'Update at 5 pm.', channels: ['internal'], author: composerEn.someone },
    });
    const [detail, log, statements, alerts] = await Promise.all([
      invoke(core, 'incidents:get', { workspaceId: WS, incidentId: built.incidentId }),
      invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: built.incidentId, limit: 2000 } }),
      invoke(core, 'composer:list', { workspaceId: WS, incidentId: built.incidentId }),
      invoke(core, 'detection:listAlerts', { workspaceId: WS, status: 'all', limit: 100 }),
    ]);
    const mentions: string[] = [];
    for (let page = await invoke(core, 'mentions:search', { workspaceId: WS, limit: 500 }); ; ) {
      mentions.push(...page.items.map((m) => `${m.title ?? ''} ${m.text} ${m.author.displayName ?? ''} ${m.author.handle ?? ''}`));
      const last = page.items.at(-1);
      if (!page.hasMore || !last) break;
      page = await invoke(core, 'mentions:search', { workspaceId: WS, limit: 500, before: { publishedAt: last.publishedAt, id: last.id } });
    }
    const typed = [
      detail.title,
      detail.summary ?? '',
      ...log.filter((e) => e.kind !== 'system').map((e) => e.body),
      ...JSON.stringify(statements).split('"'),
      ...JSON.stringify(alerts.map((a) => a.explanation)).split('"'),
      ...mentions,
      ...JSON.stringify(detail.roster).split('"'),
      ...JSON.stringify(detail.checklist.map((c) => c.text)).split('"'),
    ].join(' ');
    peoplesWords = new Set(wordsOf(typed.replaceAll(incidentsEn.operator.unnamed, ' ').replaceAll(composerEn.someone, ' ')));
    paths.fr = await generate('fr');
    paths.en = await generate('en');
  }, 180_000);
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a catalogue word cut by a line end or by a space, and leaves two words alone', () => {
    const words = new Set(['vérification', 'communication', 'plan', 'de', 'la']);
    expect(cutWords(['La Vérificat ion du plan', 'la communi', 'cation de la', 'plan'], words)).toEqual(['Vérificat ion', 'communi|cation']);
    expect(cutWords(['Un plan s’est vu'], new Set(['plans']))).toEqual([]);
  });

  for (const language of ['fr', 'en'] as const) {
    it(`writes the ${language} report with no word of the other language's system strings`, () => {
      const other = otherLanguageWords(language);
      const printed = new Set(wordsOf(pdfLines(paths[language]!).join('\n')));
      const foreign = [...printed].filter((w) => other.has(w) && !peoplesWords.has(w)).sort();
      expect(foreign).toEqual([]);
    });

    it(`cuts no catalogue word across two lines of the ${language} report`, () => {
      expect(cutWords(pdfLines(paths[language]!), catalogueWords(language))).toEqual([]);
    });

    it(`cuts no catalogue word across two lines of the ${language} paper kit`, async () => {
      const pdf = await renderPaperKit({ plan: loadDefaultPlan(), revision: 1, language, exercise: false, printedAt: new Date(now), timeZone: 'Europe/Zurich' });
      const path = join(dir, `kit-${language}.pdf`);
      writeFileSync(path, pdf);
      expect(cutWords(pdfLines(path), catalogueWords(language))).toEqual([]);
    }, 60_000);
  }
});
