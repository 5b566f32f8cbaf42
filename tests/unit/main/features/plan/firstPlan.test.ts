// First start on a fresh data folder: the live workspace asks whether its plan starts from the sample company's
// or an empty one, instead of taking the sample silently; exercises and the test default are unchanged.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const live = { workspaceId: 'live' };

describe('first plan of a fresh live workspace', () => {
  it('asks: an empty plan waits with nobody named until the cell chooses, and the question is asked once', async () => {
    const core = makeTestCore(tempDir(), { firstPlan: 'ask' });
    expect(await invoke(core, 'plan:firstStart', live)).toEqual({ pending: true });
    const waiting = await invoke(core, 'plan:get', live);
    expect(waiting.origin).toBe('empty');
    expect(waiting.plan.metadata.organisation).not.toBe('Groupe Aurore SA');
    expect(waiting.plan.scenarios).toEqual([]);
    expect(waiting.plan.roles.every((role) => role.holder === null && role.deputies.length === 0)).toBe(true);

    const refused = await core.dispatch('plan:chooseFirst', { ...live, choice: 'empty' });
    expect(refused.ok || refused.error.code).toBe('INVALID_INPUT');

    const chosen = await invoke(core, 'plan:chooseFirst', { ...live, choice: 'empty', organisation: 'Banque Léman' });
    expect(chosen.plan.metadata.organisation).toBe('Banque Léman');
    expect(chosen.origin).toBe('empty');
    expect(await invoke(core, 'plan:firstStart', live)).toEqual({ pending: false });
    const again = await core.dispatch('plan:chooseFirst', { ...live, choice: 'sample' });
    expect(again.ok || again.error.code).toBe('CONFLICT');
    core.close();
  });

  it('the sample, when chosen, is marked SAMPLE on the plan and in the paper kit until edited', async () => {
    const core = makeTestCore(tempDir(), { firstPlan: 'ask' });
    const sample = await invoke(core, 'plan:chooseFirst', { ...live, choice: 'sample' });
    expect(sample.plan.metadata.organisation).toBe('Groupe Aurore SA');
    expect(sample.origin).toBe('default');
    const history = await invoke(core, 'plan:history', live);
    expect(history.map((h) => [h.origin, h.note])).toEqual([
      ['default', 'started from the sample plan'],
      ['empty', ''],
    ]);
    expect(await kitText(core)).toContain('SAMPLE PLAN');

    const edited = await invoke(core, 'plan:save', { ...live, baseRevision: sample.revision, plan: sample.plan, note: 'our people' });
    expect(edited.origin).toBe('edit');
    expect(await kitText(core)).not.toContain('SAMPLE PLAN');
    core.close();
  });

  it('a save before choosing starts from the empty plan; exercises and the default keep the sample', async () => {
    const core = makeTestCore(tempDir(), { firstPlan: 'ask' });
    const waiting = await invoke(core, 'plan:get', live);
    const plan = structuredClone(waiting.plan);
    plan.metadata.organisation = 'Horlogerie Valjoux';
    await invoke(core, 'plan:save', { ...live, baseRevision: waiting.revision, plan, note: '' });
    expect(await invoke(core, 'plan:firstStart', live)).toEqual({ pending: false });
    core.close();

    const sampleCore = makeTestCore(tempDir());
    expect(await invoke(sampleCore, 'plan:firstStart', live)).toEqual({ pending: false });
    expect((await invoke(sampleCore, 'plan:get', live)).plan.metadata.organisation).toBe('Groupe Aurore SA');
    sampleCore.close();
  });
});

/** The kit's text through pdftotext, whitespace collapsed. */
async function kitText(core: ReturnType<typeof makeTestCore>): Promise<string> {
  const { pdfBase64 } = await invoke(core, 'plan:paperKit', { ...live, language: 'en' });
  const file = join(tempDir(), 'kit.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
