import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MobilisedBanner } from '../../../../src/renderer/src/features/notify/MobilisedBanner';
import { DeliveriesPanel } from '../../../../src/renderer/src/features/incidents/DeliveriesPanel';
import type { MyCall } from '../../../../src/shared/domain/notify';
import { backend } from '../../support/fakeBackend';
import { INCIDENT_ID } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp } from '../../support/render';

const MOBILISATION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const AT = '2026-03-14T09:00:00.000Z';

const myCall = (overrides: Partial<MyCall> = {}): MyCall => ({
  mobilisationId: MOBILISATION,
  incidentId: INCIDENT_ID,
  title: 'Fuite de données clients',
  level: 'crisis',
  startedAt: AT,
  mobilisedBy: 'Alice Martin',
  roleId: 'legal',
  roleName: { fr: 'Juridique', en: 'Legal' },
  personName: 'Zoé Müller',
  acknowledgedAt: null,
  ...overrides,
});

describe('MobilisedBanner', () => {
  it.each([
    ['en', 'You are mobilised: Fuite de données clients — Legal', 'Acknowledge'],
    ['fr', 'Vous êtes mobilisé·e\u202f: Fuite de données clients — Juridique', 'Accuser réception'],
  ] as const)('asks in %s, and acknowledges from this laptop', async (language, text, button) => {
    backend.reply('notify:mine', [myCall()]);
    backend.reply('notify:acknowledgeMine', [myCall({ acknowledgedAt: AT })]);
    renderInApp(<MobilisedBanner />, { language });
    expect((await screen.findByTestId('mobilised-text')).textContent).toBe(text);
    click(screen.getByRole('button', { name: button }));
    await waitFor(() => expect(backend.sent('notify:acknowledgeMine')).toEqual([{ workspaceId: 'live', mobilisationId: MOBILISATION, roleId: 'legal' }]));
    await waitFor(() => expect(screen.queryByTestId('mobilised-banner')).toBeNull());
  });

  it('shows nothing once every call is acknowledged', async () => {
    backend.reply('notify:mine', [myCall({ acknowledgedAt: AT })]);
    renderInApp(<MobilisedBanner />);
    await waitFor(() => expect(backend.sent('notify:mine')).toHaveLength(1));
    expect(screen.queryByTestId('mobilised-banner')).toBeNull();
  });
});

describe('DeliveriesPanel, acknowledgements from laptops', () => {
  it('tells a genuine acknowledgement from a refused one', async () => {
    const ack = { mobilisationId: MOBILISATION, roleId: 'legal', personName: 'Zoé Müller', deviceId: 'c'.repeat(32), acknowledgedAt: AT };
    backend.reply('notify:deliveries', {
      blocked: null,
      messages: [],
      laptopAcknowledgements: [
        { ...ack, memberName: 'Mallory', genuine: false },
        { ...ack, memberName: 'Zoé', genuine: true },
      ],
    });
    renderInApp(<DeliveriesPanel incidentId={INCIDENT_ID} />, { language: 'en' });
    const rows = await screen.findAllByTestId('laptop-acknowledgement');
    expect(rows.map((r) => r.getAttribute('data-genuine'))).toEqual(['false', 'true']);
    expect(rows[0]!.textContent).toContain('Not genuine — refused');
    expect(rows[1]!.textContent).toContain('From their laptop');
    expect(rows[1]!.textContent).toContain('Zoé Müller (Legal) acknowledged from laptop Zoé');
  });
});
