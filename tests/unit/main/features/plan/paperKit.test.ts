import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';
import { renderPaperKit } from '../../../../../src/main/features/plan/paperKit';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const printedAt = new Date('2026-11-21T09:30:00.000Z');

/** pdftotext breaks lines inside table cells; compare on collapsed whitespace. */
const textOf = (pdfPath: string): string =>
  execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('paper fallback kit (Must show #4)', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`renders in ${language} with every role, holder, deputy and phone`, async () => {
      const plan = loadDefaultPlan();
      const pdf = await renderPaperKit({ plan, revision: 3, language, exercise: false, printedAt, timeZone: 'Europe/Zurich' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = tempDir();
      const file = join(dir, `kit-${language}.pdf`);
      writeFileSync(file, pdf);

      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(8);

      const text = textOf(file);
      for (const role of plan.roles) {
        expect(text).toContain(role.name[language]);
        expect(text).toContain(role.holder!.name);
        expect(text).toContain(role.holder!.phone);
        if (role.holder!.altPhone) expect(text).toContain(role.holder!.altPhone);
        for (const deputy of role.deputies) {
          expect(text).toContain(deputy.name);
          expect(text).toContain(deputy.phone);
        }
      }
      for (const contact of plan.contacts) expect(text).toContain(contact.phone);
      const holding = plan.templates.find((t) => t.id === 'holding-dataBreach')!;
      expect(text).toContain(holding.body[language].slice(0, 60).replace(/\s+/g, ' '));
      expect(text).toContain(language === 'fr' ? 'Arbre d’appel' : 'Call tree');
      expect(text).toContain(language === 'fr' ? 'Obligations réglementaires et leurs délais' : 'Regulatory obligations and their deadlines');
      // Table cells wrap names over lines: each obligation is found by its first words.
      for (const obligation of plan.regulatory.obligations) expect(text).toContain(obligation.name[language].split(' ').slice(0, 2).join(' '));
      // The approval chain, from the plan's data.
      expect(text).toContain(language === 'fr' ? 'Qui valide ce qui sort' : 'Who approves what goes out');
      expect(text).toContain(language === 'fr' ? 'Note interne' : 'Internal memo');
      expect(text).toContain(`${pages} / ${pages}`);
      expect(text).not.toContain(language === 'fr' ? 'EXERCICE' : 'EXERCISE');

      // Every page rasterises: the PDF is well-formed for a real renderer, not just for a text extractor.
      execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
      for (let page = 1; page <= pages; page += 1) {
        const png = join(dir, `page-${String(page).padStart(String(pages).length, '0')}.png`);
        expect(existsSync(png)).toBe(true);
        expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      }
    });
  }

  for (const language of ['fr', 'en'] as const) {
    it(`prints the escalation policy and each obligation's deadlines and sources in ${language}`, async () => {
      const plan = loadDefaultPlan();
      plan.escalation.levels.crisis = { first: ['crisisLead', 'legal'], deputyAfterMinutes: 7, callTreeAfterMinutes: 19, crisisLeadAfterMinutes: 41 };
      plan.escalation.meeting = { withinMinutes: 35, place: { fr: 'Salle Léman', en: 'Léman room' } };
      const file = join(tempDir(), `kit-escalation-${language}.pdf`);
      writeFileSync(file, await renderPaperKit({ plan, revision: 3, language, exercise: false, printedAt, timeZone: 'Europe/Zurich' }));
      const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
      const text = lines.join(' ');
      const fr = language === 'fr';

      expect(text).toContain(fr ? 'Escalade faute de réponse' : 'Escalation when nobody answers');
      // Per level, on one row: who first, then the deputy, the call tree and the crisis lead after their minutes.
      const crisis = lines.find((l) => l.endsWith('7 min 19 min 41 min'));
      expect(crisis).toBe(fr ? 'Crise Pilote de crise, Juriste 7 min 19 min 41 min' : 'Crisis Crisis lead, Legal counsel 7 min 19 min 41 min');
      expect(lines.find((l) => l.startsWith(fr ? 'Alerte ' : 'Alert '))).toContain('15 min 30 min 45 min');
      expect(text).toContain(fr ? 'La cellule se réunit dans les 35 min : Salle Léman.' : 'The cell meets within 35 min: Léman room.');

      // Each obligation's deadlines, worded from its limits (one line per step), and its source.
      const deadlines = lines.filter((l) => l.includes(fr ? 'Échéance :' : 'Deadline:')).map((l) => l.slice(l.indexOf(fr ? 'Échéance :' : 'Deadline:')));
      expect(deadlines).toHaveLength(plan.regulatory.obligations.flatMap((o) => o.steps).length);
      expect(deadlines).toContain(fr ? 'Échéance : le plus tôt de 4 h après la qualification' : 'Deadline: the earliest of 4h after classification or');
      expect(deadlines).toContain(fr ? 'Échéance : 72 h après la prise de connaissance' : 'Deadline: 72h after awareness');
      expect(deadlines).toContain(fr ? 'Échéance : 2 h après la qualification' : 'Deadline: 2h after classification');
      expect(deadlines).toContain(fr ? 'Échéance : 1 mois après l’envoi de « Rapport' : 'Deadline: 1 month after “Intermediate report” is');
      for (const obligation of plan.regulatory.obligations) expect(text).toContain(obligation.source[language].split(' ').slice(0, 2).join(' '));
    });
  }

  for (const language of ['fr', 'en'] as const) {
    it(`prints the press desk and the compensation register, each on its own page, in ${language}`, async () => {
      const plan = loadDefaultPlan();
      plan.charter.spokespeople = { fr: 'Seule Claire Dubois parle aux médias', en: 'Only Claire Dubois speaks to the media' };
      plan.compensationApprovals = ['customerServiceLead', 'legal'];
      const file = join(tempDir(), `kit-desks-${language}.pdf`);
      writeFileSync(file, await renderPaperKit({ plan, revision: 3, language, exercise: false, printedAt, timeZone: 'Europe/Zurich' }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      const pageText = (page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const all = Array.from({ length: pages }, (_, i) => pageText(i + 1));
      const fr = language === 'fr';
      const pressPage = all.findIndex((text) => text.includes(fr ? 'Cellule presse' : 'Press desk'));
      expect(pressPage).toBeGreaterThan(0);
      const press = all[pressPage]!;
      expect(press).toContain(fr ? 'Ne répondez pas sur-le-champ' : 'Do not answer on the spot');
      expect(press).toContain(plan.charter.spokespeople[language]);
      const lead = plan.roles.find((r) => r.id === 'communicationLead')!;
      expect(press).toContain(`${lead.name[language]} — ${lead.holder!.name}`);
      // The address book holds the press and agency contacts of the plan, and no one else.
      for (const contact of plan.contacts) {
        const listed = contact.category === 'press' || contact.category === 'agency';
        expect(press.includes(contact.phone), contact.name).toBe(listed);
      }
      // The blank inquiry log; its headers wrap in their cells, so single words are looked for.
      for (const header of fr ? ['Demandes de la presse', 'Question', 'Porte-parole'] : ['Press inquiries', 'Question', 'Spokesperson']) expect(press).toContain(header);

      const compensation = all[pressPage + 1]!;
      expect(compensation).toContain(fr ? 'Registre des gestes commerciaux' : 'Compensation register');
      expect(compensation).toContain(fr ? 'ne promettez rien au client avant sa validation' : 'promise nothing to the customer before it is approved');
      // The plan's chain, in its order, with who to call.
      const chain = plan.compensationApprovals.map((id) => plan.roles.find((r) => r.id === id)!);
      const at = chain.map((role) => compensation.indexOf(`${role.name[language]} — ${role.holder!.name}`));
      expect(at.every((i) => i > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(compensation).toContain(fr ? 'ni adresse, ni numéro de compte' : 'no address, account number');
      for (const header of fr ? ['Dossiers', 'Statut'] : ['Cases', 'Status']) expect(compensation).toContain(header);
    });
  }

  it('marks every page of an exercise kit, and is served through plan:paperKit', async () => {
    const core = makeTestCore(tempDir(), { clock: { now: () => printedAt } });
    const live = await invoke(core, 'plan:paperKit', { workspaceId: 'live', language: 'fr' });
    expect(live.fileName).toBe('paper-kit-groupe-aurore-sa-2026.1-fr.pdf');
    core.close();

    const pdf = await renderPaperKit({ plan: loadDefaultPlan(), revision: 1, language: 'fr', exercise: true, printedAt });
    const file = join(tempDir(), 'exercise.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    for (let page = 1; page <= pages; page += 1) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      expect(text).toContain('EXERCICE');
    }
  });
});
