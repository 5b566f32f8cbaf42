import { getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertActions } from '../../../../src/renderer/src/features/detection/AlertActions';
import { LevelBanner } from '../../../../src/renderer/src/features/detection/LevelBanner';
import { WatchAlertNotice } from '../../../../src/renderer/src/features/detection/WatchAlertNotice';
import { WhyCard } from '../../../../src/renderer/src/features/detection/WhyCard';
import { IncidentsScreen } from '../../../../src/renderer/src/features/incidents/IncidentsScreen';
import type { Alert } from '../../../../src/shared/domain/detection';
import { backend } from '../../support/fakeBackend';
import { alert, AT, incident, INCIDENT_ID } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

afterEach(() => {
  window.location.hash = '';
});

const breachProposal = { alertId: 31, incidentId: null, scenarioId: 'dataBreach', scenarioKind: 'dataBreach' as const, because: ['fuite de données', 'piratage'] };

function inAlert(a: Alert, liveSignals: Alert['explanation']['signals'] = a.explanation.signals) {
  backend.reply('detection:overview', {
    level: a.level,
    watches: [{ watchId: a.watchId, watchName: a.watchName, level: a.level, since: a.openedAt, alert: a, signals: liveSignals }],
  });
}

describe('Opening an incident from an alert', () => {
  it('is offered on an acknowledged alert, proposes the scenario of its words and opens the incident', async () => {
    backend.reply('incidents:list', []);
    backend.reply('incidents:proposeFromAlert', breachProposal);
    backend.reply('incidents:openFromAlert', incident());
    renderInApp(<AlertActions alert={alert({ id: 31, status: 'acknowledged', statusBy: 'Léa', statusAt: AT })} />);
    click(screen.getByTestId('open-from-alert-31'));
    expect((await screen.findByTestId('incident-scenario-because')).textContent).toBe(
      t('incidents.alerts.proposed', { words: 'fuite de données, piratage' }),
    );
    expect((screen.getByTestId('incident-scenario') as HTMLInputElement).value).toBe(t('incidents.scenario.dataBreach'));
    click(screen.getByTestId('incident-open-submit'));
    await waitFor(() => expect(window.location.hash).toBe(`#/incidents/${INCIDENT_ID}/overview`));
    expect(backend.sent('incidents:openFromAlert')).toEqual([
      expect.objectContaining({ workspaceId: 'live', alertId: 31, scenarioKind: 'dataBreach', severity: 'high' }),
    ]);
  });

  it('opens the incident the alert already has instead of a second one', async () => {
    backend.reply('incidents:list', [
      // An alert of a deleted watch once had the same id.
      incident({ id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', alert: { alertId: '31', raisedAt: '2026-01-05T08:00:00.000Z', why: [], mentions: [] } }),
      incident({ alert: { alertId: '31', raisedAt: AT, why: [], mentions: [] } }),
    ]);
    renderInApp(<AlertActions alert={alert({ id: 31, status: 'acknowledged' })} />, { language: 'fr' });
    const link = await screen.findByTestId('incident-of-alert-31');
    expect(link.textContent).toBe('Ouvrir son incident');
    expect(link.getAttribute('href')).toBe(`#/incidents/${INCIDENT_ID}/overview`);
    expect(screen.queryByTestId('open-from-alert-31')).toBeNull();
  });

  it('is on the level banner, whose signals are the ones its Why? dialog shows', async () => {
    backend.reply('incidents:list', []);
    const a = alert({ id: 31, status: 'acknowledged' });
    // The live signals of the moment may differ from the why-card: the banner names the why-card's.
    inAlert(a, [...a.explanation.signals, { kind: 'audience', level: 'vigilance', value: 250_000, reference: 100_000, items: ['Paul Roux'] }]);
    renderInApp(<LevelBanner />);
    const banner = await screen.findByTestId('level-banner');
    expect(within(banner).getByTestId('open-from-alert-31').textContent).toBe(t('incidents.alerts.openIncident'));
    expect(within(banner).getByText(t('detection.signals.volume'))).toBeTruthy();
    expect(within(banner).queryByText(new RegExp(t('detection.signals.audience')))).toBeNull();
    click(within(banner).getByTestId('level-why'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('why-signal-volume').textContent).toContain(t('detection.level.alert'));
    expect(within(dialog).getByTestId('open-from-alert-31')).toBeTruthy();
  });

  it('is on the dashboard of a watch in alert, with its why-card', async () => {
    backend.reply('incidents:list', []);
    inAlert(alert({ id: 31, watchId: 7 }));
    renderInApp(<WatchAlertNotice watchId={7} />, { language: 'fr' });
    const notice = await screen.findByTestId('watch-alert-notice');
    expect(within(notice).getByTestId('open-from-alert-31').textContent).toBe('Ouvrir un incident');
    expect(within(notice).getByTestId('watch-alert-why').getAttribute('href')).toBe('#/alerts/31');
  });

  it('leaves the dashboard of a calm watch alone', async () => {
    backend.reply('detection:overview', { level: 'calm', watches: [{ watchId: 7, watchName: 'Acme', level: 'calm', since: null, alert: null, signals: [] }] });
    renderInApp(<WatchAlertNotice watchId={7} />);
    await waitFor(() => expect(backend.callCount('detection:overview')).toBe(1));
    expect(screen.queryByTestId('watch-alert-notice')).toBeNull();
  });

  it('is what the empty incidents list points to', async () => {
    backend.reply('incidents:list', []);
    backend.reply('detection:listAlerts', []);
    renderInApp(<IncidentsScreen />, { language: 'fr' });
    const link = await screen.findByTestId('incidents-empty-alerts');
    expect(link.getAttribute('href')).toBe('#/alerts');
    expect(screen.getByText(t('incidents.emptyHelp'), { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) })).toBeTruthy();
    expect(t('incidents.emptyHelp')).toContain('Ouvrir un incident');
  });

  it('lists acknowledged alerts still going on in the Incidents screen, each with its action', async () => {
    backend.reply('incidents:list', []);
    backend.reply('detection:listAlerts', [alert({ id: 31, status: 'acknowledged' }), alert({ id: 32, status: 'dismissed' }), alert({ id: 33, closedAt: AT })]);
    renderInApp(<IncidentsScreen />);
    const panel = await screen.findByTestId('open-alerts');
    expect(within(panel).getByTestId('open-from-alert-31')).toBeTruthy();
    expect(within(panel).queryByTestId('open-from-alert-32')).toBeNull();
    expect(within(panel).queryByTestId('open-from-alert-33')).toBeNull();
  });
});

describe('Why-card that follows its episode', () => {
  it('shows the explanation as it stands, its peak, and the opening on request', async () => {
    const opening = alert().explanation;
    const now = {
      ...opening,
      at: '2026-03-02T09:20:00.000Z',
      mentions: 60,
      topAuthors: [{ name: 'Paul Roux', audience: 250_000, kind: 'journalist', mentions: 1 }],
      peak: { at: '2026-03-02T09:00:00.000Z', mentions: 140 },
    };
    renderInApp(<WhyCard explanation={now} opening={opening} watchName="Acme" />);
    expect(screen.getByTestId('why-authors').textContent).toContain('Paul Roux');
    expect(screen.getByTestId('why-peak').textContent).toContain('140');
    click(screen.getByRole('radio', { name: t('detection.why.atOpening') }));
    await waitFor(() => expect(screen.queryByTestId('why-authors')).toBeNull());
    expect(screen.queryByTestId('why-peak')).toBeNull();
  });

  it('shows no choice for an explanation that has not moved since the opening', () => {
    const same = alert().explanation;
    renderInApp(<WhyCard explanation={same} opening={same} watchName="Acme" />);
    expect(screen.queryByTestId('why-version')).toBeNull();
  });
});
