// @vitest-environment jsdom
// The wall screen's negative share says how sure it is: its likely range, and whether it is corrected.
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StatCards } from '../../../../../src/renderer/src/features/dashboard/StatCards';
import type { DashboardSeries } from '../../../../../src/shared/domain/dashboard';
import { uiCatalogs } from '../../../../../src/shared/i18n/index';

beforeAll(async () => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false })) as never;
  await i18next.use(initReactI18next).init({
    lng: 'fr',
    resources: { fr: { translation: uiCatalogs.fr }, en: { translation: uiCatalogs.en } },
    interpolation: { escapeValue: false },
  });
});
afterEach(cleanup);

const series = (negativeShare: DashboardSeries['negativeShare']): DashboardSeries => ({
  watchId: 1,
  range: '1h',
  from: '2026-03-10T11:00:00.000Z',
  to: '2026-03-10T12:00:00.000Z',
  bucketMinutes: 1,
  baselineDays: 0,
  replayed: null,
  total: 40,
  negativeShare,
  points: [],
  alerts: [],
  statements: [],
});

const shown = (s: DashboardSeries) => {
  render(
    <MantineProvider>
      <StatCards series={s} rangeName="1 h" />
    </MantineProvider>,
  );
  return screen.getByTestId('stat-negative').textContent;
};

describe('negative share card', () => {
  it('shows the corrected share with its likely range, in French', async () => {
    await i18next.changeLanguage('fr');
    expect(shown(series({ share: 0.254, low: 0.12, high: 0.41, corrected: true }))).toContain(
      '25\u00a0%Probablement 12\u00a0% à 41\u00a0%, corrigée des erreurs connues du modèle de tonalité',
    );
  });

  it('says when the share is as classified, in English', async () => {
    await i18next.changeLanguage('en');
    expect(shown(series({ share: 0.3, low: 0.17, high: 0.47, corrected: false }))).toContain(
      '30\u00a0%Likely 17\u00a0%–47\u00a0%, as classified (too few tone corrections to correct it)',
    );
  });

  it('shows a dash when no mention has a tone', () => {
    expect(shown(series(null))).toContain('–');
  });
});
