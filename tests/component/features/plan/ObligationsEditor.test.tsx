// The obligations tab: presets show their sources and cannot be edited (only kept or removed); the firm's own
// obligations are written with their steps and deadlines.
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../src/shared/domain/plan';
import { ObligationsEditor } from '../../../../src/renderer/src/features/plan/ObligationsEditor';
import type { EditPlan } from '../../../../src/renderer/src/features/plan/planEditing';
import { plan as shippedPlan } from '../../support/fixtures';
import { choose, click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

function edited(language: 'fr' | 'en') {
  const drafts: CrisisPlan[] = [];
  function Harness() {
    const [draft, setDraft] = useState(shippedPlan);
    const edit: EditPlan = (change) =>
      setDraft((previous) => {
        const next = structuredClone(previous);
        change(next);
        drafts.push(next);
        return next;
      });
    return <ObligationsEditor plan={draft} edit={edit} />;
  }
  renderInApp(<Harness />, { language });
  return () => drafts.at(-1)!;
}

describe('Obligations editor', () => {
  it.each(['fr', 'en'] as const)('in %s, shows presets read-only with their sources and removes one', (language) => {
    const latest = edited(language);
    const dora = screen.getByTestId('obligation-preset-dora-major-ict');
    const preset = shippedPlan().regulatory.obligations.find((o) => o.id === 'dora-major-ict')!;
    expect(dora.textContent).toContain(preset.source[language]);
    expect(within(dora).queryAllByRole('textbox')).toHaveLength(0);
    click(within(dora).getByRole('button', { name: t('plan.remove') }));
    expect(latest().regulatory.obligations.map((o) => o.id)).not.toContain('dora-major-ict');
    expect(screen.queryByTestId('obligation-preset-dora-major-ict')).toBeNull();
  });

  it('adds the firm’s own obligation with its source and a deadline in hours', () => {
    const latest = edited('en');
    click(screen.getByTestId('obligation-add'));
    const own = () => latest().regulatory.obligations.at(-1)!;
    type(screen.getByLabelText(`${t('plan.fields.name')} (${t('plan.en')})`), 'Tell the main insurer');
    type(screen.getByLabelText(`${t('plan.obligations.source')} (${t('plan.en')})`), 'Cyber policy, clause 7');
    fireEvent.change(screen.getByLabelText(t('plan.obligations.within')), { target: { value: '48' } });
    expect(own()).toMatchObject({
      name: { en: 'Tell the main insurer' },
      source: { en: 'Cyber policy, clause 7' },
      steps: [{ limits: [{ from: 'classification', months: 0, after: 'PT48H' }] }],
    });
  });

  it.each(['fr', 'en'] as const)('in %s, gives a step several limits, the earliest of which applies, and a later step one counted from the first step sent', async (language) => {
    const latest = edited(language);
    click(screen.getByTestId('obligation-add'));
    const own = () => latest().regulatory.obligations.at(-1)!;
    const first = own().steps[0]!;
    const controls = screen.getByTestId('plan-own-obligations').querySelectorAll<HTMLElement>('.mantine-Accordion-control');
    click(controls[controls.length - 1]!);
    const addLimit = await screen.findByRole('button', { name: t('plan.obligations.addLimit') });
    fireEvent.change(screen.getByLabelText(t('plan.obligations.within')), { target: { value: '3' } });
    click(addLimit);
    expect(screen.getByText(t('plan.obligations.earliest'))).toBeTruthy();
    // The second limit comes as a day from awareness, shown in days.
    const second = within(screen.getByTestId(`limit-${first.id}-1`));
    expect((second.getByLabelText(`${t('plan.obligations.unit')} (2)`) as HTMLInputElement).value).toBe(t('plan.obligations.units.days'));
    fireEvent.change(second.getByLabelText(`${t('plan.obligations.within')} (2)`), { target: { value: '2' } });
    expect(own().steps[0]!.limits).toEqual([
      { from: 'classification', months: 0, after: 'PT3H' },
      { from: 'awareness', months: 0, after: 'P2D' },
    ]);

    // A second step's limit counts from the classification by default…
    click(screen.getByRole('button', { name: t('plan.obligations.addStep') }));
    const step2 = own().steps[1]!;
    const from = within(screen.getByTestId(`limit-${step2.id}-0`)).getByLabelText(t('plan.obligations.from')) as HTMLInputElement;
    expect(from.value).toBe(t('plan.obligations.fromOptions.classification'));
    // …or, as a later step, the sending of the first one (unnamed yet, so by its number).
    await choose(from, t('plan.obligations.fromOptions.stepSent', { step: t('plan.obligations.stepNumber', { n: 1 }) }));
    expect(own().steps[1]!.limits).toEqual([{ from: 'stepSent', step: first.id, months: 0, after: 'PT2H' }]);

    // Back to one limit on the first step: the one counted from awareness stays.
    click(screen.getByRole('button', { name: t('plan.obligations.removeLimit', { n: 1 }) }));
    expect(own().steps[0]!.limits).toEqual([{ from: 'awareness', months: 0, after: 'P2D' }]);
    expect(screen.queryByText(t('plan.obligations.earliest'))).toBeNull();
  });
});
