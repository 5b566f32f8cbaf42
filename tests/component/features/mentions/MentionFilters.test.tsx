import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS, MentionFilters, toMentionFilter, type FilterState } from '../../../../src/renderer/src/features/mentions/MentionFilters';
import { source, watch } from '../../support/fixtures';
import { choose, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

function Harness({ onFilter }: { onFilter: (f: FilterState) => void }) {
  const [value, setValue] = useState(EMPTY_FILTERS);
  return (
    <MentionFilters
      value={value}
      onChange={(next) => {
        setValue(next);
        onFilter(next);
      }}
      watches={[watch({ id: 7, name: 'Acme' })]}
      sources={[source({ id: 3, name: 'Le Monde' })]}
      bounds={null}
      onBounds={() => undefined}
    />
  );
}

describe('MentionFilters', () => {
  it('turns the choices into the contract filter, the period into a start time', async () => {
    const onFilter = vi.fn<(f: FilterState) => void>();
    renderInApp(<Harness onFilter={onFilter} />, { language: 'fr' });
    await choose(screen.getByRole('combobox', { name: t('mentions.watch') }), 'Acme');
    await choose(screen.getByRole('combobox', { name: t('mentions.tone') }), t('mentions.tones.negative'));
    fireEvent.click(screen.getByRole('radio', { name: t('mentions.periods.day') }));
    type(screen.getByRole('textbox', { name: t('mentions.minAudience') }), '10000');
    type(screen.getByTestId('mentions-search'), '  "rappel de lots" ');
    // The search waits for the typing to pause before filtering.
    await waitFor(() => expect(onFilter.mock.lastCall?.[0].query).toBe('  "rappel de lots" '));
    const state = onFilter.mock.lastCall![0];
    expect(toMentionFilter(state, Date.parse('2025-03-14T12:00:00Z'))).toEqual({
      query: '"rappel de lots"',
      watchId: 7,
      sourceId: undefined,
      language: undefined,
      tone: 'negative',
      minAudience: 10_000,
      from: '2025-03-13T12:00:00.000Z',
    });
  });

  it('asks for everything when nothing is chosen', () => {
    expect(toMentionFilter(EMPTY_FILTERS, Date.now())).toEqual({
      query: undefined,
      watchId: undefined,
      sourceId: undefined,
      language: undefined,
      tone: undefined,
      minAudience: undefined,
      from: undefined,
    });
  });
});
