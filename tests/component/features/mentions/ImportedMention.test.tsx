import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StoredMention } from '../../../../src/shared/domain/storedMention';
import { MentionCard } from '../../../../src/renderer/src/features/mentions/MentionCard';
import { MentionDetail } from '../../../../src/renderer/src/features/mentions/MentionDetail';
import { AT, watch } from '../../support/fixtures';
import { renderInApp } from '../../support/render';

// A post from an agency's export: its outlet (twitter.com), the source the person named at import, and what the
// agency said about it (sentiment, verified, hashtags) beside our own reading.
const imported: StoredMention = {
  id: 12,
  sourceId: 4,
  sourceKind: 'file',
  sourceName: 'rts.ch',
  sourceLabel: 'Agence Lémanique — Brandwatch',
  externalId: 'bw-000042',
  url: null,
  canonicalUrl: null,
  author: { handle: '@claire_mercier_rts', displayName: 'Claire Mercier', audience: 250_000, kind: 'journalist', verified: true },
  hashtags: ['#HelvetiaLeak'],
  title: null,
  text: 'Exclusif : la fuite de données de la Banque Helvetia concerne 80 000 clients. #HelvetiaLeak',
  language: 'fr',
  publishedAt: AT,
  fetchedAt: AT,
  engagement: { likes: null, shares: null, replies: null },
  replyToExternalId: null,
  toneClass: 'negative',
  toneScore: -0.8,
  toneCorrected: false,
  agencyTone: 'negative',
  watchIds: [7],
};

describe('A mention imported from an agency export', () => {
  it('shows on its card the source the person named, beside the outlet', () => {
    renderInApp(<MentionCard mention={imported} onOpen={() => {}} />);
    expect(screen.getByTestId('mention-card').textContent).toContain('rts.ch · Claire Mercier');
    expect(screen.getByTestId('mention-source-label').textContent).toBe('Agence Lémanique — Brandwatch');
  });

  it('shows no second name when the source is its own outlet', () => {
    renderInApp(<MentionCard mention={{ ...imported, sourceName: 'Agence Lémanique — Brandwatch' }} onOpen={() => {}} />);
    expect(screen.queryByTestId('mention-source-label')).toBeNull();
  });

  it.each([
    ['en', ['Source', 'rts.ch · Agence Lémanique — Brandwatch (File import)'], ['Agency sentiment', 'Negative'], ['Verified account', '✓'], ['Hashtags', '#HelvetiaLeak']],
    ['fr', ['Source', 'rts.ch · Agence Lémanique — Brandwatch (Import de fichier)'], ['Tonalité de l’agence', 'Négative'], ['Compte vérifié', '✓'], ['Mots-dièses', '#HelvetiaLeak']],
  ] as const)('details in %s the source named at import and what the agency said', (language, ...expected) => {
    renderInApp(<MentionDetail mention={imported} watches={[watch()]} />, { language });
    const rows = within(screen.getByTestId('mention-detail'))
      .getAllByRole('row')
      .map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]);
    for (const row of expected) expect(rows).toContainEqual(row);
  });
});
