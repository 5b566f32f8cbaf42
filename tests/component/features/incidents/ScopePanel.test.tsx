import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScopePanel } from '../../../../src/renderer/src/features/incidents/ScopePanel';
import { formatDateTime } from '../../../../src/renderer/src/i18n/format';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, watch } from '../../support/fixtures';
import { click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };
const START = '2026-03-06T09:42:00.000Z';

afterEach(() => {
  window.location.hash = '';
});

describe('ScopePanel', () => {
  it('shows the incident’s watches and open period, and sends a corrected scope with the operator', async () => {
    backend.reply('watches:list', [watch({ id: 1, name: 'Banque Léman' }), watch({ id: 2, name: 'Cafés Morand' })]);
    const detail = incident({ scope: { watchIds: [1], start: START, end: null } });
    backend.reply('incidents:setScope', incident({ scope: { watchIds: [1, 2], start: '2026-03-06T08:00:00.000Z', end: null } }));
    renderInApp(<ScopePanel detail={detail} actor={actor} />);
    await waitFor(() => expect(screen.getByTestId('scope-watches').textContent).toContain('Banque Léman'));
    expect(screen.getByTestId('scope-watches').textContent).not.toContain('Cafés Morand');
    expect(screen.getByTestId('scope-period').textContent).toContain(t('incidents.scope.since', { start: formatDateTime(START, 'en') }));

    click(screen.getByTestId('scope-edit'));
    const start = screen.getByLabelText(new RegExp(t('incidents.scope.start'))) as HTMLInputElement;
    // The start is edited in this computer's local time.
    expect(new Date(start.value).toISOString()).toBe(START);
    expect((screen.getByRole('checkbox', { name: 'Banque Léman' }) as HTMLInputElement).checked).toBe(true);
    click(screen.getByRole('checkbox', { name: 'Cafés Morand' }));
    type(start, '2026-03-06T09:00');
    click(screen.getByTestId('scope-save'));
    await waitFor(() => expect(backend.sent('incidents:setScope')).toHaveLength(1));
    expect(backend.sent('incidents:setScope')[0]).toEqual({
      workspaceId: 'live',
      incidentId: INCIDENT_ID,
      watchIds: [1, 2],
      start: new Date('2026-03-06T09:00').toISOString(),
      actor,
    });
    await waitFor(() => expect(screen.queryByTestId('scope-save')).toBeNull());
  });

  it('cannot be saved without a watch', async () => {
    backend.reply('watches:list', [watch({ id: 1, name: 'Banque Léman' })]);
    renderInApp(<ScopePanel detail={incident({ scope: { watchIds: [1], start: START, end: null } })} actor={actor} />, { language: 'fr' });
    await waitFor(() => expect(screen.getByTestId('scope-watches').textContent).toContain('Banque Léman'));
    click(screen.getByTestId('scope-edit'));
    click(screen.getByRole('checkbox', { name: 'Banque Léman' }));
    expect((screen.getByTestId('scope-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(t('incidents.scope.save'))).toBeTruthy();
  });

  it('opens the dashboard on the incident’s period and watches', async () => {
    backend.reply('watches:list', [watch({ id: 1, name: 'Banque Léman' })]);
    const end = '2026-03-06T10:20:00.000Z';
    renderInApp(<ScopePanel detail={incident({ status: 'closed', closedAt: end, scope: { watchIds: [1], start: START, end } })} actor={actor} />);
    expect(screen.getByTestId('scope-period').textContent).toContain('→');
    click(screen.getByTestId('scope-dashboard'));
    expect(window.location.hash).toBe(`#/dashboard?from=${encodeURIComponent(START)}&to=${encodeURIComponent(end)}&watch=1`);
  });
});
