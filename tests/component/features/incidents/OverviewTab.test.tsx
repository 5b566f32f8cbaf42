// The "Opened from alert: why" box speaks the reader's language, whatever language the incident was opened in.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OverviewTab } from '../../../../src/renderer/src/features/incidents/OverviewTab';
import { snapshotOf } from '../../../../src/main/features/incidents/alertSnapshot';
import { backend } from '../../support/fakeBackend';
import { alert, incident } from '../../support/fixtures';
import { renderInApp } from '../../support/render';

const raised = alert({
  explanation: {
    ...alert().explanation,
    signals: [
      { kind: 'negativeShare', level: 'alert', value: 52.5, reference: 18.1, items: [] },
      { kind: 'vocabulary', level: 'vigilance', value: 9, reference: 3, items: ['fuite de données', 'scandale'] },
    ],
  },
});

describe('OverviewTab', () => {
  it.each([
    ['en', ['Negative share 52.5% (usually 18.1%)', 'Crisis vocabulary: fuite de données, scandale']],
    ['fr', ['Part négative 52,5 % (habituellement 18,1 %)', 'Vocabulaire de crise\u202f: fuite de données, scandale']],
  ] as const)('words the why box of an incident opened in French in %s', async (language, lines) => {
    backend.reply('crisisLog:list', []);
    renderInApp(<OverviewTab detail={incident({ alert: snapshotOf(raised, 'fr') })} actor={{ author: 'Marie Durand', authorRole: null }} />, { language });
    const items = (await screen.findByTestId('alert-why')).querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(lines);
  });
});
