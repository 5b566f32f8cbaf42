// The obligations tab: presets show their sources and cannot be edited (only kept or removed); the firm's own
// obligations are written with their steps and deadlines.
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../src/shared/domain/plan';
import { ObligationsEditor } from '../../../../src/renderer/src/features/plan/ObligationsEditor';
import type { EditPlan } from '../../../../src/renderer/src/features/plan/planEditing';
import { plan as shippedPlan } from '../../support/fixtures';
import { click, type } from '../../support/interact';
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
    const hours = screen.getByLabelText(t('plan.obligations.hours'));
    fireEvent.change(hours, { target: { value: '48' } });
    expect(own()).toMatchObject({
      name: { en: 'Tell the main insurer' },
      source: { en: 'Cyber policy, clause 7' },
      steps: [{ limits: [{ from: 'classification', months: 0, after: 'PT48H' }] }],
    });
  });
});
