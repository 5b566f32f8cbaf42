import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OpenIncidentModal } from '../../../../src/renderer/src/features/incidents/OpenIncidentModal';
import { backend } from '../../support/fakeBackend';
import { alert, incident, INCIDENT_ID, rememberOperator, watch } from '../../support/fixtures';
import { choose, click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const title = () => screen.getByTestId('incident-title') as HTMLInputElement;

describe('OpenIncidentModal', () => {
  it('will not submit without a title', () => {
    renderInApp(<OpenIncidentModal opened onClose={() => {}} onOpened={() => {}} />);
    expect(title().required).toBe(true);
    expect(title().form?.checkValidity()).toBe(false);
    type(title(), 'Rappel de lots');
    expect(title().form?.checkValidity()).toBe(true);
  });

  it('opens an incident with the scenario, severity, status and summary chosen, as the person at this computer', async () => {
    rememberOperator('Marie Durand', 'crisisLead');
    backend.on('incidents:open', ({ incident: input }) => incident({ title: input.title }));
    const onOpened = vi.fn();
    const onClose = vi.fn();
    renderInApp(<OpenIncidentModal opened onClose={onClose} onOpened={onOpened} />);
    type(title(), 'Rappel de lots Acme');
    await choose(screen.getByTestId('incident-scenario'), t('incidents.scenario.productDefect'));
    await choose(screen.getByRole('combobox', { name: t('incidents.fields.severity') }), t('incidents.severity.critical'));
    await choose(screen.getByRole('combobox', { name: t('incidents.fields.status') }), t('incidents.status.monitoring'));
    type(screen.getByRole('textbox', { name: t('incidents.fields.summary') }), 'Lots 42 à 48 rappelés.');
    click(screen.getByTestId('incident-open-submit'));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(INCIDENT_ID));
    expect(onClose).toHaveBeenCalled();
    expect(backend.sent('incidents:open')).toEqual([
      {
        workspaceId: 'live',
        incident: {
          title: 'Rappel de lots Acme',
          scenarioKind: 'productDefect',
          severity: 'critical',
          status: 'monitoring',
          summary: 'Lots 42 à 48 rappelés.',
          actor: { author: 'Marie Durand', authorRole: 'crisisLead' },
        },
      },
    ]);
  });

  it('by hand, names every active watch from now unless the person chooses the watches and the start', async () => {
    backend.reply('watches:list', [watch({ id: 1, name: 'Banque Léman' }), watch({ id: 2, name: 'Cafés Morand' }), watch({ id: 3, name: 'Archive', enabled: false })]);
    backend.on('incidents:open', ({ incident: input }) => incident({ title: input.title }));
    const onOpened = vi.fn();
    renderInApp(<OpenIncidentModal opened onClose={() => {}} onOpened={onOpened} />);
    const cafe = (await screen.findByRole('checkbox', { name: 'Cafés Morand' })) as HTMLInputElement;
    expect(cafe.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Banque Léman' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Archive' }) as HTMLInputElement).checked).toBe(false);
    type(title(), 'Fuite de données');
    click(cafe);
    type(screen.getByTestId('scope-start'), '2026-03-06T09:30');
    click(screen.getByTestId('incident-open-submit'));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(INCIDENT_ID));
    expect(backend.sent('incidents:open')[0]?.incident.scope).toEqual({ watchIds: [1], start: new Date('2026-03-06T09:30').toISOString() });
  });

  it('opens from an alert with the title and severity the alert suggests', async () => {
    backend.reply('incidents:openFromAlert', incident());
    const onOpened = vi.fn();
    renderInApp(<OpenIncidentModal opened onClose={() => {}} onOpened={onOpened} alert={alert({ id: 31, watchName: 'Acme', level: 'crisis' })} />, {
      language: 'fr',
    });
    expect(title().value).toBe('Acme — Crise');
    expect(screen.queryByRole('combobox', { name: t('incidents.fields.status') })).toBeNull();
    click(screen.getByTestId('incident-open-submit'));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(INCIDENT_ID));
    expect(backend.sent('incidents:openFromAlert')).toEqual([
      {
        workspaceId: 'live',
        alertId: 31,
        title: 'Acme — Crise',
        scenarioKind: 'viralComplaint',
        severity: 'critical',
        actor: { author: t('incidents.operator.unnamed'), authorRole: null },
      },
    ]);
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides.'],
    ['en', 'Some values are not valid.'],
  ] as const)('marks the title in %s when the backend refuses the incident', async (language, text) => {
    backend.refuse('incidents:open', 'INVALID_INPUT', 'Invalid input for incidents:open.', [{ path: 'incident.title', message: 'Too long' }]);
    const onOpened = vi.fn();
    renderInApp(<OpenIncidentModal opened onClose={() => {}} onOpened={onOpened} />, { language });
    type(title(), 'x'.repeat(150));
    click(screen.getByTestId('incident-open-submit'));
    expect(await screen.findByText(text)).toBeTruthy();
    expect(title().getAttribute('aria-invalid')).toBe('true');
    expect(onOpened).not.toHaveBeenCalled();
  });
});
