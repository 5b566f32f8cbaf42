import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SourcesTable } from '../../../../src/renderer/src/features/sources/SourcesTable';
import { source } from '../../support/fixtures';
import { renderInApp } from '../../support/render';

// A file imported just now holds posts from months ago: what arrived in the last hour and how old the newest post is
// are two different facts, and the table must say which is which.
const imported = source({
  id: 4,
  kind: 'file',
  name: 'Agence Lémanique — Brandwatch',
  config: {},
  intervalSeconds: 3600,
  health: { ...source().health, state: 'push', itemsLastHour: 14466, lagSeconds: 274 * 86_400 },
});

describe('Sources table: activity', () => {
  it.each([
    ['en', ['Received in the last hour', 'Newest post published'], '14,466 items', '274 days ago'],
    ['fr', ['Reçus dans la dernière heure', 'Publication la plus récente'], '14\u202f466 éléments', 'il y a 274 jours'],
  ] as const)('in %s, says items were received in the last hour and when the newest post was published', (language, headers, received, newest) => {
    renderInApp(<SourcesTable sources={[imported]} onEdit={() => {}} />, { language });
    const headerTexts = screen.getAllByRole('columnheader').map((th) => th.textContent);
    for (const header of headers) expect(headerTexts).toContain(header);
    expect(screen.getByTestId('source-received').textContent).toBe(received);
    expect(screen.getByTestId('source-newest').textContent).toBe(newest);
  });
});
