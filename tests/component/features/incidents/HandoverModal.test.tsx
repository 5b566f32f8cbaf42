import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HandoverModal } from '../../../../src/renderer/src/features/incidents/HandoverModal';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, rosterRole } from '../../support/fixtures';
import { click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };

describe('HandoverModal', () => {
  it('hands the role to the first deputy of the plan with a note', async () => {
    backend.reply('incidents:handover', incident());
    const onClose = vi.fn();
    renderInApp(<HandoverModal incidentId={INCIDENT_ID} role={rosterRole()} actor={actor} onClose={onClose} />);
    type(screen.getByTestId('handover-note'), 'Journalistes rappelés, voir l’entrée 12.');
    click(screen.getByTestId('handover-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(backend.sent('incidents:handover')).toEqual([
      {
        workspaceId: 'live',
        incidentId: INCIDENT_ID,
        roleId: 'communicationLead',
        to: { name: 'Hugo Blanc', title: 'Adjoint', phone: '+33 6 55 66 77 88', altPhone: '', email: '' },
        note: 'Journalistes rappelés, voir l’entrée 12.',
        actor,
      },
    ]);
  });

  it('asks for the name and phone of someone outside the plan', async () => {
    backend.reply('incidents:handover', incident());
    const onClose = vi.fn();
    renderInApp(<HandoverModal incidentId={INCIDENT_ID} role={rosterRole({ deputies: [] })} actor={actor} onClose={onClose} />);
    const name = screen.getByRole('textbox', { name: t('incidents.roster.personName') }) as HTMLInputElement;
    const phone = screen.getByRole('textbox', { name: t('incidents.roster.personPhone') }) as HTMLInputElement;
    expect(name.required && phone.required).toBe(true);
    expect(name.form?.checkValidity()).toBe(false);
    type(name, 'Inès Moreau');
    type(phone, '+33 7 00 00 00 01');
    expect(name.form?.checkValidity()).toBe(true);
    click(screen.getByTestId('handover-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(backend.sent('incidents:handover')[0]?.to).toEqual({ name: 'Inès Moreau', phone: '+33 7 00 00 00 01', title: '', altPhone: '', email: '' });
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for incidents:handover.'],
    ['en', 'Some values are not valid. Invalid input for incidents:handover.'],
  ] as const)('shows in %s why a phone number too short to call was refused', async (language, text) => {
    backend.expectInvalidInput('incidents:handover');
    const onClose = vi.fn();
    renderInApp(<HandoverModal incidentId={INCIDENT_ID} role={rosterRole({ deputies: [] })} actor={actor} onClose={onClose} />, { language });
    type(screen.getByRole('textbox', { name: t('incidents.roster.personName') }), 'Inès Moreau');
    type(screen.getByRole('textbox', { name: t('incidents.roster.personPhone') }), '12');
    click(screen.getByTestId('handover-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onClose).not.toHaveBeenCalled();
  });
});
