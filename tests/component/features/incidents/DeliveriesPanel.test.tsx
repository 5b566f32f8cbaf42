import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MobiliseModal } from '../../../../src/renderer/src/features/incidents/MobiliseModal';
import { RosterTab } from '../../../../src/renderer/src/features/incidents/RosterTab';
import type { DeliveryMessage } from '../../../../src/shared/domain/notify';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, rosterRole } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };
const AT = '2026-03-14T09:00:00.000Z';

const message = (overrides: Partial<DeliveryMessage>): DeliveryMessage => ({
  id: 'm1',
  incidentId: INCIDENT_ID,
  roleId: 'legal',
  stage: 'first',
  personName: 'Zoé Müller',
  channel: 'email',
  address: 'zoe@example.test',
  language: 'fr',
  status: 'sent',
  attempts: 1,
  reason: null,
  nextAttemptAt: null,
  sentAt: AT,
  deliveredAt: null,
  createdAt: AT,
  ...overrides,
});

const detail = incident({
  roster: [rosterRole({ roleId: 'legal', onDuty: false, shiftStartedAt: null })],
  mobilisation: {
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    startedAt: AT,
    startedBy: 'Marie Durand',
    calls: [{ roleId: 'legal', personId: null, personName: 'Zoé Müller', phone: '+41 79 555 01 10', alertedAt: AT, acknowledgedAt: null }],
    people: [{ personId: null, personName: 'Zoé Müller', phone: '+41 79 555 01 10', roleIds: ['legal'], alertedAt: AT, acknowledgedAt: null }],
  },
});

describe('DeliveriesPanel', () => {
  it.each([
    ['en', 'Messages sent', 'Sealed mode is on', 'Sent', 'No answer from 127.0.0.1:2525 within 20 s.', 'Deputy', 'Failed'],
    ['fr', 'Messages envoyés', 'Le mode scellé est actif', 'Envoyé', 'Aucune réponse de 127.0.0.1:2525 en 20', 'Suppléant', 'Échec'],
  ] as const)('shows in %s each message with its status and why it waits', async (language, title, sealed, sent, timeout, deputy, failed) => {
    backend.reply('notify:deliveries', {
      blocked: { key: 'sealed', params: {} },
      laptopAcknowledgements: [],
      messages: [
        message({}),
        message({ id: 'm2', stage: 'deputy', channel: 'sms', status: 'queued', attempts: 2, reason: { key: 'timeout', params: { host: '127.0.0.1:2525', seconds: 20 } }, nextAttemptAt: AT }),
        message({ id: 'm3', channel: 'messenger', status: 'failed', reason: { key: 'gatewayRefused', params: { host: 'hooks.example', status: 403 } } }),
      ],
    });
    renderInApp(<RosterTab detail={detail} actor={actor} onCallTree={vi.fn()} />, { language });
    const panel = await screen.findByTestId('deliveries-table');
    expect(screen.getByTestId('deliveries').textContent).toContain(title);
    expect(screen.getByTestId('deliveries-blocked').textContent).toContain(sealed);
    expect(screen.getByTestId('delivery-m1').textContent).toContain(sent);
    expect(screen.getByTestId('delivery-m2').textContent).toContain(timeout);
    expect(screen.getByTestId('delivery-m2').textContent).toContain(deputy);
    expect(screen.getByTestId('delivery-m3').textContent).toContain(failed);
    expect(panel.textContent).toContain('hooks.example');
  });

  it('records that the coordinator reached someone by phone', async () => {
    backend.reply('notify:deliveries', { blocked: null, messages: [], laptopAcknowledgements: [] });
    backend.reply('notify:acknowledge', { blocked: null, messages: [], laptopAcknowledgements: [] });
    renderInApp(<RosterTab detail={detail} actor={actor} onCallTree={vi.fn()} />);
    click(screen.getByTestId('reached-by-legal'));
    click(await screen.findByTestId('reached-by-legal-phone'));
    await waitFor(() => expect(backend.sent('notify:acknowledge')).toEqual([{ workspaceId: 'live', incidentId: INCIDENT_ID, roleId: 'legal', reachedBy: 'phone', actor }]));
  });

  it('tells before mobilising that alerts will go out when channels are set up', async () => {
    backend.reply('notify:settings', { email: null, sms: { url: 'https://sms.example/send', method: 'POST', headers: {}, bodyTemplate: '', bodyFormat: 'json', deliveredPath: '', deliveredValue: 'delivered', localNetwork: false, hmacHeader: null }, messenger: null });
    renderInApp(<MobiliseModal detail={detail} actor={actor} onClose={vi.fn()} onMobilised={vi.fn()} />, { language: 'en' });
    await waitFor(() => expect(screen.getByTestId('mobilise-messages').textContent).toContain('Tocsin also sends each person the alert on their own channel'));
  });
});
