// The staff charter is held by the plan, edited and saved like the rest of it, and printed in the paper kit.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const live = { workspaceId: 'live' };

describe('staff social-media charter', () => {
  it('is saved with the plan and printed in the FR and EN paper kit; a plan without one prints none', async () => {
    const core = makeTestCore(tempDir());
    const stored = await invoke(core, 'plan:get', live);
    expect(stored.plan.charter).toEqual({ text: { fr: '', en: '' }, spokespeople: { fr: '', en: '' }, mustNotPost: [] });
    const kitText = async (language: 'fr' | 'en') => {
      const { pdfBase64 } = await invoke(core, 'plan:paperKit', { ...live, language });
      const file = join(tempDir(), `kit-${language}.pdf`);
      writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    expect(await kitText('en')).not.toContain('Staff social-media charter');

    const plan = structuredClone(stored.plan);
    plan.charter = {
      text: { fr: 'Vos comptes sont personnels ; la marque parle par ses comptes officiels.', en: 'Your accounts are your own; the brand speaks through its official accounts.' },
      spokespeople: { fr: 'la directrice de la communication et son suppléant', en: 'the head of communication and her deputy' },
      mustNotPost: [
        { fr: 'aucune information interne sur l’incident', en: 'no internal information about the incident' },
        { fr: 'aucune réponse aux critiques au nom de l’entreprise', en: 'no answer to critics on behalf of the firm' },
      ],
    };
    const saved = await invoke(core, 'plan:save', { ...live, baseRevision: stored.revision, plan, note: 'charter' });
    expect(saved.plan.charter.mustNotPost).toHaveLength(2);

    const en = await kitText('en');
    expect(en).toContain('Staff social-media charter');
    expect(en).toContain('the brand speaks through its official accounts');
    expect(en).toContain('Who may speak for the firm: the head of communication and her deputy');
    expect(en).toContain('• no answer to critics on behalf of the firm');
    const fr = await kitText('fr');
    expect(fr).toContain('Charte des réseaux sociaux du personnel');
    expect(fr).toContain('• aucune information interne sur l’incident');
    core.close();
  });
});
