import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BacktestResult } from '../../../../src/shared/domain/detection';
import { BacktestTimeline } from '../../../../src/renderer/src/features/detection/BacktestTimeline';
import { DetectionSettingsPanel } from '../../../../src/renderer/src/features/detection/DetectionSettingsPanel';
import { formatDateTime } from '../../../../src/renderer/src/i18n/format';
import { backend } from '../../support/fakeBackend';
import { alert, plan, watch } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const why = alert().explanation;
const leakWhy = {
  ...why,
  signals: [{ kind: 'vocabulary' as const, level: 'alert' as const, value: 40, reference: null, items: ['fuite de données'] }],
  topTerms: [{ term: '#HelvetiaLeak', count: 30 }],
  topAuthors: [{ name: 'Claire Martin', audience: 250_000, kind: 'journalist', mentions: 1 }],
};

const result: BacktestResult = {
  watchId: 7,
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-03-08T00:00:00.000Z',
  buckets: [{ at: '2026-03-01T00:00:00.000Z', count: 3, baseline: 2.5, level: 'calm' }],
  alerts: [{ openedAt: '2026-03-06T14:16:00.000Z', level: 'alert', closedAt: '2026-03-06T17:00:00.000Z', signals: leakWhy.signals }],
  mentions: 1200,
  changes: [
    { at: '2026-03-03T10:20:00.000Z', level: 'vigilance', previous: 'calm' },
    { at: '2026-03-03T12:05:00.000Z', level: 'calm', previous: 'vigilance' },
    { at: '2026-03-06T14:16:00.000Z', level: 'alert', previous: 'calm' },
    { at: '2026-03-06T17:00:00.000Z', level: 'calm', previous: 'alert' },
  ],
  episodes: [
    { startedAt: '2026-03-03T10:20:00.000Z', endedAt: '2026-03-03T12:05:00.000Z', peakLevel: 'vigilance', peakAt: '2026-03-03T10:20:00.000Z', alerted: false, explanation: why },
    { startedAt: '2026-03-06T14:16:00.000Z', endedAt: '2026-03-06T17:00:00.000Z', peakLevel: 'alert', peakAt: '2026-03-06T14:16:00.000Z', alerted: true, explanation: leakWhy },
  ],
};

describe('Backtest story', () => {
  afterEach(() => {
    window.location.hash = '';
    vi.restoreAllMocks();
  });

  it.each(['en', 'fr'] as const)('lists level changes at local times and every episode with its why-card (%s)', (language) => {
    renderInApp(<BacktestTimeline result={result} watchName="Banque Léman" />, { language });
    const changes = screen.getByTestId('backtest-changes');
    expect(changes.textContent).toContain(formatDateTime('2026-03-06T14:16:00.000Z', language));
    expect(changes.textContent).not.toContain('2026-03-06T');
    const episodes = screen.getAllByTestId('backtest-episode');
    expect(episodes.map((e) => e.getAttribute('data-level'))).toEqual(['vigilance', 'alert']);
    expect(episodes[0]!.textContent).toContain(t('detection.backtest.vigilanceOnly'));
    expect(episodes[1]!.textContent).toContain(t('detection.backtest.alerted'));
    expect(screen.queryByTestId('why-card')).toBeNull();
    click(screen.getByTestId('backtest-episode-why-1'));
    const card = screen.getByTestId('why-card');
    expect(card.textContent).toContain('fuite de données');
    expect(card.textContent).toContain('Claire Martin');
  });

  it('opens the backtest of the period a link names, runs it, and exports it', async () => {
    backend.reply('watches:list', [watch({ id: 3, name: 'Autre' }), watch({ id: 7, name: 'Banque Léman' })]);
    backend.reply('detection:getSettings', { watchId: 7, origin: 'plan', settings: plan().thresholds.defaults });
    backend.reply('detection:backtest', result);
    backend.reply('detection:backtestExport', { fileName: 'backtest.csv', mimeType: 'text/csv', content: 'started_at\n' });
    const created = vi.fn(() => 'blob:backtest');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    window.location.hash = `#/alerts?backtest=1&from=${result.from}&to=${result.to}&watch=7`;
    renderInApp(<DetectionSettingsPanel />);
    await waitFor(() => expect(backend.sent('detection:backtest')).toHaveLength(1));
    await screen.findByTestId('backtest-timeline', {}, { timeout: 5000 });
    expect(backend.sent('detection:backtest')).toEqual([
      { workspaceId: 'live', watchId: 7, from: result.from, to: result.to, settings: plan().thresholds.defaults },
    ]);
    click(screen.getByTestId('backtest-export-csv'));
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(backend.sent('detection:backtestExport')).toEqual([
      { workspaceId: 'live', watchId: 7, from: result.from, to: result.to, settings: plan().thresholds.defaults, format: 'csv' },
    ]);
  });
});
