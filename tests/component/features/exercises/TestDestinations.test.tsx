import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestDestinationsPanel } from '../../../../src/renderer/src/features/exercises/TestDestinationsPanel';
import { backend } from '../../support/fakeBackend';
import { plan, storedPlan } from '../../support/fixtures';
import { choose, click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const EXERCISE = 'exercise-acme-1';
const NONE = { catchAll: { email: '', sms: '', messenger: '' }, people: [] };

/** The plan as stored: each person has the id the plan gave them. */
function identifiedPlan() {
  const stored = plan();
  stored.roles.forEach((role, r) => {
    if (role.holder) role.holder.id = `holder-${r}`;
    role.deputies.forEach((deputy, d) => (deputy.id = `deputy-${r}-${d}`));
  });
  return stored;
}

describe('Exercise test destinations', () => {
  it.each(['fr', 'en'] as const)('says in %s that nothing is sent without any, and saves a catch-all and one person', async (language) => {
    backend.reply('notify:testDestinations', NONE);
    backend.reply('plan:get', storedPlan({ plan: identifiedPlan() }));
    backend.on('notify:setTestDestinations', ({ destinations }) => destinations);
    renderInApp(<TestDestinationsPanel workspaceId={EXERCISE} />, { language });
    expect((await screen.findByTestId('destinations-none')).textContent).toBe(t('exercises.destinations.none'));

    type(screen.getByTestId('destination-all-email'), 'drill@example.test');
    const someone = plan().roles[2]!.holder!.name;
    await choose(screen.getByTestId('destination-person'), someone);
    click(screen.getByText(t('exercises.destinations.add')));
    type(await screen.findByLabelText(`${someone} — ${t('notify.channels.sms')}`), '+41000000099');
    click(screen.getByTestId('destinations-save'));

    await waitFor(() => expect(backend.sent('notify:setTestDestinations')).toHaveLength(1));
    expect(backend.sent('notify:setTestDestinations')[0]).toEqual({
      workspaceId: EXERCISE,
      destinations: { catchAll: { email: 'drill@example.test', sms: '', messenger: '' }, people: [{ personId: 'holder-2', person: someone, email: '', sms: '+41000000099', messenger: '' }] },
    });
    expect((await screen.findByTestId('destinations-saved')).textContent).toBe(t('exercises.destinations.saved'));
    expect(screen.queryByTestId('destinations-none')).toBeNull();
  });

  it('shows a person by the name the plan now gives them, found by their id', async () => {
    const current = identifiedPlan().roles[2]!.holder!.name;
    backend.reply('notify:testDestinations', { ...NONE, people: [{ personId: 'holder-2', person: 'Nom avant correction', email: '', sms: '+41000000099', messenger: '' }] });
    backend.reply('plan:get', storedPlan({ plan: identifiedPlan() }));
    renderInApp(<TestDestinationsPanel workspaceId={EXERCISE} />, { language: 'fr' });
    expect(((await screen.findByLabelText(`${current} — ${t('notify.channels.sms')}`)) as HTMLInputElement).value).toBe('+41000000099');
    expect(screen.queryByText('Nom avant correction')).toBeNull();
  });
});
