// Each editor over a small draft (two roles, one playbook…): what a person types lands where the plan keeps it.
import { screen, within } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../src/shared/domain/plan';
import { CampaignsEditor } from '../../../../src/renderer/src/features/plan/CampaignsEditor';
import { ContactsEditor } from '../../../../src/renderer/src/features/plan/ContactsEditor';
import type { EditPlan, PlanEditorProps } from '../../../../src/renderer/src/features/plan/planEditing';
import { PlaybooksEditor } from '../../../../src/renderer/src/features/plan/PlaybooksEditor';
import { RolesEditor } from '../../../../src/renderer/src/features/plan/RolesEditor';
import { plan as shippedPlan } from '../../support/fixtures';
import { click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

function smallPlan(): CrisisPlan {
  const full = shippedPlan();
  return {
    ...full,
    roles: full.roles.slice(0, 2).map((r) => ({ ...r, deputies: [], instructions: [{ fr: 'Appeler le PDG', en: 'Call the CEO' }] })),
    playbooks: [{ ...full.playbooks[0]!, items: full.playbooks[0]!.items.slice(0, 1) }],
    contacts: [],
    campaigns: full.campaigns.slice(0, 1),
  };
}

/** Holds the draft as PlanScreen does (copy on write) and hands each new version to the test. */
function editWith(Editor: ComponentType<PlanEditorProps>) {
  const drafts: CrisisPlan[] = [];
  function Harness() {
    const [draft, setDraft] = useState(smallPlan);
    const edit: EditPlan = (change) =>
      setDraft((previous) => {
        const next = structuredClone(previous);
        change(next);
        drafts.push(next);
        return next;
      });
    return <Editor plan={draft} edit={edit} />;
  }
  renderInApp(<Harness />);
  return () => drafts.at(-1)!;
}

describe('Plan editors', () => {
  it('roles: adds a deputy and removes an instruction of the role being edited', () => {
    const latest = editWith(RolesEditor);
    const role = smallPlan().roles[0]!;
    click(screen.getByTestId(`role-${role.id}-add-deputy`));
    type(screen.getByTestId(`role-${role.id}-deputy-0-name`), 'Paul Roux');
    type(screen.getByTestId(`role-${role.id}-deputy-0-phone`), '+33 6 12 12 12 12');
    expect(latest().roles[0]!.deputies).toEqual([{ name: 'Paul Roux', title: '', phone: '+33 6 12 12 12 12', altPhone: '', email: '' }]);
    const item = screen.getByTestId(`role-${role.id}-add-deputy`).closest<HTMLElement>('.mantine-Accordion-item')!;
    click(within(item).getAllByRole('button', { name: t('plan.remove'), hidden: true }).at(-1)!);
    expect(latest().roles[0]!.deputies).toHaveLength(1);
    expect(latest().roles[0]!.instructions).toEqual([]);
    expect(latest().roles[1]!.instructions).toHaveLength(1);
  });

  it('playbooks: turns the H+ hours typed into an ISO duration, and adds an action owned by the first role', () => {
    const latest = editWith(PlaybooksEditor);
    type(screen.getByRole('textbox', { name: t('plan.fields.deadlineHelp') }), 'H+1.5');
    expect(latest().playbooks[0]!.items[0]!.deadline).toBe('PT1H30M');
    click(screen.getByRole('button', { name: t('plan.fields.addItem') }));
    expect(latest().playbooks[0]!.items[1]).toMatchObject({ phase: 'respond', ownerRole: smallPlan().roles[0]!.id, deadline: 'PT1H', text: { fr: '', en: '' } });
  });

  it('contacts: adds an empty contact, then fills it in', () => {
    const latest = editWith(ContactsEditor);
    click(screen.getByRole('button', { name: t('plan.add') }));
    type(screen.getByRole('textbox', { name: t('plan.fields.name') }), 'Préfecture du Rhône');
    type(screen.getByRole('textbox', { name: t('plan.fields.phone') }), '04 72 61 60 60');
    expect(latest().contacts).toEqual([
      expect.objectContaining({ category: 'other', name: 'Préfecture du Rhône', phone: '04 72 61 60 60', organisation: '', email: '' }),
    ]);
  });

  it('campaigns: reads the channels as a comma-separated list', () => {
    const latest = editWith(CampaignsEditor);
    type(screen.getByRole('textbox', { name: t('plan.fields.channels') }), ' Meta Ads, , Google Ads ,Newsletter');
    expect(latest().campaigns[0]!.channels).toEqual(['Meta Ads', 'Google Ads', 'Newsletter']);
  });
});
