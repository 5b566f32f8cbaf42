import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MobiliseModal } from '../../../../src/renderer/src/features/incidents/MobiliseModal';
import { RosterTab } from '../../../../src/renderer/src/features/incidents/RosterTab';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, rosterRole } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };
const roster = [
  rosterRole(),
  rosterRole({ roleId: 'legal', name: { fr: 'Juriste', en: 'Legal counsel' }, holder: { name: 'Zoé Müller', title: '', phone: '+41 79 555 01 10', altPhone: '', email: '' } }),
  rosterRole({ roleId: 'socialAnalyst', name: { fr: 'Veille', en: 'Monitoring' }, holder: null }),
];

describe('MobiliseModal', () => {
  it.each([
    ['en', '2 people to call by phone', 'Tocsin sends no message', '1 role has no holder'],
    ['fr', '2 personnes à appeler par téléphone', 'Tocsin n’envoie lui-même aucun message', '1 rôle n’a pas de titulaire'],
  ] as const)('says in %s who will be called and that nothing is sent, and sends nothing before confirmation', (language, toCall, noMessage, vacant) => {
    renderInApp(<MobiliseModal detail={incident({ roster })} actor={actor} onClose={vi.fn()} onMobilised={vi.fn()} />, { language });
    const dialog = screen.getByTestId('mobilise-confirm');
    expect(dialog.textContent).toContain(toCall);
    expect(dialog.textContent).toContain(noMessage);
    expect(dialog.textContent).toContain(vacant);
    expect(screen.getByTestId('mobilise-list').textContent).toContain('Zoé Müller — +41 79 555 01 10');
    expect(backend.sent('incidents:mobilise')).toEqual([]);
  });

  it('cancelling mobilises nobody', () => {
    const onClose = vi.fn();
    renderInApp(<MobiliseModal detail={incident({ roster })} actor={actor} onClose={onClose} onMobilised={vi.fn()} />);
    click(screen.getByTestId('mobilise-cancel'));
    expect(onClose).toHaveBeenCalledOnce();
    expect(backend.sent('incidents:mobilise')).toEqual([]);
  });

  it('mobilises once confirmed', async () => {
    backend.reply('incidents:mobilise', incident({ roster }));
    const onMobilised = vi.fn();
    renderInApp(<MobiliseModal detail={incident({ roster })} actor={actor} onClose={vi.fn()} onMobilised={onMobilised} />);
    click(screen.getByTestId('mobilise-submit'));
    await waitFor(() => expect(onMobilised).toHaveBeenCalledOnce());
    expect(backend.sent('incidents:mobilise')).toEqual([{ workspaceId: 'live', incidentId: INCIDENT_ID, actor }]);
  });
});

describe('duty on the roster', () => {
  it('shows the plan holders on standby, a call in progress, then on duty once reached', () => {
    const detail = incident({
      roster: [
        rosterRole({ onDuty: false, shiftStartedAt: null }),
        rosterRole({ roleId: 'legal', onDuty: false, shiftStartedAt: null }),
        rosterRole({ roleId: 'socialAnalyst', onDuty: true }),
        rosterRole({ roleId: 'customerServiceLead', onDuty: false }),
      ],
      mobilisation: {
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        startedAt: '2026-03-14T09:00:00.000Z',
        startedBy: 'Marie Durand',
        calls: [{ roleId: 'legal', personId: null, personName: 'Zoé Müller', phone: '+41 79 555 01 10', alertedAt: '2026-03-14T09:00:00.000Z', acknowledgedAt: null }],
        people: [{ personId: null, personName: 'Zoé Müller', phone: '+41 79 555 01 10', roleIds: ['legal'], alertedAt: '2026-03-14T09:00:00.000Z', acknowledgedAt: null }],
      },
    });
    renderInApp(<RosterTab detail={detail} actor={actor} onCallTree={vi.fn()} />);
    const duty = (roleId: string) => screen.getByTestId(`role-${roleId}`).textContent;
    expect(duty('communicationLead')).toContain('Standby (plan)');
    expect(duty('legal')).toContain('Being called');
    expect(duty('legal')).toContain('Not reached yet');
    expect(duty('socialAnalyst')).toContain('On duty');
    expect(duty('customerServiceLead')).toContain('Stood down');
    expect(screen.queryByText('Off duty')).toBeNull();
  });
});
