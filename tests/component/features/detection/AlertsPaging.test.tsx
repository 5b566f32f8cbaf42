// The alerts list shows one page of the history at a time (never more rows than a page) and walks it by keyset.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertsScreen } from '../../../../src/renderer/src/features/detection/AlertsScreen';
import { backend } from '../../support/fakeBackend';
import { alert, plan, watch } from '../../support/fixtures';
import { click, isDisabled } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

describe('Alerts list pages', () => {
  it.each(['fr'] as const)('shows 50 alerts at a time in %s and reaches older ones by keyset, then comes back', async (language) => {
    backend.reply('watches:list', [watch({ id: 7, name: 'Acme' })]);
    backend.reply('detection:getSettings', { watchId: 7, origin: 'plan', settings: plan().thresholds.defaults });
    // A history of 400 alerts, newest first; the backend answers the page before each cursor.
    const at = (id: number) => new Date(Date.UTC(2026, 0, 1) + id * 3_600_000).toISOString();
    backend.on('detection:listAlerts', ({ limit, before }) => {
      const top = before ? before.id - 1 : 400;
      return Array.from({ length: Math.min(limit, top) }, (_, k) => alert({ id: top - k, openedAt: at(top - k), updatedAt: at(top - k) }));
    });
    renderInApp(<AlertsScreen />, { language });
    await screen.findByTestId('alert-row-400', {}, { timeout: 10_000 });
    const rows = () => screen.getByTestId('alerts-list').querySelectorAll('[data-testid^="alert-row-"]').length;
    expect(rows()).toBe(50);
    expect(isDisabled(screen.getByRole('button', { name: t('detection.alerts.newer', { lng: language }) }))).toBe(true);
    click(screen.getByRole('button', { name: t('detection.alerts.older', { lng: language }) }));
    await screen.findByTestId('alert-row-350', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('alert-row-400')).toBeNull();
    expect(rows()).toBe(50);
    expect(backend.sent('detection:listAlerts').at(-1)).toMatchObject({ limit: 50, before: { openedAt: at(351), id: 351 } });
    click(screen.getByTestId('alerts-newer'));
    await screen.findByTestId('alert-row-400', {}, { timeout: 10_000 });
  }, 90_000);
});
