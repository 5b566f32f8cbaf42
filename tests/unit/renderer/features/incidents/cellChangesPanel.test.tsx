// @vitest-environment jsdom
// The incident's changes from the cell's laptops: each named with its member's laptop, a forged one marked as not
// genuine, and what a forger wrote shown as text only.
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CellChangesPanel } from '../../../../../src/renderer/src/features/incidents/CellChangesPanel';
import type { CellChange } from '../../../../../src/shared/domain/incident';
import { uiCatalogs } from '../../../../../src/shared/i18n/index';

beforeAll(async () => {
  // Mantine reads the colour scheme from matchMedia, which jsdom lacks.
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false })) as never;
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: uiCatalogs.en }, fr: { translation: uiCatalogs.fr } }, interpolation: { escapeValue: false } });
});
afterEach(cleanup);

const base = { at: '2026-12-07T10:00:00.000Z', deviceId: 'b'.repeat(32), memberName: 'Bob' };
const changes: CellChange[] = [
  { ...base, id: 'c1', kind: 'severity', by: 'Bob', to: 'critical', genuine: true },
  { ...base, id: 'c2', kind: 'status', by: 'Mallory', to: '<img src=x onerror=alert(1)>', genuine: false },
  { ...base, id: 'c3', kind: 'handover', by: 'Bob', to: 'Bruno Relais', genuine: true, memberName: null },
];

describe('changes made across the cell', () => {
  it('names each change’s laptop and marks a forged one as not genuine, in English and French', async () => {
    await i18next.changeLanguage('en');
    const { container } = render(
      <MantineProvider>
        <CellChangesPanel changes={changes} />
      </MantineProvider>,
    );
    expect(within(screen.getByTestId('cell-change-c1')).getByText(/Critical — Bob, from Bob’s laptop/)).toBeTruthy();
    expect(within(screen.getByTestId('cell-change-c3')).getByText(/Bruno Relais — Bob, from an unknown laptop/)).toBeTruthy();
    expect(within(screen.getByTestId('cell-change-c2')).getByTestId('cell-change-forged').textContent).toContain('Not genuine');
    expect(within(screen.getByTestId('cell-change-c1')).queryByTestId('cell-change-forged')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    cleanup();
    await i18next.changeLanguage('fr');
    render(
      <MantineProvider>
        <CellChangesPanel changes={changes} />
      </MantineProvider>,
    );
    expect(screen.getByText('Modifications faites dans la cellule')).toBeTruthy();
    expect(within(screen.getByTestId('cell-change-c2')).getByTestId('cell-change-forged').textContent).toContain('Non authentique');
  });
});
